import Database from 'better-sqlite3';
import { applyFact, createdJson } from '@dm/eventsourcing';
import type { Document, FactWrite, Query, ReadStore } from '@dm/read-store';
import { Collection } from './collection';
import { findSql } from './find-sql';

export interface SqliteReadStoreOptions {
  /** Database file, or ':memory:'. */
  file: string;
}

export class SqliteReadStore implements ReadStore {
  private readonly db: Database.Database;
  private readonly collections = new Map<string, Collection>();
  private readonly queries = new Map<string, Database.Statement<unknown[], { doc: string }>>();
  private readonly applyInTransaction: Database.Transaction<(collection: Collection, writes: FactWrite[]) => void>;
  private readonly batchInTransaction: Database.Transaction<
    (parts: Array<{ collection: Collection; writes: FactWrite[] }>, checkpoint?: { name: string; position: number }) => void
  >;
  private readonly putInTransaction: Database.Transaction<(collection: Collection, docs: Document[]) => void>;
  private readonly readCheckpoint: Database.Statement<[string], { position: number }>;
  private readonly writeCheckpoint: Database.Statement<[string, number], never>;

  constructor(options: SqliteReadStoreOptions) {
    this.db = new Database(options.file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec('CREATE TABLE IF NOT EXISTS _checkpoints (name TEXT PRIMARY KEY, position INTEGER NOT NULL) WITHOUT ROWID');
    this.readCheckpoint = this.db.prepare('SELECT position FROM _checkpoints WHERE name = ?');
    this.writeCheckpoint = this.db.prepare(
      'INSERT INTO _checkpoints (name, position) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position',
    );
    this.applyInTransaction = this.db.transaction(applyWrites);
    this.batchInTransaction = this.db.transaction(
      (parts: Array<{ collection: Collection; writes: FactWrite[] }>, checkpoint?: { name: string; position: number }) => {
        for (const part of parts) applyWrites(part.collection, part.writes);
        if (checkpoint) this.writeCheckpoint.run(checkpoint.name, checkpoint.position);
      },
    );
    this.putInTransaction = this.db.transaction((collection: Collection, docs: Document[]) => docs.forEach((d) => collection.put(d)));
  }

  async applyFacts(collection: string, writes: FactWrite[]): Promise<void> {
    if (writes.length) this.applyInTransaction(this.collection(collection), writes);
  }

  async applyBatch(
    parts: Array<{ collection: string; writes: FactWrite[] }>,
    checkpoint?: { name: string; position: number },
  ): Promise<void> {
    const targets = parts.filter((p) => p.writes.length).map((p) => ({ collection: this.collection(p.collection), writes: p.writes }));
    this.batchInTransaction(targets, checkpoint);
  }

  async putDocuments(collection: string, docs: Document[]): Promise<void> {
    if (docs.length) this.putInTransaction(this.collection(collection), docs);
  }

  async get<T extends Document = Document>(collection: string, id: string): Promise<T | null> {
    return this.collection(collection).get(id) as T | null;
  }

  async find<T extends Document = Document>(collection: string, query: Query = {}): Promise<T[]> {
    const target = this.collection(collection);
    target.restoreIndexes();
    const { text, params } = findSql(target.name, query);
    return this.query(text)
      .all(...params)
      .map((row) => JSON.parse(row.doc) as T);
  }

  async ensureIndexes(collection: string, indexes: string[][]): Promise<void> {
    const target = this.collection(collection);
    for (const paths of indexes) target.ensureIndex(paths);
    target.restoreIndexes();
  }

  async truncate(collection: string): Promise<void> {
    this.collection(collection).truncate();
  }

  async getCheckpoint(name: string): Promise<number | null> {
    return this.readCheckpoint.get(name)?.position ?? null;
  }

  async setCheckpoint(name: string, position: number): Promise<void> {
    this.writeCheckpoint.run(name, position);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private collection(name: string): Collection {
    let collection = this.collections.get(name);
    if (!collection) {
      collection = new Collection(this.db, name);
      this.collections.set(name, collection);
    }
    return collection;
  }

  private query(text: string) {
    let statement = this.queries.get(text);
    if (!statement) {
      statement = this.db.prepare<unknown[], { doc: string }>(text);
      this.queries.set(text, statement);
    }
    return statement;
  }
}

/**
 * Applies the writes in order in memory, then stores each changed document
 * once. An insert-only write to a document no other write of the batch
 * touches is stored as it comes, without reading the document first.
 */
function applyWrites(collection: Collection, writes: FactWrite[]): void {
  const docs = new Map<string, Document | null>();
  const changed = new Set<string>();
  const guarded = new Set(writes.filter((w) => !w.insertOnly).map((w) => w.id));
  const inserts: FactWrite[] = [];
  for (const write of writes) {
    if (write.insertOnly && !guarded.has(write.id)) {
      inserts.push(write);
      continue;
    }
    const current = docs.has(write.id) ? docs.get(write.id)! : collection.get(write.id);
    const result = applyFact(current, write);
    docs.set(write.id, result.doc);
    if (result.changed) changed.add(write.id);
  }
  // In key order, the table's pages fill in turn; a stable sort keeps the first write of an id first, the one that counts.
  inserts.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const write of inserts) collection.insert(write.id, createdJson(write));
  for (const id of changed) collection.put(docs.get(id)!);
}
