import { applyFact, createdBy } from '@dm/eventsourcing';
import { applyInOrder, type BatchPart, type CheckpointAt, type Document, type FactWrite, type Query, type ReadStore } from './read-store';

/**
 * A read store that applies fact writes in memory and writes each document
 * once, on `flush`, to the store it wraps. For rebuilds: replaying a history
 * costs one write per document instead of one per event.
 */
export class StagedReadStore implements ReadStore {
  private readonly staged = new Map<string, Map<string, Document>>();
  /** Insert-only writes to documents not staged here, the first per id: handed to the target as writes, never copied here. */
  private readonly inserts = new Map<string, Map<string, FactWrite>>();
  private readonly checkpoints = new Map<string, number>();
  /** Collections truncated through this store: the target holds nothing of them to look up. */
  private readonly emptied = new Set<string>();

  constructor(private readonly target: ReadStore) {}

  /** Documents held in memory, across collections. */
  get size(): number {
    let n = 0;
    for (const docs of this.staged.values()) n += docs.size;
    return n;
  }

  /** Insert-only writes held, across collections. */
  get pendingInserts(): number {
    let n = 0;
    for (const writes of this.inserts.values()) n += writes.size;
    return n;
  }

  async applyFacts(collection: string, writes: FactWrite[]): Promise<void> {
    const docs = this.collection(collection);
    const lookUp = !this.emptied.has(collection);
    const inserts = this.insertsOf(collection);
    for (const write of writes) {
      const inserted = inserts.get(write.id);
      // An insert-only write creates its document only where there is none: the target decides that, at flush.
      if (write.insertOnly && !docs.has(write.id)) {
        if (!inserted) inserts.set(write.id, write);
        continue;
      }
      if (inserted) inserts.delete(write.id);
      const stored = lookUp && !docs.has(write.id) ? await this.target.get(collection, write.id) : null;
      const current = docs.get(write.id) ?? stored ?? (inserted ? createdBy(inserted) : null);
      docs.set(write.id, applyFact(current, write).doc);
    }
  }

  applyBatch(parts: BatchPart[], checkpoint?: CheckpointAt): Promise<void> {
    return applyInOrder(this, parts, checkpoint);
  }

  /** Hands the insert-only writes held to the target. */
  async flushInserts(): Promise<void> {
    for (const [collection, writes] of this.inserts) if (writes.size) await this.target.applyFacts(collection, [...writes.values()]);
    this.inserts.clear();
  }

  async flush(): Promise<void> {
    await this.flushInserts();
    for (const [collection, docs] of this.staged) await this.target.putDocuments(collection, [...docs.values()]);
    this.emptied.clear();
    for (const [name, position] of this.checkpoints) await this.target.setCheckpoint(name, position);
    this.staged.clear();
    this.checkpoints.clear();
  }

  async get<T extends Document = Document>(collection: string, id: string): Promise<T | null> {
    const staged = this.staged.get(collection)?.get(id) as T | undefined;
    if (staged) return staged;
    const inserted = this.inserts.get(collection)?.get(id);
    const stored = inserted && !this.emptied.has(collection) ? await this.target.get<T>(collection, id) : null;
    if (inserted) return stored ?? (createdBy(inserted) as T);
    return this.target.get<T>(collection, id);
  }

  async find<T extends Document = Document>(collection: string, query?: Query): Promise<T[]> {
    await this.flush();
    return this.target.find<T>(collection, query);
  }

  async putDocuments(collection: string, docs: Document[]): Promise<void> {
    const staged = this.collection(collection);
    for (const doc of docs) staged.set(doc._id, doc);
  }

  ensureIndexes(collection: string, indexes: string[][]): Promise<void> {
    return this.target.ensureIndexes(collection, indexes);
  }

  async truncate(collection: string): Promise<void> {
    this.staged.delete(collection);
    this.inserts.delete(collection);
    await this.target.truncate(collection);
    this.emptied.add(collection);
  }

  async getCheckpoint(name: string): Promise<number | null> {
    return this.checkpoints.get(name) ?? this.target.getCheckpoint(name);
  }

  async setCheckpoint(name: string, position: number): Promise<void> {
    this.checkpoints.set(name, position);
  }

  async close(): Promise<void> {
    await this.flush();
  }

  private insertsOf(name: string): Map<string, FactWrite> {
    let writes = this.inserts.get(name);
    if (!writes) this.inserts.set(name, (writes = new Map()));
    return writes;
  }

  private collection(name: string): Map<string, Document> {
    let docs = this.staged.get(name);
    if (!docs) this.staged.set(name, (docs = new Map()));
    return docs;
  }
}
