import { MongoClient, type AnyBulkWriteOperation, type Collection, type Db, type Filter, type Sort } from 'mongodb';
import { createdBy } from '@dm/eventsourcing';
import { RevisionCache } from './revision-cache';
import {
  applyInOrder,
  type BatchPart,
  type CheckpointAt,
  type Condition,
  type Document,
  type FactWrite,
  type Query,
  type ReadStore,
} from '@dm/read-store';

export interface MongoReadStoreOptions {
  url: string;
  database: string;
}

interface CheckpointDoc {
  _id: string;
  position: number;
}

const CHECKPOINTS = '_checkpoints';
const BULK_SIZE = 64;
/** Look-ups by _id in flight at once (one connection each, from the driver's pool). */
const PARALLEL_READS = 16;

/**
 * The read-store port on MongoDB, using only what FerretDB also has: upserts
 * with $setOnInsert, $set, indexes and plain finds. No transactions: each fact
 * write is an upsert that only creates, then an update guarded by the source
 * revision, so a replayed batch changes nothing.
 */
export class MongoReadStore implements ReadStore {
  private readonly client: MongoClient;
  private readonly db: Db;
  private readonly revisionCache = new RevisionCache();

  private constructor(options: MongoReadStoreOptions) {
    // undefined is left out, as the SQLite store's JSON leaves it out (the driver would store null).
    this.client = new MongoClient(options.url, {
      // Every call bounded (docs/security.md, "Limits and headers"): a server found, a connection made, a socket silent no longer than these.
      serverSelectionTimeoutMS: 5000,
      connectTimeoutMS: 10_000,
      socketTimeoutMS: 60_000,
      ignoreUndefined: true,
    });
    this.db = this.client.db(options.database);
  }

  static async connect(options: MongoReadStoreOptions): Promise<MongoReadStore> {
    const store = new MongoReadStore(options);
    await store.client.connect();
    return store;
  }

  /**
   * Reads the revisions of the documents concerned (by _id, in parallel), then
   * writes only the facts above them, each write filtered on _id alone.
   * FerretDB 1.24 uses its _id index only for a filter of _id alone: a guard
   * in the filter (`rev.<source> < r`) made every write scan the collection.
   * The guard is therefore checked here, which assumes one writer per read
   * model at a time (report-projection and progress-events each run one consumer).
   */
  async applyFacts(collection: string, writes: FactWrite[]): Promise<void> {
    if (!writes.length) return;
    const target = this.db.collection<Document>(collection);
    const guarded = new Set(writes.filter((w) => !w.insertOnly).map((w) => w.id));
    const inserts = writes.filter((w) => w.insertOnly && !guarded.has(w.id));
    if (inserts.length) await this.insertNew(target, inserts);
    if (inserts.length === writes.length) return;
    writes = writes.filter((w) => !w.insertOnly || guarded.has(w.id));
    const ids = [...new Set(writes.map((w) => w.id))];
    const revisions = await this.currentRevisions(collection, target, ids);
    const creations: AnyBulkWriteOperation<Document>[] = [];
    // Facts of one document in this batch go in one update: the guard already ran here, in order.
    const updates = new Map<string, Array<Record<string, unknown>>>();
    for (const w of writes) {
      const rev = revisions.get(w.id);
      if (!rev) {
        // A new document: created with its first fact in one upsert. With $set, not
        // $setOnInsert: FerretDB 1.24 leaves out the null values of a $setOnInsert.
        const created = { ...(w.setOnInsert ?? {}), ...w.set, [`rev.${w.source}`]: w.revision };
        creations.push({ updateOne: { filter: { _id: w.id }, update: { $set: created }, upsert: true } });
        revisions.set(w.id, { [w.source]: w.revision });
        continue;
      }
      if (w.insertOnly || (rev[w.source] ?? -Infinity) >= w.revision) continue;
      mergeSet(updates, w.id, { ...w.set, [`rev.${w.source}`]: w.revision });
      rev[w.source] = w.revision;
    }
    const operations: AnyBulkWriteOperation<Document>[] = [
      ...creations,
      ...[...updates].flatMap(([id, sets]) =>
        sets.map((set): AnyBulkWriteOperation<Document> => ({ updateOne: { filter: { _id: id }, update: { $set: set } } })),
      ),
    ];
    try {
      for (let i = 0; i < operations.length; i += BULK_SIZE) await target.bulkWrite(operations.slice(i, i + BULK_SIZE), { ordered: true });
      this.revisionCache.remember(collection, revisions);
    } catch (error) {
      this.revisionCache.forget(collection, ids);
      throw error;
    }
  }

  /**
   * Insert-only writes need no read: inserted in ordered chunks (one SQLite
   * transaction each on FerretDB); a document that exists already (a replay)
   * stops the chunk at its duplicate-key error, and the chunk goes on after it.
   */
  private async insertNew(target: Collection<Document>, writes: FactWrite[]): Promise<void> {
    const docs = writes.map(createdBy);
    for (let from = 0; from < docs.length;) {
      const chunk = docs.slice(from, from + BULK_SIZE);
      try {
        await target.insertMany(chunk, { ordered: true });
        from += chunk.length;
      } catch (error) {
        const failed = duplicateKeyIndex(error);
        if (failed === null) throw error;
        from += failed + 1;
      }
    }
  }

  /** `rev` of each existing document (copies); absent ids are not in the map. */
  private async currentRevisions(
    collection: string,
    target: Collection<Document>,
    ids: string[],
  ): Promise<Map<string, Record<string, number>>> {
    const revisions = new Map<string, Record<string, number>>();
    const unknown: string[] = [];
    for (const id of ids) {
      const known = this.revisionCache.get(collection, id);
      if (known) revisions.set(id, { ...known });
      else unknown.push(id);
    }
    for (let i = 0; i < unknown.length; i += PARALLEL_READS) {
      const chunk = unknown.slice(i, i + PARALLEL_READS);
      const docs = await Promise.all(chunk.map((id) => target.findOne({ _id: id }, { projection: { rev: 1 } })));
      docs.forEach((doc, k) => doc && revisions.set(chunk[k], { ...((doc.rev as Record<string, number> | undefined) ?? {}) }));
    }
    return revisions;
  }

  applyBatch(parts: BatchPart[], checkpoint?: CheckpointAt): Promise<void> {
    return applyInOrder(this, parts, checkpoint);
  }

  async putDocuments(collection: string, docs: Document[]): Promise<void> {
    if (!docs.length) return;
    this.revisionCache.forget(
      collection,
      docs.map((d) => d._id),
    );
    await this.db.collection<Document>(collection).bulkWrite(
      docs.map((doc) => ({ replaceOne: { filter: { _id: doc._id }, replacement: doc, upsert: true } })),
      { ordered: true },
    );
  }

  async get<T extends Document = Document>(collection: string, id: string): Promise<T | null> {
    return (await this.db.collection<Document>(collection).findOne({ _id: id })) as T | null;
  }

  async find<T extends Document = Document>(collection: string, query: Query = {}): Promise<T[]> {
    const filter: Record<string, unknown> = {};
    for (const [path, condition] of Object.entries(query.where ?? {})) filter[path] = toMongo(condition);
    const sort: Sort = Object.fromEntries([
      ...(query.orderBy ?? []).map(([field, direction]) => [field, direction === 'desc' ? -1 : 1]),
      ['_id', 1],
    ]);
    let cursor = this.db
      .collection<Document>(collection)
      .find(filter as Filter<Document>)
      .sort(sort);
    if (query.limit) cursor = cursor.limit(query.limit);
    return (await cursor.toArray()) as T[];
  }

  async ensureIndexes(collection: string, indexes: string[][]): Promise<void> {
    for (const fields of indexes) {
      await this.db.collection(collection).createIndex(Object.fromEntries(fields.map((f) => [f, 1])));
    }
  }

  async truncate(collection: string): Promise<void> {
    this.revisionCache.forgetCollection(collection);
    await this.db.collection(collection).deleteMany({});
  }

  async getCheckpoint(name: string): Promise<number | null> {
    return (await this.db.collection<CheckpointDoc>(CHECKPOINTS).findOne({ _id: name }))?.position ?? null;
  }

  async setCheckpoint(name: string, position: number): Promise<void> {
    await this.db.collection<CheckpointDoc>(CHECKPOINTS).updateOne({ _id: name }, { $set: { position } }, { upsert: true });
  }

  /** Drops the whole database (tests). */
  async dropDatabase(): Promise<void> {
    this.revisionCache.clear();
    await this.db.dropDatabase();
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}

/**
 * Adds a `$set` to the document's last one, unless one path would contain
 * another ("a.b" and "a.b.c" in one $set conflict): then it starts another.
 */
function mergeSet(updates: Map<string, Array<Record<string, unknown>>>, id: string, set: Record<string, unknown>) {
  const sets = updates.get(id) ?? [];
  const last = sets[sets.length - 1];
  const overlaps = (a: string, b: string) => a !== b && (a.startsWith(`${b}.`) || b.startsWith(`${a}.`));
  if (last && !Object.keys(set).some((k) => Object.keys(last).some((e) => overlaps(k, e)))) Object.assign(last, set);
  else sets.push({ ...set });
  updates.set(id, sets);
}

/** The index in its batch of the write that failed on a duplicate key, or null for any other error. */
function duplicateKeyIndex(error: unknown): number | null {
  const writeErrors = (error as { writeErrors?: unknown }).writeErrors;
  const first = (Array.isArray(writeErrors) ? writeErrors[0] : writeErrors) as { index?: number; code?: number } | undefined;
  if (first?.code === 11000 && typeof first.index === 'number') return first.index;
  return null;
}

function toMongo(condition: Condition): unknown {
  if (condition === null || typeof condition !== 'object') return condition;
  const out: Record<string, unknown> = {};
  if ('in' in condition) out.$in = condition.in;
  else
    for (const op of ['lt', 'lte', 'gt', 'gte'] as const) {
      const bound = condition[op];
      if (bound !== undefined) out[`$${op}`] = bound;
    }
  return out;
}
