import Database from 'better-sqlite3';

/**
 * How a commit reaches the disk (README, "Durability"): `full` syncs the
 * write-ahead log before a commit returns, so an acknowledged event survives
 * a power loss; `normal` syncs only at checkpoints, faster, and may lose the
 * last commits (never corrupt the file) when the machine loses power.
 */
export type SqliteSync = 'full' | 'normal';

const DDL = `
CREATE TABLE IF NOT EXISTS events (
  global_position INTEGER PRIMARY KEY AUTOINCREMENT,
  stream_id       TEXT    NOT NULL,
  stream_revision INTEGER NOT NULL,
  event_id        TEXT    NOT NULL UNIQUE,
  type            TEXT    NOT NULL,
  schema_version  INTEGER NOT NULL,
  occurred_at     TEXT    NOT NULL,
  recorded_at     TEXT    NOT NULL,
  actor           TEXT    NOT NULL,
  data            TEXT    NOT NULL,
  metadata        TEXT    NOT NULL,
  correlation_id  TEXT    NOT NULL,
  causation_id    TEXT,
  prev_hash       TEXT    NOT NULL,
  hash            TEXT    NOT NULL,
  UNIQUE (stream_id, stream_revision)
);
DROP TABLE IF EXISTS streams;
CREATE TABLE IF NOT EXISTS checkpoints (
  name     TEXT PRIMARY KEY,
  position INTEGER NOT NULL
) WITHOUT ROWID;
`;

export function openEventStoreDatabase(file: string, sync: SqliteSync = 'full'): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${sync === 'normal' ? 'NORMAL' : 'FULL'}`);
  db.exec(DDL);
  return db;
}
