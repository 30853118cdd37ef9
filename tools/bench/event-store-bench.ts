import Database from 'better-sqlite3';
import {
  appendToStream as emmettAppend,
  createEventStoreSchema,
  readStream as emmettRead,
  sqliteConnection,
  type SQLiteConnection,
} from '@event-driven-io/emmett-sqlite';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { NewEvent } from '@dm/contracts';
import { SqliteEventStore } from '@dm/composition';
import { rate, seconds } from './measure';

export type Sync = 'full' | 'normal';

const STREAMS = 1000;
const streamOf = (i: number) => `assignment-a${i % STREAMS}`;

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

/** The workloads, each timed on a fresh database file; `null` where a subject cannot run it. */
interface Subject {
  appendOne(streamId: string, event: NewEvent): Promise<void>;
  /** Several events to one stream in one append. */
  appendMany(streamId: string, events: NewEvent[]): Promise<void>;
  /** Events of many streams in one transaction, or null when the subject has no such call. */
  appendAcross: ((appends: Array<{ streamId: string; events: NewEvent[] }>) => Promise<void>) | null;
  /** Reads a stream whole as event objects (JSON members parsed); answers how many. */
  readStream(streamId: string): Promise<number>;
  close(): Promise<void>;
}

function ours(file: string, sync: Sync): Subject {
  const store = new SqliteEventStore({ name: 'bench', file, sync });
  return {
    appendOne: async (streamId, event) => void (await store.appendToStream(streamId, [event])),
    appendMany: async (streamId, events) => void (await store.appendToStream(streamId, events)),
    appendAcross: async (appends) => void (await store.appendBatch(appends)),
    readStream: async (streamId) => {
      let n = 0;
      for await (const event of store.readStream(streamId)) n += event.data ? 1 : 0;
      return n;
    },
    close: () => store.close(),
  };
}

const RAW_DDL = `
CREATE TABLE events (
  global_position INTEGER PRIMARY KEY AUTOINCREMENT, stream_id TEXT NOT NULL, stream_revision INTEGER NOT NULL,
  event_id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, schema_version INTEGER NOT NULL, occurred_at TEXT NOT NULL,
  recorded_at TEXT NOT NULL, actor TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL,
  correlation_id TEXT NOT NULL, causation_id TEXT, prev_hash TEXT NOT NULL, hash TEXT NOT NULL,
  UNIQUE (stream_id, stream_revision))`;

/**
 * The limit: the same rows inserted by hand into the same table and indexes,
 * already encoded (no hashing, no stream heads, no checks), one prepared
 * statement; reads parse the three JSON columns, as any reader must.
 */
function raw(file: string, sync: Sync): Subject {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${sync}`);
  db.exec(RAW_DDL);
  const revisions = new Map<string, number>();
  const insert = db.prepare(`INSERT INTO events (stream_id, stream_revision, event_id, type, schema_version, occurred_at, recorded_at,
    actor, data, metadata, correlation_id, causation_id, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)`);
  const hash = 'f'.repeat(64);
  const now = new Date().toISOString();
  const row = (streamId: string, e: NewEvent) => {
    const revision = (revisions.get(streamId) ?? -1) + 1;
    revisions.set(streamId, revision);
    insert.run(
      streamId,
      revision,
      e.eventId,
      e.type,
      e.schemaVersion,
      e.occurredAt,
      now,
      JSON.stringify(e.actor),
      JSON.stringify(e.data),
      '{}',
      e.correlationId,
      e.causationId,
      hash,
      hash,
    );
  };
  const many = db.transaction((appends: Array<{ streamId: string; events: NewEvent[] }>) => {
    for (const a of appends) for (const e of a.events) row(a.streamId, e);
  });
  const read = db.prepare('SELECT * FROM events WHERE stream_id = ? ORDER BY stream_revision');
  return {
    appendOne: async (streamId, event) => many([{ streamId, events: [event] }]),
    appendMany: async (streamId, events) => many([{ streamId, events }]),
    appendAcross: async (appends) => many(appends),
    readStream: async (streamId) => {
      let n = 0;
      for (const r of read.all(streamId) as Array<Record<string, string>>) {
        const event = { ...r, actor: JSON.parse(r.actor), data: JSON.parse(r.data), metadata: JSON.parse(r.metadata) };
        n += event.data ? 1 : 0;
      }
      return n;
    },
    close: async () => void db.close(),
  };
}

const emmettEvent = (e: NewEvent) => ({ type: e.type, data: e.data as Record<string, unknown>, metadata: { eventId: e.eventId } });

/** emmett-sqlite's own append and read functions on one connection kept open, at the same synchronous setting. */
async function emmett(file: string, sync: Sync): Promise<Subject> {
  const connection: SQLiteConnection = sqliteConnection({ fileName: file });
  await connection.command('PRAGMA journal_mode = WAL');
  await connection.command(`PRAGMA synchronous = ${sync}`);
  await createEventStoreSchema(connection);
  const append = async (streamId: string, events: NewEvent[]) => {
    const result = await emmettAppend(connection, streamId, 'assignment', events.map(emmettEvent));
    if (!result.success) throw new Error(`emmett-sqlite refused an append to ${streamId}`);
  };
  return {
    appendOne: (streamId, event) => append(streamId, [event]),
    appendMany: append,
    appendAcross: null,
    readStream: async (streamId) => (await emmettRead(connection, streamId)).events.filter((e) => e?.data).length,
    close: async () => connection.close(),
  };
}

export interface StoreFigures {
  /** Events/s, one append at a time, one event each. */
  single: number;
  /** Events/s, 64 single-event appends in flight (group commit); null for a subject without concurrency. */
  concurrent: number | null;
  /** Events/s, 100 events per append to one stream. */
  perStream: number;
  /** Events/s, 1,000 events of 1,000 streams per transaction; null where the subject has no multi-stream append. */
  across: number | null;
  /** Events/s read, each of the 1,000 streams whole. */
  reads: number;
}

type Open = (file: string) => Subject | Promise<Subject>;

async function measure(dir: string, label: string, open: Open, counts: { single: number; batched: number }, concurrent: boolean) {
  let files = 0;
  const fresh = async () => open(join(dir, `${label}-${++files}.db`));
  const events = (n: number) => Array.from({ length: n }, (_, i) => progressEvent(i));

  let subject = await fresh();
  const singles = events(counts.single);
  const single = rate(
    counts.single,
    await seconds(async () => {
      for (let i = 0; i < singles.length; i++) await subject.appendOne(streamOf(i), singles[i]);
    }),
  );
  await subject.close();

  let concurrentRate: number | null = null;
  if (concurrent) {
    subject = await fresh();
    const all = events(counts.batched);
    let next = 0;
    const worker = async () => {
      while (next < all.length) {
        const i = next++;
        await subject.appendOne(streamOf(i), all[i]);
      }
    };
    concurrentRate = rate(all.length, await seconds(() => Promise.all(Array.from({ length: 64 }, worker)).then(() => undefined)));
    await subject.close();
  }

  subject = await fresh();
  const perStreamEvents = events(counts.batched);
  const perStream = rate(
    counts.batched,
    await seconds(async () => {
      for (let start = 0; start < perStreamEvents.length; start += 100)
        await subject.appendMany(streamOf(start / 100), perStreamEvents.slice(start, start + 100));
    }),
  );
  await subject.close();

  let across: number | null = null;
  subject = await fresh();
  const acrossEvents = events(counts.batched);
  if (subject.appendAcross) {
    const appendAcross = subject.appendAcross;
    across = rate(
      counts.batched,
      await seconds(async () => {
        for (let start = 0; start < acrossEvents.length; start += 1000) {
          const batch = acrossEvents.slice(start, start + 1000);
          await appendAcross(batch.map((event, k) => ({ streamId: streamOf(start + k), events: [event] })));
        }
      }),
    );
  } else {
    // The same streams to read, written untimed, each stream's events in one append.
    const byStream = new Map<string, NewEvent[]>();
    acrossEvents.forEach((event, i) => byStream.set(streamOf(i), [...(byStream.get(streamOf(i)) ?? []), event]));
    for (const [streamId, streamEvents] of byStream) await subject.appendMany(streamId, streamEvents);
  }
  let read = 0;
  const readSeconds = await seconds(async () => {
    for (let s = 0; s < STREAMS; s++) read += await subject.readStream(streamOf(s));
  });
  await subject.close();
  if (read !== counts.batched) throw new Error(`${label}: read ${read} events of ${counts.batched}`);
  return { single, concurrent: concurrentRate, perStream, across, reads: rate(read, readSeconds) } satisfies StoreFigures;
}

/**
 * The event store beside raw better-sqlite3 inserts of the same rows and
 * beside emmett-sqlite, on the same workload and synchronous setting: 1,000
 * streams; single appends; 100 events per append; 1,000 events over 1,000
 * streams per transaction; every stream read whole.
 */
export async function eventStoreBench(dir: string, sync: Sync, counts: { single: number; batched: number }) {
  return {
    sync,
    counts,
    ours: await measure(dir, `ours-${sync}`, (file) => ours(file, sync), counts, true),
    raw: await measure(dir, `raw-${sync}`, (file) => raw(file, sync), counts, false),
    emmett: await measure(dir, `emmett-${sync}`, (file) => emmett(file, sync), counts, false),
  };
}
