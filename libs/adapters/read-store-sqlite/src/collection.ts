import type Database from 'better-sqlite3';
import type { Document } from '@dm/read-store';
import { jsonField, quoteIdentifier } from './json-field';

const COLLECTION_NAME = /^[A-Za-z][A-Za-z0-9_.-]*$/;

/** One collection's table and its prepared statements. */
export class Collection {
  /** Indexes asked for: after a truncate they are built again once the table is read, in one pass instead of one entry per insert. */
  private readonly indexes = new Map<string, string[]>();
  private indexesPending = false;
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
    for (const row of db
      .prepare(`SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`)
      .all(name) as Array<{ sql: string }>)
      this.indexes.set(row.sql, []);
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

  /** Empties the table and drops its indexes until it is next read (`restoreIndexes`): a rebuild's inserts then skip them. */
  truncate(): void {
    this.clear.run();
    for (const name of this.indexNames()) this.db.exec(`DROP INDEX ${quoteIdentifier(name)}`);
    this.indexesPending = this.indexes.size > 0;
  }

  /** Builds the indexes a truncate dropped (a no-op when none are pending). */
  restoreIndexes(): void {
    if (!this.indexesPending) return;
    for (const sql of this.indexes.keys()) this.db.exec(sql.replace(/^CREATE INDEX /i, 'CREATE INDEX IF NOT EXISTS '));
    this.indexesPending = false;
  }

  ensureIndex(paths: string[]): void {
    const indexName = quoteIdentifier(`${this.name}__${paths.join('__')}`);
    const sql = `CREATE INDEX ${indexName} ON ${quoteIdentifier(this.name)} (${paths.map((p) => jsonField(p)).join(', ')})`;
    this.indexes.set(sql, paths);
    if (!this.indexesPending) this.db.exec(sql.replace(/^CREATE INDEX /, 'CREATE INDEX IF NOT EXISTS '));
  }

  private indexNames(): string[] {
    const rows = this.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`).all(this.name);
    return (rows as Array<{ name: string }>).map((r) => r.name);
  }
}
