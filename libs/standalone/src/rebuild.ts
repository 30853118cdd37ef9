import type { RecordedEvent } from '@dm/contracts';
import { TOPICS, topicForStream } from '@dm/contracts';
import { ReportProjector } from '@dm/report-projection';
import type { EmbeddedRuntime } from './embedded-runtime';

export interface RebuildResult {
  events: number;
  seconds: number;
}

const BATCH = 2000;

/**
 * Truncates every read model and replays both event stores into them,
 * streaming the history in batches through the same projectors.
 */
export async function rebuildReadModels(runtime: EmbeddedRuntime): Promise<RebuildResult> {
  const started = process.hrtime.bigint();
  const projector = new ReportProjector(runtime.reportStore);
  await projector.init();
  await projector.truncate();
  await runtime.view.truncate();
  let count = 0;
  for (const store of Object.values(runtime.stores)) {
    await runtime.reportStore.setCheckpoint(`report-projection:${store.name}`, 0);
    let batch: RecordedEvent[] = [];
    const flush = async () => {
      await projector.apply(store.name, batch);
      const directives = batch.filter((e) => topicForStream(e.streamId) === TOPICS.directives);
      if (directives.length) await runtime.view.apply(directives);
      count += batch.length;
      batch = [];
    };
    for await (const event of store.readAll()) {
      batch.push(event);
      if (batch.length >= BATCH) await flush();
    }
    if (batch.length) await flush();
  }
  return { events: count, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}
