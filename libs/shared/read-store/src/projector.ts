import type { RecordedEvent } from '@dm/contracts';
import { writesOf, type Projection } from '@dm/eventsourcing';
import type { ReadStore } from './read-store';

/** An event from one source store (its relay's name), as a bus delivers it. */
export interface SourcedEvent {
  source: string;
  event: RecordedEvent;
}

/**
 * Applies a set of projections to batches of events and keeps, per source
 * store, the last global position applied (its checkpoint). A batch's writes
 * and its checkpoint go to the store as one unit where the store has
 * transactions. Where it has none, the collections are written in the order
 * the projections are given: a reader who sees the last one's revision sees
 * the others' too.
 */
export class Projector {
  private readonly applied = new Map<string, number>();

  constructor(
    private readonly store: ReadStore,
    /** Prefix of the checkpoints, e.g. "report-projection". */
    readonly name: string,
    private readonly projections: Projection[],
  ) {}

  checkpointName(source: string): string {
    return `${this.name}:${source}`;
  }

  async init(): Promise<void> {
    for (const p of this.projections) if (p.indexes) await this.store.ensureIndexes(p.collection, p.indexes);
  }

  /** Applies a batch of events from one source store and moves that source's checkpoint. */
  async apply(source: string, events: RecordedEvent[]): Promise<void> {
    const last = events.reduce((max, e) => Math.max(max, e.globalPosition), 0);
    const checkpoint = this.applied.get(source) ?? (await this.store.getCheckpoint(this.checkpointName(source))) ?? 0;
    const moved = last > checkpoint ? { name: this.checkpointName(source), position: last } : undefined;
    await this.store.applyBatch(
      this.projections.map((p) => ({ collection: p.collection, writes: writesOf(p, events) })),
      moved,
    );
    if (moved) this.applied.set(source, last);
  }

  /** Applies a batch that may hold events of several sources, source by source, in order. */
  async applyAll(batch: SourcedEvent[]): Promise<void> {
    const bySource = new Map<string, RecordedEvent[]>();
    for (const { source, event } of batch) {
      if (!bySource.has(source)) bySource.set(source, []);
      bySource.get(source)!.push(event);
    }
    for (const [source, events] of bySource) await this.apply(source, events);
  }

  async truncate(): Promise<void> {
    this.applied.clear();
    for (const p of this.projections) await this.store.truncate(p.collection);
  }

  appliedPosition(source: string): Promise<number | null> {
    return this.store.getCheckpoint(this.checkpointName(source));
  }
}
