import type Database from 'better-sqlite3';
import type { EventRow, NewEventRow } from './event-row';

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

/** Every statement the store runs, prepared once per connection. */
export class Statements {
  readonly insertEvent: Database.Statement<[NewEventRow], never>;
  readonly stream: Database.Statement<[string], StreamRow>;
  readonly upsertStream: Database.Statement<[{ stream_id: string; revision: number; last_hash: string }], never>;
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
    this.insertEvent = db.prepare(`
      INSERT INTO events (stream_id, stream_revision, event_id, type, schema_version, occurred_at, recorded_at,
                          actor, data, metadata, correlation_id, causation_id, prev_hash, hash)
      VALUES (@stream_id, @stream_revision, @event_id, @type, @schema_version, @occurred_at, @recorded_at,
              @actor, @data, @metadata, @correlation_id, @causation_id, @prev_hash, @hash)`);
    this.stream = db.prepare('SELECT revision, last_hash FROM streams WHERE stream_id = ?');
    this.upsertStream = db.prepare(`
      INSERT INTO streams (stream_id, revision, last_hash) VALUES (@stream_id, @revision, @last_hash)
      ON CONFLICT (stream_id) DO UPDATE SET revision = excluded.revision, last_hash = excluded.last_hash`);
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
