import { applyFact, type Document, type FactWrite } from '@dm/eventsourcing';
import {
  applyInOrder,
  valueAt,
  type BatchPart,
  type CheckpointAt,
  type Condition,
  type Query,
  type ReadStore,
  type Scalar,
} from './read-store';

/** JSON in and out, as a store on disk keeps it: no shared references, undefined left out. */
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value));

/** Missing and null first, then numbers, then strings, as SQLite and MongoDB sort them. */
function compare(a: unknown, b: unknown): number {
  const rank = (v: unknown) => (v === undefined || v === null ? 0 : typeof v === 'number' || typeof v === 'boolean' ? 1 : 2);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (rank(a) === 0) return 0;
  const [x, y] = [typeof a === 'boolean' ? Number(a) : a, typeof b === 'boolean' ? Number(b) : b] as [number | string, number | string];
  return x < y ? -1 : x > y ? 1 : 0;
}

const equals = (value: unknown, wanted: Scalar) => (wanted === null ? value === null || value === undefined : value === wanted);

function matches(value: unknown, condition: Condition): boolean {
  if (condition === null || typeof condition !== 'object') return equals(value, condition);
  if ('in' in condition) return condition.in.some((wanted) => equals(value, wanted));
  const bound = (limit: string | number | undefined, holds: (v: string | number, l: string | number) => boolean) =>
    limit === undefined || (typeof value === typeof limit && holds(value as string | number, limit));
  return (
    bound(condition.lt, (v, l) => v < l) &&
    bound(condition.lte, (v, l) => v <= l) &&
    bound(condition.gt, (v, l) => v > l) &&
    bound(condition.gte, (v, l) => v >= l)
  );
}

/** The read-store port in memory: for specs and tools; it passes the same contract as the stores on disk. */
export class InMemoryReadStore implements ReadStore {
  private readonly collections = new Map<string, Map<string, Document>>();
  private readonly checkpoints = new Map<string, number>();

  async applyFacts(collection: string, writes: FactWrite[]): Promise<void> {
    const docs = this.collection(collection);
    for (const write of writes) docs.set(write.id, copy(applyFact(docs.get(write.id) ?? null, write).doc));
  }

  applyBatch(parts: BatchPart[], checkpoint?: CheckpointAt): Promise<void> {
    return applyInOrder(this, parts, checkpoint);
  }

  async get<T extends Document = Document>(collection: string, id: string): Promise<T | null> {
    const doc = this.collections.get(collection)?.get(id);
    return doc ? (copy(doc) as T) : null;
  }

  async find<T extends Document = Document>(collection: string, query: Query = {}): Promise<T[]> {
    const where = Object.entries(query.where ?? {});
    const order = [...(query.orderBy ?? []), ['_id', 'asc'] as const];
    const found = [...(this.collections.get(collection)?.values() ?? [])]
      .filter((doc) => where.every(([path, condition]) => matches(valueAt(doc, path), condition)))
      .sort((a, b) => {
        for (const [path, direction] of order) {
          const c = compare(valueAt(a, path), valueAt(b, path));
          if (c) return direction === 'desc' ? -c : c;
        }
        return 0;
      });
    return copy(query.limit ? found.slice(0, query.limit) : found) as T[];
  }

  async ensureIndexes(): Promise<void> {}

  async putDocuments(collection: string, docs: Document[]): Promise<void> {
    const target = this.collection(collection);
    for (const doc of docs) target.set(doc._id, copy(doc));
  }

  async truncate(collection: string): Promise<void> {
    this.collections.delete(collection);
  }

  async getCheckpoint(name: string): Promise<number | null> {
    return this.checkpoints.get(name) ?? null;
  }

  async setCheckpoint(name: string, position: number): Promise<void> {
    this.checkpoints.set(name, position);
  }

  async close(): Promise<void> {}

  private collection(name: string): Map<string, Document> {
    let docs = this.collections.get(name);
    if (!docs) this.collections.set(name, (docs = new Map()));
    return docs;
  }
}
