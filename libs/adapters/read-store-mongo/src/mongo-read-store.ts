import { MongoClient, type AnyBulkWriteOperation, type Collection, type Db, type Filter, type Sort, type UpdateFilter } from 'mongodb';
import { createdBy, ranksBelow } from '@dm/eventsourcing';
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
/**
 * Updates and replaces a request. FerretDB 1.24 holds one of its 100 SQLite
 * connections per database for each statement of an update in progress, and
 * never answers once they run out, then no other client either: 2 updates of
 * 64 at once (two report-projection processes) wedged it, 8 of 16 did not,
 * and a statement costs about 1 ms whether sent 16 or 64 a request.
 */
const UPDATES_PER_REQUEST = 16;
/** Look-ups by _id in flight at once (one connection each, from the driver's pool). */
const PARALLEL_READS = 16;

/**
 * The read-store port on MongoDB, using only what FerretDB (1.24) also has:
 * upserts, $set, $inc and $max, indexes and plain finds. No transactions: each
 * fact write is an upsert that only creates, then an update guarded by the
 * source revision, so a replayed batch changes nothing. A batch's writes to
 * one document go as one update of the paths they change (never the whole
 * document, nor a value that grows).
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
    const updates = new Map<string, Update[]>();
    for (const w of writes) {
      const rev = revisions.get(w.id);
      if (!rev) {
        // A new document: created with its first fact in one upsert. With $set, not
        // $setOnInsert: FerretDB 1.24 leaves out the null values of a $setOnInsert.
        const created = updateOf({ ...w, set: { ...(w.setOnInsert ?? {}), ...w.set } });
        creations.push({ updateOne: { filter: { _id: w.id }, update: created as UpdateFilter<Document>, upsert: true } });
        revisions.set(w.id, { [w.source]: w.revision });
        continue;
      }
      if (w.insertOnly || (rev[w.source] ?? -Infinity) >= w.revision) continue;
      mergeUpdate(updates, w.id, updateOf(w));
      rev[w.source] = w.revision;
    }
    const operations: AnyBulkWriteOperation<Document>[] = [
      ...creations,
      ...[...updates].flatMap(([id, list]) =>
        list.map((update): AnyBulkWriteOperation<Document> => ({
          updateOne: { filter: { _id: id }, update: update as UpdateFilter<Document> },
        })),
      ),
    ];
    try {
      for (let i = 0; i < operations.length; i += UPDATES_PER_REQUEST)
        await target.bulkWrite(operations.slice(i, i + UPDATES_PER_REQUEST), { ordered: true });
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
    // A few a request (UPDATES_PER_REQUEST): two report-projection processes both write their audit trail's nodes.
    const replaces = docs.map((doc) => ({ replaceOne: { filter: { _id: doc._id }, replacement: doc, upsert: true } }));
    for (let i = 0; i < replaces.length; i += UPDATES_PER_REQUEST)
      await this.db.collection<Document>(collection).bulkWrite(replaces.slice(i, i + UPDATES_PER_REQUEST), { ordered: true });
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

/** One update of one document: the changed paths only, never the document or a whole growing value. */
interface Update {
  $set: Record<string, unknown>;
  $inc?: Record<string, number>;
  $max?: Record<string, string | number>;
}

/** A fact write as an update: its `set` and the source's revision, its counters and maxima. */
function updateOf(w: FactWrite): Update {
  const update: Update = { $set: { ...w.set, [`rev.${w.source}`]: w.revision } };
  if (w.inc && Object.keys(w.inc).length) update.$inc = { ...w.inc };
  if (w.max && Object.keys(w.max).length) update.$max = { ...w.max };
  return update;
}

const OPERATORS = ['$set', '$inc', '$max'] as const;
const pathsOf = (u: Update) => OPERATORS.flatMap((op) => Object.keys(u[op] ?? {}).map((path) => [op, path] as const));

/**
 * Folds an update into the document's last one: a path set again takes the
 * later value, a counter the sum, a maximum the greater. Unless one path
 * would conflict with another ("a.b" and "a.b.c", or one path under two
 * operators, in one update): then it starts another update.
 */
function mergeUpdate(updates: Map<string, Update[]>, id: string, next: Update) {
  const list = updates.get(id) ?? [];
  const last = list[list.length - 1];
  const conflicts = (a: readonly [string, string], b: readonly [string, string]) =>
    a[1] === b[1] ? a[0] !== b[0] : a[1].startsWith(`${b[1]}.`) || b[1].startsWith(`${a[1]}.`);
  if (!last || pathsOf(next).some((p) => pathsOf(last).some((q) => conflicts(p, q)))) {
    list.push(next);
    updates.set(id, list);
    return;
  }
  Object.assign(last.$set, next.$set);
  for (const [path, by] of Object.entries(next.$inc ?? {})) (last.$inc ??= {})[path] = (last.$inc[path] ?? 0) + by;
  for (const [path, value] of Object.entries(next.$max ?? {})) {
    const kept = (last.$max ??= {})[path];
    if (ranksBelow(kept, value)) last.$max[path] = value;
  }
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
