import { STREAM_PREFIX, type RecordedEvent } from '@dm/contracts';
import type { BusMessage } from '@dm/messaging';
import type { FactWrite, ReadStore } from '@dm/read-store';
import { factWritesFor, timelineWritesFor } from '@dm/reporting-domain';
import { DIRECTIVES, directiveWritesFor } from './directive-projection';

export const ASSIGNMENTS = 'assignments';
export const TIMELINE = 'timeline';
export const REPORT_PROJECTION = 'report-projection';
export const checkpointName = (source: string) => `${REPORT_PROJECTION}:${source}`;

/**
 * Keeps one document of facts per assignment and per directive. Every write
 * is guarded by its source revision, so a batch delivered twice, or events
 * of different streams in any order, give the same documents.
 */
export class ReportProjector {
  private readonly applied = new Map<string, number>();

  constructor(private readonly store: ReadStore) {}

  async init(): Promise<void> {
    await this.store.ensureIndexes(ASSIGNMENTS, [['directiveId'], ['agencyId'], ['issuedOn']]);
    await this.store.ensureIndexes(DIRECTIVES, [['issuedOn']]);
    await this.store.ensureIndexes(TIMELINE, [['assignmentId']]);
  }

  /** Applies a batch of events from one source store and moves that source's checkpoint. */
  async apply(source: string, events: RecordedEvent[]): Promise<void> {
    const assignments: FactWrite[] = [];
    const directives: FactWrite[] = [];
    const timeline: FactWrite[] = [];
    let last = 0;
    for (const event of events) {
      assignments.push(...(factWritesFor(source, event) as FactWrite[]));
      timeline.push(...(timelineWritesFor(event) as unknown as FactWrite[]));
      if (event.streamId.startsWith(STREAM_PREFIX.directive)) directives.push(...directiveWritesFor(event));
      last = Math.max(last, event.globalPosition);
    }
    const checkpoint = this.applied.get(source) ?? (await this.store.getCheckpoint(checkpointName(source))) ?? 0;
    const moved = last > checkpoint ? { name: checkpointName(source), position: last } : undefined;
    await this.store.applyBatch(
      [
        // Where there is no transaction, a directive's document is written last, so
        // a reader who sees its revision sees the assignments it touched too.
        { collection: TIMELINE, writes: timeline },
        { collection: ASSIGNMENTS, writes: assignments },
        { collection: DIRECTIVES, writes: directives },
      ],
      moved,
    );
    if (moved) this.applied.set(source, last);
  }

  /** Applies a bus batch, which may hold events of several sources, source by source in order. */
  async applyMessages(messages: BusMessage[]): Promise<void> {
    const bySource = new Map<string, RecordedEvent[]>();
    for (const m of messages) {
      if (!bySource.has(m.source)) bySource.set(m.source, []);
      bySource.get(m.source)!.push(m.event);
    }
    for (const [source, events] of bySource) await this.apply(source, events);
  }

  async truncate(): Promise<void> {
    this.applied.clear();
    await this.store.truncate(ASSIGNMENTS);
    await this.store.truncate(DIRECTIVES);
    await this.store.truncate(TIMELINE);
  }

  appliedPosition(source: string): Promise<number | null> {
    return this.store.getCheckpoint(checkpointName(source));
  }

  /** The last revision of a directive or assignment stream applied here, or null. */
  async appliedRevision(streamId: string): Promise<number | null> {
    const [collection, id, fact] = streamId.startsWith(STREAM_PREFIX.directive)
      ? [DIRECTIVES, streamId.slice(STREAM_PREFIX.directive.length), 'd']
      : streamId.startsWith(STREAM_PREFIX.assignment)
        ? [ASSIGNMENTS, streamId.slice(STREAM_PREFIX.assignment.length), 'a']
        : [null, '', ''];
    if (!collection) return null;
    const doc = await this.store.get(collection, id);
    return doc?.rev?.[fact] ?? null;
  }
}
