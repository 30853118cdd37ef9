import Database from 'better-sqlite3';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { NewEvent } from '@dm/contracts';
import { SqliteEventStore } from '@dm/composition';
import { rate, seconds } from './measure';

const STREAMS = 1000;

function progressEvent(i: number): NewEvent {
  return {
    eventId: uuidv7(),
    type: 'assignment.progress-reported',
    schemaVersion: 1,
    occurredAt: '2017-03-01T00:00:00+07:00',
    actor: { userId: 'bench', agencyId: 'h-muong-lat', role: 'agency_officer' },
    correlationId: uuidv7(),
    causationId: null,
    data: {
      assignmentId: `a${i % STREAMS}`,
      directiveId: 'd',
      taskNumber: '3',
      agencyId: 'h-muong-lat',
      reportedOn: '2017-03-01',
      summary: `Báo cáo tiến độ số ${i}`,
      percent: i % 100,
      difficulties: null,
      proposals: null,
    },
    metadata: {},
  };
}

/** Event-store appends: one event per transaction, in batches, and raw better-sqlite3 inserts of the same rows. */
export async function appendBench(dir: string, count: number, batchSize: number) {
  const single = new SqliteEventStore({ name: 'bench-single', file: join(dir, 'single.db') });
  const singleEvents = Array.from({ length: count }, (_, i) => progressEvent(i));
  const singleTime = await seconds(async () => {
    for (let i = 0; i < count; i++) await single.appendToStream(`assignment-a${i % STREAMS}`, [singleEvents[i]]);
  });
  await single.close();

  const batched = new SqliteEventStore({ name: 'bench-batched', file: join(dir, 'batched.db') });
  const events = Array.from({ length: count }, (_, i) => progressEvent(i));
  const batchedTime = await seconds(async () => {
    for (let start = 0; start < count; start += batchSize) {
      const byStream = new Map<string, NewEvent[]>();
      for (let i = start; i < Math.min(count, start + batchSize); i++) {
        const stream = `assignment-a${i % STREAMS}`;
        if (!byStream.has(stream)) byStream.set(stream, []);
        byStream.get(stream)!.push(events[i]);
      }
      await batched.appendBatch([...byStream].map(([streamId, evs]) => ({ streamId, events: evs })));
    }
  });
  await batched.close();

  // The baseline: the very rows the store wrote, inserted by hand into the same schema.
  const source = new Database(join(dir, 'batched.db'), { readonly: true });
  const rows = source.prepare('SELECT * FROM events ORDER BY global_position').all() as Record<string, unknown>[];
  source.close();
  const raw = new Database(join(dir, 'raw.db'));
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  const ddl = new Database(join(dir, 'batched.db'), { readonly: true })
    .prepare("SELECT sql FROM sqlite_master WHERE name = 'events'")
    .get() as { sql: string };
  raw.exec(ddl.sql);
  const columns = Object.keys(rows[0]).filter((c) => c !== 'global_position');
  const insert = raw.prepare(`INSERT INTO events (${columns.join(',')}) VALUES (${columns.map((c) => `@${c}`).join(',')})`);
  const insertMany = raw.transaction((batch: Record<string, unknown>[]) => batch.forEach((r) => insert.run(r)));
  const rawTime = await seconds(async () => {
    for (let start = 0; start < rows.length; start += batchSize) insertMany(rows.slice(start, start + batchSize));
  });
  raw.close();

  return {
    count,
    batchSize,
    onePerTransaction: rate(count, singleTime),
    batched: rate(count, batchedTime),
    rawBaseline: rate(count, rawTime),
    batchedOverRaw: Number((rawTime / batchedTime).toFixed(2)),
  };
}
