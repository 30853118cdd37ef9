import type Database from 'better-sqlite3';
import type { Document } from '@dm/read-store';
import { jsonField, quoteIdentifier } from './json-field';

const COLLECTION_NAME = /^[A-Za-z][A-Za-z0-9_.-]*$/;

/** One collection's table and its prepared statements. */
export class Collection {
  private readonly load: Database.Statement<[string], { doc: string }>;
  private readonly save: Database.Statement<[string, string], never>;
  private readonly create: Database.Statement<[string, string], never>;
  private readonly clear: Database.Statement<[], never>;

  constructor(
    private readonly db: Database.Database,
    readonly name: string,
  ) {
    if (!COLLECTION_NAME.test(name)) throw new Error(`invalid collection name ${JSON.stringify(name)}`);
    const table = quoteIdentifier(name);
    db.exec(`CREATE TABLE IF NOT EXISTS ${table} (_id TEXT PRIMARY KEY, doc TEXT NOT NULL)`); // a rowid table: documents are large rows
    this.load = db.prepare(`SELECT doc FROM ${table} WHERE _id = ?`);
    this.save = db.prepare(`INSERT INTO ${table} (_id, doc) VALUES (?, ?) ON CONFLICT (_id) DO UPDATE SET doc = excluded.doc`);
    this.create = db.prepare(`INSERT INTO ${table} (_id, doc) VALUES (?, ?) ON CONFLICT (_id) DO NOTHING`);
    this.clear = db.prepare(`DELETE FROM ${table}`);
  }

  get(id: string): Document | null {
    const row = this.load.get(id);
    return row ? JSON.parse(row.doc) : null;
  }

  put(doc: Document): void {
    this.save.run(doc._id, JSON.stringify(doc));
  }

  /** Stores a document unless one with its id is there already (an insert-only write). */
  insert(id: string, json: string): void {
    this.create.run(id, json);
  }

  truncate(): void {
    this.clear.run();
  }

  ensureIndex(paths: string[]): void {
    const indexName = quoteIdentifier(`${this.name}__${paths.join('__')}`);
    this.db.exec(`CREATE INDEX IF NOT EXISTS ${indexName} ON ${quoteIdentifier(this.name)} (${paths.map((p) => jsonField(p)).join(', ')})`);
  }
}
