import type { RecordedEvent } from '@dm/contracts';
import { eventStoreContract } from '@dm/eventsourcing/testing';
import { collect, eventually, newEvent, newEvents } from '@dm/testing';
import {
  StreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type AppendStreamState,
  type EventData,
  type Filter,
  type KurrentDBClient,
  type ReadPosition,
  type ReadRevision,
} from '@kurrent/kurrentdb-client';
import { Readable } from 'node:stream';
import { EventIdConflictError } from '@dm/eventsourcing';
import { EventIdClaims } from './event-id-claims';
import { KurrentDbEventStore, type KurrentDbEventStoreOptions } from './kurrentdb-event-store';
import { StoreStreams } from './store-streams';

/*
 * No KurrentDB server runs here, so this tier runs the adapter against a
 * stand-in of the client calls it makes, with the server semantics the
 * adapter relies on: streamState checks, StreamNotFoundError on a missing
 * stream, commit = prepare positions per event, $all reads inclusive of their
 * position, subscriptions exclusive of theirs, prefix filters, caughtUp after
 * the stored events, back-pressure. It checks the adapter's own logic; the
 * int tier (KURRENTDB_URL) checks it against the real server.
 */

interface Row {
  stream: string;
  id: string;
  type: string;
  revision: bigint;
  position: bigint;
  data: string;
  metadata: string;
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

class StandInServer {
  private readonly log: Row[] = [];
  private readonly streams = new Map<string, Row[]>();
  private position = 1_000n;
  private readonly appended = new Set<() => void>();
  readonly streamMetadata = new Map<string, unknown>();
  /** Subscriptions opened from now on fail after delivering this many events. */
  dropSubscriptionsAfter: number | null = null;
  subscriptionsOpened = 0;

  get client(): KurrentDBClient {
    return this as unknown as KurrentDBClient;
  }

  streamNames(): string[] {
    return [...this.streams.keys()];
  }

  async appendToStream(stream: string, events: EventData | EventData[], { streamState = 'any' }: { streamState?: AppendStreamState } = {}) {
    await tick();
    const rows = this.streams.get(stream) ?? [];
    const current = rows.length ? rows[rows.length - 1].revision : 'no_stream';
    const ok =
      streamState === 'any' ||
      (streamState === 'no_stream' && current === 'no_stream') ||
      (streamState === 'stream_exists' && current !== 'no_stream') ||
      streamState === current;
    if (!ok) throw new WrongExpectedVersionError(undefined, { streamName: stream, expected: streamState, current });
    for (const event of Array.isArray(events) ? events : [events]) {
      const row: Row = {
        stream,
        id: event.id,
        type: event.type,
        revision: BigInt(rows.length),
        position: this.position,
        data: JSON.stringify(event.data),
        metadata: JSON.stringify(event.metadata ?? {}),
      };
      this.position += 100n + BigInt(row.data.length + row.metadata.length);
      rows.push(row);
      this.log.push(row);
    }
    this.streams.set(stream, rows);
    for (const wake of [...this.appended]) wake();
    const last = rows[rows.length - 1];
    return { success: true, nextExpectedRevision: last.revision, position: { commit: last.position, prepare: last.position } };
  }

  async *readStream(stream: string, options: { direction?: string; fromRevision?: ReadRevision; maxCount?: number | bigint } = {}) {
    await tick();
    const rows = this.streams.get(stream);
    if (!rows) throw new StreamNotFoundError(undefined, stream);
    const { direction = 'forwards', fromRevision = 'start', maxCount = Number.MAX_SAFE_INTEGER } = options;
    const backwards = direction === 'backwards';
    let selected: Row[];
    if (backwards) {
      const from = fromRevision === 'end' || fromRevision === 'start' ? BigInt(rows.length - 1) : fromRevision;
      selected = rows.filter((r) => r.revision <= from).reverse();
    } else {
      const from = fromRevision === 'start' ? 0n : fromRevision === 'end' ? BigInt(rows.length) : fromRevision;
      selected = rows.filter((r) => r.revision >= from);
    }
    for (const row of selected.slice(0, Number(maxCount))) yield resolvedOf(row);
  }

  async *readAll(options: { direction?: string; fromPosition?: ReadPosition; maxCount?: number | bigint; filter?: Filter } = {}) {
    await tick();
    const { direction = 'forwards', fromPosition = 'start', maxCount = Number.MAX_SAFE_INTEGER, filter } = options;
    const matching = this.log.filter((row) => matches(row, filter));
    let selected: Row[];
    if (direction === 'backwards') {
      selected = matching.filter((r) => fromPosition === 'end' || (fromPosition !== 'start' && r.position < fromPosition.commit)).reverse();
    } else {
      selected = matching.filter((r) => fromPosition === 'start' || (fromPosition !== 'end' && r.position >= fromPosition.commit));
    }
    for (const row of selected.slice(0, Number(maxCount))) yield resolvedOf(row);
  }

  subscribeToAll({ fromPosition = 'start', filter }: { fromPosition?: ReadPosition; filter?: Filter } = {}, { highWaterMark = 16 } = {}) {
    this.subscriptionsOpened++;
    const after = fromPosition === 'start' ? -1n : fromPosition === 'end' ? this.position : fromPosition.commit;
    return new StandInSubscription(this.log, this.appended, after, filter, highWaterMark, this.dropSubscriptionsAfter);
  }

  async setStreamMetadata(stream: string, metadata: unknown) {
    await tick();
    this.streamMetadata.set(stream, metadata);
    return { success: true, nextExpectedRevision: 0n };
  }

  async dispose() {}
}

class StandInSubscription extends Readable {
  private cursor: bigint;
  private delivered = 0;
  private caughtUpSent = false;
  private ended = false;
  private readonly wake = () => this.pump();

  constructor(
    private readonly log: Row[],
    private readonly appended: Set<() => void>,
    after: bigint,
    private readonly streamFilter: Filter | undefined,
    highWaterMark: number,
    private readonly dropAfter: number | null,
  ) {
    super({ objectMode: true, highWaterMark });
    this.cursor = after;
    appended.add(this.wake);
  }

  override _read(): void {
    this.pump();
  }

  async unsubscribe(): Promise<void> {
    this.stopDelivering();
  }

  private pump(): void {
    while (!this.ended) {
      const row = this.log.find((r) => r.position > this.cursor && matches(r, this.streamFilter));
      if (!row) {
        if (!this.caughtUpSent) {
          this.caughtUpSent = true;
          this.emit('caughtUp', {});
        }
        return;
      }
      if (this.dropAfter !== null && this.delivered >= this.dropAfter) {
        this.stopDelivering();
        setImmediate(() => this.emit('error', new UnavailableError()));
        return;
      }
      this.cursor = row.position;
      this.delivered++;
      if (!this.push(resolvedOf(row))) return;
    }
  }

  private stopDelivering(): void {
    this.ended = true;
    this.appended.delete(this.wake);
  }
}

function matches(row: Row, filter: Filter | undefined): boolean {
  if (!filter || !('prefixes' in filter)) return true;
  return filter.prefixes.some((prefix) => row.stream.startsWith(prefix));
}

function resolvedOf(row: Row): AllStreamResolvedEvent {
  return {
    event: {
      streamId: row.stream,
      id: row.id,
      revision: row.revision,
      type: row.type,
      isJson: true,
      created: new Date(),
      data: JSON.parse(row.data),
      metadata: JSON.parse(row.metadata),
      position: { commit: row.position, prepare: row.position },
    },
    commitPosition: row.position,
  };
}

const quiet = { warn: () => undefined };
const server = new StandInServer();
const open = (options: Partial<KurrentDbEventStoreOptions> = {}) =>
  new KurrentDbEventStore({ name: 'contract', client: server.client, logger: quiet, retryMs: 10, ...options });

eventStoreContract('KurrentDbEventStore (stand-in for the KurrentDB client)', async (options) => open(options));

describe('KurrentDbEventStore (stand-in)', () => {
  const stores: KurrentDbEventStore[] = [];
  const track = (store: KurrentDbEventStore) => (stores.push(store), store);
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((s) => s.close()));
    server.dropSubscriptionsAfter = null;
  });

  it('keeps stores sharing a server apart, under their own stream prefix', async () => {
    const mine = track(open({ name: 'task-assignment' }));
    const theirs = track(open({ name: 'progress-events' }));
    const written = await mine.appendToStream('directive-1', newEvents(2));
    await theirs.appendToStream('directive-1', newEvents(1));

    expect(server.streamNames()).toEqual(expect.arrayContaining(['task-assignment.directive-1', 'progress-events.directive-1']));
    expect(await collect(mine.readStream('directive-1'))).toEqual(written.events);
    expect((await collect(mine.readAll())).map((e) => e.eventId)).toEqual(written.events.map((e) => e.eventId));
    expect(await mine.headPosition()).toBe(written.position);
    expect(await theirs.streamRevision('directive-1')).toBe(0);
  });

  it('resubscribes from the last delivered position when the subscription drops, losing and repeating nothing', async () => {
    const store = track(open({ name: 'dropping' }));
    const stored = await store.appendToStream('directive-1', newEvents(7));
    server.dropSubscriptionsAfter = 3;
    const opened = server.subscriptionsOpened;
    const delivered: RecordedEvent[] = [];
    const subscription = store.subscribeToAll(async (events) => void delivered.push(...events), { batchSize: 2 });
    await subscription.caughtUp;
    expect(delivered.map((e) => e.eventId)).toEqual(stored.events.map((e) => e.eventId));
    expect(server.subscriptionsOpened - opened).toBeGreaterThanOrEqual(3);

    server.dropSubscriptionsAfter = null;
    const live = await store.appendToStream('directive-1', newEvents(2));
    await eventually(() => expect(delivered.map((e) => e.eventId)).toEqual([...stored.events, ...live.events].map((e) => e.eventId)));
    await subscription.stop();
  });

  it('keeps each checkpoint in its own stream, limited to its last event', async () => {
    const store = track(open({ name: 'checkpoints' }));
    await store.setCheckpoint('relay', 7);
    await store.setCheckpoint('relay', 9);
    expect(await store.getCheckpoint('relay')).toBe(9);
    expect(server.streamMetadata.get('checkpoints:checkpoint-relay')).toEqual({ maxCount: 1 });
    expect(await store.headPosition()).toBe(0);
  });

  it('takes over the claim of an event id whose append failed', async () => {
    const store = track(open({ name: 'claims' }));
    await store.appendToStream('directive-1', [newEvent()]);
    const event = newEvent();
    await expect(store.appendToStream('directive-1', [event], { expectedRevision: 5 })).rejects.toThrow();
    // The claim written for a lost append (here: forged for revision 1 of directive-2, which then gets another event).
    await server.client.appendToStream('claims:event-id-' + event.eventId, [
      {
        id: crypto.randomUUID(),
        contentType: 'application/json',
        type: 'dm.event-id-claimed',
        data: { streamId: 'directive-2', revision: 1, claimedAt: new Date().toISOString() },
        metadata: undefined,
      },
    ]);
    await store.appendToStream('directive-2', newEvents(2));
    const result = await store.appendToStream('directive-1', [event]);
    expect(result.events[0]).toMatchObject({ eventId: event.eventId, streamRevision: 1 });
  });

  it('holds an event id claimed for another stream while its append may still land, until the lease ends', async () => {
    let now = Date.parse('2025-01-01T00:00:00Z');
    const store = track(open({ name: 'leases', clock: () => new Date(now), claimLeaseMs: 60_000 }));
    const event = newEvent();
    await server.client.appendToStream('leases:event-id-' + event.eventId, [
      {
        id: crypto.randomUUID(),
        contentType: 'application/json',
        type: 'dm.event-id-claimed',
        data: { streamId: 'directive-9', revision: 0, claimedAt: new Date(now).toISOString() },
        metadata: undefined,
      },
    ]);
    await expect(store.appendToStream('directive-1', [event])).rejects.toBeInstanceOf(EventIdConflictError);
    now += 61_000;
    expect((await store.appendToStream('directive-1', [event])).idempotent).toBe(false);
  });

  it('never overwrites a claim on the same stream for a later revision: the append that read an older head reads again', async () => {
    const store = track(open({ name: 'stale' }));
    await store.appendToStream('directive-1', newEvents(3));
    const claims = new EventIdClaims(server.client, new StoreStreams('stale'), {
      eventAt: async (streamId, revision) =>
        (await collect(store.readStream(streamId, { fromRevision: revision, maxCount: 1 })))[0] ?? null,
      clock: () => new Date(),
      leaseMs: 60_000,
    });
    const event = newEvent();
    expect(await claims.claim('directive-1', [{ eventId: event.eventId, revision: 3 }])).toEqual([{ kind: 'free' }]);
    // A concurrent retry of the same batch that read the stream when it had one event.
    expect(await claims.claim('directive-1', [{ eventId: event.eventId, revision: 1 }])).toEqual([{ kind: 'stale' }]);
    expect(await claims.inspect('directive-1', [event.eventId])).toEqual([{ kind: 'free' }]);
    // Another append at the same revision may take it over: the stream's revision check lets one of them through.
    expect(await claims.claim('directive-1', [{ eventId: event.eventId, revision: 3 }])).toEqual([{ kind: 'free' }]);
    const appended = await store.appendToStream('directive-1', [event], { expectedRevision: 2 });
    expect(await claims.claim('directive-1', [{ eventId: event.eventId, revision: 4 }])).toEqual([
      { kind: 'here', event: appended.events[0] },
    ]);
  });

  it('retries an append with any after a concurrent append moved the stream, keeping the chain whole', async () => {
    const store = track(open({ name: 'racing' }));
    await Promise.all(Array.from({ length: 5 }, () => store.appendToStream('directive-1', newEvents(2))));
    const events = await collect(store.readStream('directive-1'));
    expect(events.map((e) => e.streamRevision)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    events.forEach((e, i) => i > 0 && expect(e.prevHash).toBe(events[i - 1].hash));
  });

  it('refuses reads and appends once closed', async () => {
    const store = open({ name: 'closing' });
    await store.close();
    expect(() => store.subscribeToAll(async () => undefined)).toThrow(/closed/);
    await expect(store.appendToStream('directive-1', [newEvent()])).rejects.toThrow(/closed/);
  });
});
