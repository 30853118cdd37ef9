import { MongoClient, type AnyBulkWriteOperation, type Db, type Filter, type Sort } from 'mongodb';
import type { Condition, Document, FactWrite, Query, ReadStore } from '../read-store';

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
 * The read-store port on MongoDB, using only what FerretDB also has: upserts
 * with $setOnInsert, $set, indexes and plain finds. No transactions: each fact
 * write is an upsert that only creates, then an update guarded by the source
 * revision, so a replayed batch changes nothing.
 */
export class MongoReadStore implements ReadStore {
  private readonly client: MongoClient;
  private readonly db: Db;

  private constructor(options: MongoReadStoreOptions) {
    this.client = new MongoClient(options.url, { serverSelectionTimeoutMS: 5000 });
    this.db = this.client.db(options.database);
  }

  static async connect(options: MongoReadStoreOptions): Promise<MongoReadStore> {
    const store = new MongoReadStore(options);
    await store.client.connect();
    return store;
  }

  async applyFacts(collection: string, writes: FactWrite[]): Promise<void> {
    if (!writes.length) return;
    const operations: AnyBulkWriteOperation<Document>[] = writes.flatMap((w) => [
      { updateOne: { filter: { _id: w.id }, update: { $setOnInsert: { ...(w.setOnInsert ?? {}), rev: {} } }, upsert: true } },
      {
        updateOne: {
          filter: { _id: w.id, $or: [{ [`rev.${w.source}`]: { $exists: false } }, { [`rev.${w.source}`]: { $lt: w.revision } }] } as Filter<Document>,
          update: { $set: { ...w.set, [`rev.${w.source}`]: w.revision } },
        },
      },
    ]);
    // Ordered: a document's writes apply in order (FerretDB stops a bulk at its first error anyway).
    // Small bulks: FerretDB 1.24 stalls on large ones (seen with 200 operations).
    const target = this.db.collection<Document>(collection);
    for (let i = 0; i < operations.length; i += BULK_SIZE) await target.bulkWrite(operations.slice(i, i + BULK_SIZE), { ordered: true });
  }

  async applyBatch(parts: Array<{ collection: string; writes: FactWrite[] }>, checkpoint?: { name: string; position: number }): Promise<void> {
    for (const part of parts) await this.applyFacts(part.collection, part.writes);
    if (checkpoint) await this.setCheckpoint(checkpoint.name, checkpoint.position);
  }

  async putDocuments(collection: string, docs: Document[]): Promise<void> {
    if (!docs.length) return;
    await this.db
      .collection<Document>(collection)
      .bulkWrite(docs.map((doc) => ({ replaceOne: { filter: { _id: doc._id }, replacement: doc, upsert: true } })), { ordered: true });
  }

  async get<T extends Document = Document>(collection: string, id: string): Promise<T | null> {
    return (await this.db.collection<Document>(collection).findOne({ _id: id })) as T | null;
  }

  async find<T extends Document = Document>(collection: string, query: Query = {}): Promise<T[]> {
    const filter: Record<string, unknown> = {};
    for (const [path, condition] of Object.entries(query.where ?? {})) filter[path] = toMongo(condition);
    const sort: Sort = Object.fromEntries([...(query.orderBy ?? []).map(([field, direction]) => [field, direction === 'desc' ? -1 : 1]), ['_id', 1]]);
    let cursor = this.db.collection<Document>(collection).find(filter as Filter<Document>).sort(sort);
    if (query.limit) cursor = cursor.limit(query.limit);
    return (await cursor.toArray()) as T[];
  }

  async ensureIndexes(collection: string, indexes: string[][]): Promise<void> {
    for (const fields of indexes) {
      await this.db.collection(collection).createIndex(Object.fromEntries(fields.map((f) => [f, 1])));
    }
  }

  async truncate(collection: string): Promise<void> {
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
    await this.db.dropDatabase();
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}

function toMongo(condition: Condition): unknown {
  if (condition === null || typeof condition !== 'object') return condition;
  const out: Record<string, unknown> = {};
  if ('in' in condition) out.$in = condition.in;
  if ('lte' in condition) out.$lte = condition.lte;
  if ('gte' in condition) out.$gte = condition.gte;
  return out;
}
