import type Database from 'better-sqlite3';
import type { EventRow } from './event-row';

export interface StreamRow {
  revision: number;
  last_hash: string;
}

export const LOG_COLUMNS = [
  'global_position',
  'stream_id',
  'stream_revision',
  'event_id',
  'type',
  'schema_version',
  'occurred_at',
  'recorded_at',
  'actor',
  'data',
  'metadata',
  'correlation_id',
  'causation_id',
  'prev_hash',
  'hash',
] as const;

/** The columns an append writes, in the order `insertEvent` takes them. */
export const INSERT_COLUMNS = LOG_COLUMNS.slice(1);

/** Every statement the store runs, prepared once per connection. */
export class Statements {
  /** Positional, in the order of INSERT_COLUMNS. */
  readonly insertEvent: Database.Statement<unknown[], never>;
  /** A stream's revision: its last event's, read from the (stream_id, stream_revision) index alone; null for no stream. */
  readonly revision: Database.Statement<[string], { revision: number | null }>;
  /** Kind 0: a stream's head (k stream id, n revision, h last hash); kind 1: a stored event id (k). */
  private readonly headsAndIds: Database.Statement<[string, string], { kind: 0 | 1; k: string; n: number; h: string }>;
  readonly eventsById: Database.Statement<[string], EventRow>;
  readonly positionAt: Database.Statement<[string, number], { global_position: number }>;
  readonly streamForwards: Database.Statement<[string, number, number], EventRow>;
  readonly streamBackwards: Database.Statement<[string, number, number], EventRow>;
  readonly head: Database.Statement<[], { head: number }>;
  readonly getCheckpoint: Database.Statement<[string], { position: number }>;
  readonly setCheckpoint: Database.Statement<[string, number], never>;
  /** A page of the log as arrays (columns in LOG_COLUMNS order): the audit's read, with no object per row. */
  readonly logPage: Database.Statement<[number, number], unknown[]>;
  private readonly allByPrefixCount = new Map<number, Database.Statement<[Record<string, unknown>], EventRow>>();

  constructor(private readonly db: Database.Database) {
    this.insertEvent = db.prepare(`INSERT INTO events (${INSERT_COLUMNS.join(', ')}) VALUES (${INSERT_COLUMNS.map(() => '?').join(', ')})`);
    // A stream's head is its last event, found through the (stream_id, stream_revision) index: no table of heads to keep.
    this.revision = db.prepare('SELECT MAX(stream_revision) AS revision FROM events WHERE stream_id = ?');
    this.headsAndIds = db.prepare(`
      SELECT 0 AS kind, e.stream_id AS k, e.stream_revision AS n, e.hash AS h FROM json_each(?) j JOIN events e
        ON e.stream_id = j.value AND e.stream_revision = (SELECT MAX(stream_revision) FROM events WHERE stream_id = j.value)
      UNION ALL
      SELECT 1, event_id, 0, '' FROM events WHERE event_id IN (SELECT value FROM json_each(?))`);
    this.eventsById = db.prepare(`
      SELECT * FROM events WHERE event_id IN (SELECT value FROM json_each(?)) ORDER BY global_position`);
    this.positionAt = db.prepare('SELECT global_position FROM events WHERE stream_id = ? AND stream_revision = ?');
    this.streamForwards = db.prepare(`
      SELECT * FROM events WHERE stream_id = ? AND stream_revision >= ? ORDER BY stream_revision ASC LIMIT ?`);
    this.streamBackwards = db.prepare(`
      SELECT * FROM events WHERE stream_id = ? AND stream_revision <= ? ORDER BY stream_revision DESC LIMIT ?`);
    this.head = db.prepare('SELECT COALESCE(MAX(global_position), 0) AS head FROM events');
    this.getCheckpoint = db.prepare('SELECT position FROM checkpoints WHERE name = ?');
    this.logPage = db
      .prepare(`SELECT ${LOG_COLUMNS.join(', ')} FROM events WHERE global_position > ? ORDER BY global_position LIMIT ?`)
      .raw(true) as Database.Statement<[number, number], unknown[]>;
    this.setCheckpoint = db.prepare(`
      INSERT INTO checkpoints (name, position) VALUES (?, ?)
      ON CONFLICT (name) DO UPDATE SET position = excluded.position`);
  }

  /** In one query: the head of every stream the appends write to, and which of their event ids are stored already. */
  headsAndKnownIds(appends: Array<{ streamId: string; events: Array<{ eventId: string }> }>) {
    const streams = JSON.stringify([...new Set(appends.map((a) => a.streamId))]);
    const ids = JSON.stringify(appends.flatMap((a) => a.events.map((e) => e.eventId)));
    const heads = new Map<string, Pick<StreamRow, 'revision' | 'last_hash'>>();
    const known = new Set<string>();
    for (const row of this.headsAndIds.all(streams, ids)) {
      if (row.kind === 0) heads.set(row.k, { revision: row.n, last_hash: row.h });
      else known.add(row.k);
    }
    return { heads, known };
  }

  /** Page of the global log after `after`, up to `upTo`, optionally only streams with one of the prefixes. */
  readAll(after: number, upTo: number, limit: number, prefixes: string[] = []): EventRow[] {
    const params: Record<string, unknown> = { after, upTo, limit };
    prefixes.forEach((prefix, i) => (params[`p${i}`] = prefix));
    return this.allStatement(prefixes.length).all(params);
  }

  private allStatement(prefixCount: number) {
    let statement = this.allByPrefixCount.get(prefixCount);
    if (!statement) {
      const matches = Array.from({ length: prefixCount }, (_, i) => `substr(stream_id, 1, length(@p${i})) = @p${i}`);
      const filter = prefixCount ? `AND (${matches.join(' OR ')})` : '';
      statement = this.db.prepare(`
        SELECT * FROM events WHERE global_position > @after AND global_position <= @upTo ${filter}
        ORDER BY global_position LIMIT @limit`);
      this.allByPrefixCount.set(prefixCount, statement);
    }
    return statement;
  }
}
