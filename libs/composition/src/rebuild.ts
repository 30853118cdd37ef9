import type { RecordedEvent } from '@dm/contracts';
import { TOPICS, topicForStream } from '@dm/contracts';
import { AssignmentView } from '@dm/progress-events';
import { StagedReadStore } from '@dm/read-store';
import { READ_MODEL_VERSION, READ_MODEL_VERSION_CHECKPOINT, reportProjector } from '@dm/report-projection';
import { AssignmentActivity } from '@dm/task-assignment';
import type { EmbeddedRuntime } from './embedded-runtime';

export interface RebuildResult {
  events: number;
  seconds: number;
}

/** How far a rebuild has come: events replayed of those stored, the rate so far and the time it needs yet at that rate. */
export interface RebuildProgress {
  done: number;
  total: number;
  perSecond: number;
  secondsLeft: number;
}

export interface RebuildOptions {
  /** Told about every `progressEveryMs` (default 1 s) and once at the end. */
  onProgress?: (progress: RebuildProgress) => void;
  progressEveryMs?: number;
}

/** A line for a person: "40,000 of 100,000 events (40%), 25,000 events/s, about 2 s left". */
export function describeProgress(p: RebuildProgress): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const percent = p.total ? Math.floor((100 * p.done) / p.total) : 100;
  const left = p.done >= p.total ? 'done' : `about ${Math.ceil(p.secondsLeft)} s left`;
  return `${n(p.done)} of ${n(p.total)} events (${percent}%), ${n(p.perSecond)} events/s, ${left}`;
}

const BATCH = 10_000;
/** Staged documents held in memory before they are written out. */
const MAX_STAGED = 500_000;
/** Insert-only rows (timeline, assignment facts) held before they are written out: they never change, so writing them early costs nothing. */
const MAX_INSERTS = 50_000;

/**
 * Truncates every read model and replays both event stores into them,
 * streaming the history in batches through the same projectors. Documents
 * are staged in memory and each is written once (or once per MAX_STAGED).
 */
export async function rebuildReadModels(runtime: EmbeddedRuntime, options: RebuildOptions = {}): Promise<RebuildResult> {
  const started = process.hrtime.bigint();
  const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9;
  // Positions of a SQLite store have no gaps: its head is how many events it holds.
  const total = (await Promise.all(Object.values(runtime.stores).map((s) => s.headPosition()))).reduce((a, b) => a + b, 0);
  const everyMs = options.progressEveryMs ?? 1000;
  let reportedAt = -Infinity;
  const report = (force = false) => {
    const now = elapsed();
    if (!options.onProgress || (!force && (now - reportedAt) * 1000 < everyMs)) return;
    reportedAt = now;
    const perSecond = Math.round(count / Math.max(now, 1e-6));
    options.onProgress({ done: count, total, perSecond, secondsLeft: perSecond ? (total - count) / perSecond : 0 });
  };
  const reports = new StagedReadStore(runtime.reportStore);
  const viewStore = new StagedReadStore(runtime.progressViewStore);
  const projector = reportProjector(reports);
  const view = new AssignmentView(viewStore, 0);
  const activityStore = new StagedReadStore(runtime.activityStore);
  const activity = new AssignmentActivity(activityStore);
  await projector.init();
  await projector.truncate();
  await view.truncate();
  await activity.truncate();
  let count = 0;
  for (const store of Object.values(runtime.stores)) {
    await reports.setCheckpoint(projector.checkpointName(store.name), 0);
    let batch: RecordedEvent[] = [];
    const flush = async () => {
      await projector.apply(store.name, batch);
      const directives = batch.filter((e) => topicForStream(e.streamId) === TOPICS.directives);
      if (directives.length) await view.apply(directives);
      await activity.apply(batch.filter((e) => topicForStream(e.streamId) === TOPICS.progress));
      count += batch.length;
      batch = [];
      report();
      if (reports.pendingInserts > MAX_INSERTS) await reports.flushInserts();
      if (reports.size + viewStore.size + activityStore.size > MAX_STAGED) {
        await reports.flush();
        await viewStore.flush();
        await activityStore.flush();
      }
    };
    for await (const event of store.readAll()) {
      batch.push(event);
      if (batch.length >= BATCH) await flush();
    }
    if (batch.length) await flush();
  }
  await reports.flush();
  await viewStore.flush();
  await activityStore.flush();
  // The indexes the truncates dropped, built once over the rows written.
  await projector.init();
  await runtime.reportStore.setCheckpoint(READ_MODEL_VERSION_CHECKPOINT, READ_MODEL_VERSION);
  report(true);
  return { events: count, seconds: elapsed() };
}

/**
 * Brings read models written by an older version up to READ_MODEL_VERSION:
 * rebuilt from the events when there are any, else only marked. Returns the
 * rebuild's figures, or null when nothing had to be rebuilt.
 */
export async function upgradeReadModels(runtime: EmbeddedRuntime, options: RebuildOptions = {}): Promise<RebuildResult | null> {
  const version = await runtime.reportStore.getCheckpoint(READ_MODEL_VERSION_CHECKPOINT);
  if (version === READ_MODEL_VERSION) return null;
  const hasEvents = (await Promise.all(Object.values(runtime.stores).map((s) => s.headPosition()))).some((head) => head > 0);
  const result = hasEvents ? await rebuildReadModels(runtime, options) : null;
  await runtime.reportStore.setCheckpoint(READ_MODEL_VERSION_CHECKPOINT, READ_MODEL_VERSION);
  return result;
}

/** The read models' document shape, and the checkpoint that records the one a store was written at. */
export { READ_MODEL_VERSION, READ_MODEL_VERSION_CHECKPOINT } from '@dm/report-projection';
