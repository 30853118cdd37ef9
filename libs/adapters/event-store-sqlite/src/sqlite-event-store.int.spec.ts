import { eventHash, type RecordedEvent } from '@dm/contracts';
import { eventStoreContract } from '@dm/eventsourcing/testing';
import { collect, eventually, newEvent, newEvents } from '@dm/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventIdConflictError } from '@dm/eventsourcing';
import { WrongExpectedRevisionError } from '@dm/eventsourcing';
import { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite-event-store';

const dir = mkdtempSync(join(tmpdir(), 'dm-event-store-'));
let files = 0;
const tempFile = () => join(dir, `store-${++files}.db`);
const quiet = { warn: () => undefined };
const open = (options: Partial<SqliteEventStoreOptions> = {}) =>
  new SqliteEventStore({ name: 'test-store', file: tempFile(), logger: quiet, retryMs: 10, ...options });

afterAll(() => rmSync(dir, { recursive: true, force: true }));

eventStoreContract('SqliteEventStore (file)', async (options) => open(options));
eventStoreContract('SqliteEventStore (:memory:)', async (options) => open({ ...options, file: ':memory:' }));

describe('SqliteEventStore', () => {
  const stores: SqliteEventStore[] = [];
  const track = (store: SqliteEventStore) => (stores.push(store), store);
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((s) => s.close()));
  });

  it('appendBatch writes several streams in one transaction, all or nothing', async () => {
    const store = track(open());
    await store.appendToStream('directive-b', [newEvent()]);
    const results = await store.appendBatch([
      { streamId: 'directive-a', events: newEvents(2), expectedRevision: 'no_stream' },
      { streamId: 'directive-b', events: newEvents(1), expectedRevision: 0 },
      { streamId: 'directive-a', events: newEvents(1), expectedRevision: 1 },
    ]);
    expect(results.map((r) => r.nextExpectedRevision)).toEqual([1, 1, 2]);
    expect(await store.headPosition()).toBe(5);

    const failing = store.appendBatch([
      { streamId: 'directive-c', events: newEvents(2) },
      { streamId: 'directive-a', events: newEvents(1), expectedRevision: 0 },
    ]);
    await expect(failing).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    expect(await store.streamRevision('directive-c')).toBeNull();
    expect(await store.headPosition()).toBe(5);

    const shared = newEvent();
    await expect(
      store.appendBatch([
        { streamId: 'directive-d', events: [shared] },
        { streamId: 'directive-e', events: [shared] },
      ]),
    ).rejects.toBeInstanceOf(EventIdConflictError);
    expect(await store.streamRevision('directive-d')).toBeNull();
  });

  it('writes a batch sent twice in the same moment once: the unique index catches the second, which answers with the stored events', async () => {
    const store = track(open());
    const batch = newEvents(2);
    const [first, second] = await Promise.all([
      store.appendToStream('directive-twice', batch, { expectedRevision: 'no_stream' }),
      store.appendToStream('directive-twice', batch, { expectedRevision: 'no_stream' }),
    ]);
    expect([first.idempotent, second.idempotent]).toEqual([false, true]);
    expect(second.events).toEqual(first.events);
    expect(await store.headPosition()).toBe(2);

    const anyRevision = newEvents(2);
    const [once, again] = await Promise.all([
      store.appendToStream('directive-any', anyRevision),
      store.appendToStream('directive-any', anyRevision),
    ]);
    expect([once.idempotent, again.idempotent]).toEqual([false, true]);
    expect(again.events).toEqual(once.events);
    expect(await store.headPosition()).toBe(4);

    const shared = newEvent();
    const [here, there] = await Promise.allSettled([
      store.appendToStream('directive-here', [shared]),
      store.appendToStream('directive-there', [shared]),
    ]);
    expect(here.status).toBe('fulfilled');
    expect((there as PromiseRejectedResult).reason).toBeInstanceOf(EventIdConflictError);
    expect(await store.streamRevision('directive-there')).toBeNull();

    const retried = await store.appendBatch([
      { streamId: 'directive-new', events: newEvents(1) },
      { streamId: 'directive-twice', events: batch },
    ]);
    expect(retried.map((r) => r.idempotent)).toEqual([false, true]);
    expect(await store.headPosition()).toBe(6);
  });

  it('writes nothing of an append whose stored ids come after new ones, alone or beside the append that stored them', async () => {
    const store = track(open());
    const [a, b, c] = newEvents(3);
    await store.appendToStream('directive-p', [a]);
    await expect(store.appendToStream('directive-p', [b, a])).rejects.toBeInstanceOf(EventIdConflictError);
    expect(await store.headPosition()).toBe(1);

    const [first, second] = await Promise.allSettled([
      store.appendToStream('directive-q', [c]),
      store.appendToStream('directive-q', [newEvent(), c]),
    ]);
    expect(first.status).toBe('fulfilled');
    expect((second as PromiseRejectedResult).reason).toBeInstanceOf(EventIdConflictError);
    expect(await store.streamRevision('directive-q')).toBe(0);
    expect(await store.headPosition()).toBe(2);
  });

  it('is durable by default (synchronous=FULL), and NORMAL only when asked', async () => {
    expect(track(open()).sync).toBe('full');
    expect(track(open({ sync: 'normal' })).sync).toBe('normal');
  });

  it('keeps events, chain and checkpoints in the file across reopening', async () => {
    const file = tempFile();
    const first = open({ file });
    await first.appendToStream('directive-a', newEvents(2));
    await first.setCheckpoint('relay', 2);
    await first.close();

    const reopened = track(open({ file }));
    const next = await reopened.appendToStream('directive-a', [newEvent()], { expectedRevision: 1 });
    const events = await collect(reopened.readStream('directive-a'));
    expect(next.events[0]).toMatchObject({ globalPosition: 3, streamRevision: 2, prevHash: events[1].hash });
    expect(next.events[0].hash).toBe(eventHash(events[1].hash, next.events[0]));
    expect(await reopened.getCheckpoint('relay')).toBe(2);
  });

  it('stamps recordedAt from its clock, in UTC', async () => {
    const store = track(open({ clock: () => new Date('2017-03-01T09:00:00+07:00') }));
    const { events } = await store.appendToStream('directive-a', [newEvent()]);
    expect(events[0].recordedAt).toBe('2017-03-01T02:00:00.000Z');
  });

  it('answers an append of no events without writing', async () => {
    const store = track(open());
    expect(await store.appendToStream('directive-a', [])).toEqual({ nextExpectedRevision: -1, position: 0, events: [], idempotent: false });
    const { position } = await store.appendToStream('directive-a', newEvents(2));
    expect(await store.appendToStream('directive-a', [], { expectedRevision: 1 })).toMatchObject({ nextExpectedRevision: 1, position });
    await expect(store.appendToStream('directive-a', [], { expectedRevision: 0 })).rejects.toBeInstanceOf(WrongExpectedRevisionError);
  });

  it('reads page by page: events appended while a read is under way are read too, and appends are not blocked', async () => {
    const store = track(open());
    await store.appendToStream('directive-a', newEvents(300));
    const read: number[] = [];
    for await (const event of store.readStream('directive-a')) {
      read.push(event.streamRevision);
      if (read.length === 1) await store.appendToStream('directive-a', newEvents(2));
    }
    expect(read).toEqual(Array.from({ length: 302 }, (_, i) => i));
  });

  it('a subscription sees appends made through another connection to the same file', async () => {
    const file = tempFile();
    const reader = track(open({ file, pollMs: 20 }));
    const writer = track(open({ file }));
    const delivered: RecordedEvent[] = [];
    const subscription = reader.subscribeToAll(async (events) => void delivered.push(...events));
    await subscription.caughtUp;
    await writer.appendToStream('directive-a', newEvents(3));
    await eventually(() => expect(delivered.map((e) => e.streamRevision)).toEqual([0, 1, 2]));
    await subscription.stop();
  });

  it('logs a failing subscription handler and retries it', async () => {
    const warnings: string[] = [];
    const store = track(open({ logger: { warn: (message) => warnings.push(message) } }));
    await store.appendToStream('directive-a', newEvents(1));
    let calls = 0;
    const subscription = store.subscribeToAll(async () => {
      if (++calls < 3) throw new Error('boom');
    });
    await subscription.caughtUp;
    await subscription.stop();
    expect(calls).toBe(3);
    expect(warnings).toEqual([
      expect.stringMatching(/handle of positions 1\.\.1 failed \(attempt 1\)/),
      expect.stringMatching(/attempt 2/),
    ]);
  });

  it('close() stops its subscriptions', async () => {
    const store = open();
    const subscription = store.subscribeToAll(async () => undefined);
    await subscription.caughtUp;
    await store.close();
    await expect(store.headPosition()).rejects.toThrow();
    await subscription.stop();
  });
});
