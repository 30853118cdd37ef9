import type { RecordedEvent } from '@dm/contracts';
import { NotFoundError, writesOf } from '@dm/eventsourcing';
import type { AssignmentContext } from '@dm/progress-domain';
import type { ReadStore } from '@dm/read-store';
import { assignmentViewProjection, contextOf, VIEW_COLLECTION, type AssignmentViewDoc } from './assignment-view.projection';

/**
 * The view, with a bounded wait for an assignment it has not seen yet. Docs
 * read are kept in memory (this process is the view's only writer): a write
 * forgets the docs it touches, and a read that overlapped a write is not kept.
 */
export class AssignmentView {
  private readonly cache = new Map<string, AssignmentViewDoc>();
  private writes = 0;
  private writesInFlight = 0;

  constructor(
    private readonly store: ReadStore,
    private readonly waitMs: number,
    private readonly cacheSize = 100_000,
  ) {}

  async apply(events: RecordedEvent[]): Promise<void> {
    const writes = writesOf(assignmentViewProjection, events);
    if (!writes.length) return;
    this.writes++;
    this.writesInFlight++;
    try {
      await this.store.applyFacts(VIEW_COLLECTION, writes);
    } finally {
      for (const w of writes) this.cache.delete(w.id);
      this.writesInFlight--;
    }
  }

  async find(assignmentId: string): Promise<AssignmentViewDoc | null> {
    const cached = this.cache.get(assignmentId);
    if (cached) return cached;
    const deadline = Date.now() + this.waitMs;
    for (;;) {
      const writesBefore = this.writes;
      const doc = await this.store.get<AssignmentViewDoc>(VIEW_COLLECTION, assignmentId);
      if (doc?.created) {
        if (this.writes === writesBefore && this.writesInFlight === 0) this.remember(doc);
        return doc;
      }
      if (Date.now() >= deadline) return null;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  private remember(doc: AssignmentViewDoc) {
    if (this.cache.size >= this.cacheSize) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(doc._id, doc);
  }

  /** The assignment as its commands and policy know it, or NotFoundError once the wait is over. */
  async context(assignmentId: string): Promise<AssignmentContext> {
    const doc = await this.find(assignmentId);
    if (!doc) throw new NotFoundError(`No assignment ${assignmentId}`);
    return contextOf(doc);
  }

  truncate(): Promise<void> {
    this.cache.clear();
    return this.store.truncate(VIEW_COLLECTION);
  }
}
