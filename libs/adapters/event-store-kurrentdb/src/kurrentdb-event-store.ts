import type { Event, NewEvent, RecordedEvent, StoredEventText, Upcaster } from '@dm/contracts';
import {
  BACKWARDS,
  END,
  FORWARDS,
  jsonEvent,
  KurrentDBClient,
  START,
  streamNameFilter,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type ReadRevision,
} from '@kurrent/kurrentdb-client';
import {
  ANY,
  assertDistinctIds,
  chainEvents,
  isRetryOfStoredBatch,
  matchesExpected,
  NO_STREAM,
  tracked,
  WrongExpectedRevisionError,
  type AppendResult,
  type BatchHandler,
  type EventStore,
  type ExpectedRevision,
  type ReadAllOptions,
  type ReadLogOptions,
  type ReadStreamOptions,
  storedText,
  type SubscribeOptions,
  type Subscription,
  upcasting,
  type UnpositionedEvent,
} from '@dm/eventsourcing';
import { fromResolved, toEventData, type KurrentResolved } from './envelope';
import { EventIdClaims, type IdStatus } from './event-id-claims';
import { appendStreamState, retriesOnConflict, toWrongExpectedRevision } from './expected-revision';
import { KurrentCatchUpSubscription, type KurrentDbLogger } from './kurrentdb-subscription';
import { StoreStreams, toPosition } from './store-streams';

export interface KurrentDbEventStoreOptions {
  /** Name of the store as a source of facts, e.g. "task-assignment"; prefixes its stream names on the server. */
  name: string;
  client: KurrentDBClient;
  /** close() disposes the client (connect() sets it: the store made the client). */
  ownsClient?: boolean;
  /** By event type; applied to every event read back. */
  upcasters?: Record<string, Upcaster>;
  /** recordedAt of appended events (it is hashed, so it is the store's clock, not the server's). */
  clock?: () => Date;
  logger?: KurrentDbLogger;
  /** First pause before a subscription hands a failed batch over again or resubscribes (default 100 ms). */
  retryMs?: number;
  /** How long an event-id claim on another stream whose event never appeared holds the id (default 60 s). */
  claimLeaseMs?: number;
}

export interface KurrentDbConnectOptions extends Omit<KurrentDbEventStoreOptions, 'client' | 'ownsClient'> {
  /** e.g. kurrentdb://admin:changeit@localhost:2113?tls=false */
  connectionString: string;
}

const PAGE_SIZE = 512;
const MAX_APPEND_ATTEMPTS = 10;
const CHECKPOINT_TYPE = 'dm.checkpoint';

/**
 * The event-store port on KurrentDB (@kurrent/kurrentdb-client).
 *
 * - Isolation: several stores share a server; this one's streams are
 *   `<name>.<streamId>` and every $all read filters on `<name>.` (narrowed to
 *   the port's prefixes), so the port sees its plain stream ids only.
 * - Positions: globalPosition is the event's commit position as a number
 *   (equal to its prepare position for these single-stream appends, which is
 *   how a position is turned back into a KurrentDB one); `after` is exclusive.
 * - Appends: the stream's last event (read backwards, 1) gives the revision
 *   and prevHash; the hash chain is computed as in the SQLite adapter; the
 *   envelope goes in the event's JSON metadata. streamState is pinned to the
 *   revision read, so a concurrent append fails the write instead of breaking
 *   the chain (retried for any / stream_exists).
 * - Idempotency by event id across the store: see EventIdClaims.
 * - Checkpoints: `<name>:checkpoint-<name>` streams ($maxCount 1), last event.
 */
/** Every call to KurrentDB has a deadline: 10 s (the client's default, named) unless the connection string sets defaultDeadline. */
export const withDeadline = (connectionString: string): string =>
  /[?&]defaultDeadline=/i.test(connectionString)
    ? connectionString
    : `${connectionString}${connectionString.includes('?') ? '&' : '?'}defaultDeadline=10000`;

export class KurrentDbEventStore implements EventStore {
  readonly name: string;
  private readonly client: KurrentDBClient;
  private readonly streams: StoreStreams;
  private readonly claims: EventIdClaims;
  private readonly clock: () => Date;
  private readonly subscriptions = new Set<KurrentCatchUpSubscription>();
  private readonly checkpointStreamsLimited = new Set<string>();
  private closed = false;

  static async connect(options: KurrentDbConnectOptions): Promise<KurrentDbEventStore> {
    const { connectionString, ...rest } = options;
    return new KurrentDbEventStore({ ...rest, client: KurrentDBClient.connectionString(withDeadline(connectionString)), ownsClient: true });
  }

  constructor(private readonly options: KurrentDbEventStoreOptions) {
    this.name = options.name;
    this.upcast = upcasting(options.upcasters);
    this.client = options.client;
    this.streams = new StoreStreams(options.name);
    this.clock = options.clock ?? (() => new Date());
    this.claims = new EventIdClaims(this.client, this.streams, {
      eventAt: (streamId, revision) => this.eventAt(streamId, revision),
      clock: this.clock,
      leaseMs: options.claimLeaseMs ?? 60_000,
    });
  }

  async appendToStream<E extends Event>(
    streamId: string,
    events: NewEvent<E>[],
    options: { expectedRevision?: ExpectedRevision } = {},
  ): Promise<AppendResult<E>> {
    return (await this.append(streamId, events, options.expectedRevision ?? ANY)) as AppendResult<E>;
  }

  readStream<E extends Event = Event>(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent<E>> {
    return this.readEvents(streamId, options) as AsyncIterable<RecordedEvent<E>>;
  }

  private async append(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    this.assertOpen();
    assertDistinctIds(streamId, events);
    for (let attempt = 1; ; attempt++) {
      const head = await this.lastEvent(streamId);
      const current = head?.streamRevision ?? null;
      const ids = events.map((e) => e.eventId);

      if (!matchesExpected(expected, current)) {
        const found = this.alreadyStored(streamId, events, current, await this.claims.inspect(streamId, ids));
        if (found) return found;
        throw new WrongExpectedRevisionError(streamId, expected, current ?? NO_STREAM);
      }
      if (!events.length) {
        return { nextExpectedRevision: current ?? -1, position: head?.globalPosition ?? 0, events: [], idempotent: false };
      }

      const recorded = chain(streamId, events, head, this.clock().toISOString());
      const statuses = await this.claims.claim(
        streamId,
        recorded.map((e) => ({ eventId: e.eventId, revision: e.streamRevision })),
      );
      const found = this.alreadyStored(streamId, events, current, statuses);
      if (found) return found;
      if (statuses.some((s) => s.kind === 'stale')) {
        if (attempt < MAX_APPEND_ATTEMPTS) continue;
        throw new Error(`stream ${streamId}: its event ids stay claimed for later revisions than the stream shows`);
      }

      try {
        await this.client.appendToStream(this.streams.stream(streamId), recorded.map(toEventData), {
          streamState: appendStreamState(expected, current),
        });
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        if (retriesOnConflict(expected) && attempt < MAX_APPEND_ATTEMPTS) continue;
        throw toWrongExpectedRevision(streamId, expected, error);
      }

      // The positions are the server's: read the events back.
      const stored = await this.readStreamPage(streamId, FORWARDS, BigInt(recorded[0].streamRevision), recorded.length);
      if (stored.map((e) => e.eventId).join() !== ids.join()) {
        throw new Error(`stream ${streamId}: the events read back after the append are not the ones appended`);
      }
      const last = stored[stored.length - 1];
      return { nextExpectedRevision: last.streamRevision, position: last.globalPosition, events: stored, idempotent: false };
    }
  }

  private async *readEvents(streamId: string, options: ReadStreamOptions): AsyncGenerator<RecordedEvent> {
    this.assertOpen();
    const backwards = options.direction === 'backwards';
    let from: number | undefined = options.fromRevision;
    if (from !== undefined && from < 0) {
      if (backwards) return;
      from = 0;
    }
    let remaining = options.maxCount ?? Infinity;
    while (remaining > 0) {
      const limit = Math.min(PAGE_SIZE, remaining);
      const fromRevision: ReadRevision = from === undefined ? (backwards ? END : START) : BigInt(from);
      const page = await this.readStreamPage(streamId, backwards ? BACKWARDS : FORWARDS, fromRevision, limit);
      for (const event of page) yield this.upcast(event);
      if (page.length < limit) return;
      remaining -= page.length;
      from = page[page.length - 1].streamRevision + (backwards ? -1 : 1);
      if (from < 0) return;
    }
  }

  async streamRevision(streamId: string): Promise<number | null> {
    this.assertOpen();
    return (await this.lastEvent(streamId))?.streamRevision ?? null;
  }

  async *readAll(options: ReadAllOptions & { raw?: boolean } = {}): AsyncGenerator<RecordedEvent> {
    this.assertOpen();
    const filter = streamNameFilter({ prefixes: this.streams.filterPrefixes(options.streamPrefixes) });
    let cursor = options.after ?? 0;
    let remaining = options.maxCount ?? Infinity;
    while (remaining > 0) {
      const limit = Math.min(PAGE_SIZE, remaining);
      // A read from a position includes the event there: ask for one more and drop it.
      const maxCount = cursor > 0 ? limit + 1 : limit;
      const page: RecordedEvent[] = [];
      for await (const resolved of this.client.readAll({ fromPosition: cursor > 0 ? toPosition(cursor) : START, maxCount, filter })) {
        const event = fromResolved(resolved, this.streams);
        if (event && event.globalPosition > cursor && page.length < limit) page.push(event);
      }
      for (const event of page) yield options.raw ? event : this.upcast(event);
      if (page.length < limit) return;
      remaining -= page.length;
      cursor = page[page.length - 1].globalPosition;
    }
  }

  /** Every event as stored, not upcast; KurrentDB keeps them as objects, so their text is canonical JSON. */
  async *readLog(options: ReadLogOptions = {}): AsyncGenerator<StoredEventText[]> {
    const page: StoredEventText[] = [];
    for await (const event of this.readAll({ ...options, raw: true })) {
      page.push(storedText(event));
      if (page.length === PAGE_SIZE) yield page.splice(0);
    }
    if (page.length) yield page;
  }

  subscribeToAll(handler: BatchHandler, options: SubscribeOptions = {}): Subscription {
    this.assertOpen();
    const subscription = new KurrentCatchUpSubscription(
      {
        head: (prefixes) => this.head(prefixes),
        subscribe: (after, prefixes, highWaterMark) =>
          this.client.subscribeToAll(
            { fromPosition: after > 0 ? toPosition(after) : START, filter: streamNameFilter({ prefixes }) },
            { highWaterMark },
          ),
        toEvent: (resolved) => {
          const event = fromResolved(resolved, this.streams);
          return event && this.upcast(event);
        },
      },
      handler,
      {
        after: options.after ?? 0,
        batchSize: options.batchSize ?? 256,
        filterPrefixes: this.streams.filterPrefixes(options.streamPrefixes),
        retryMs: this.options.retryMs ?? 100,
        logger: this.options.logger ?? console,
      },
    );
    return tracked(this.subscriptions, subscription);
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    return this.head(this.streams.filterPrefixes());
  }

  async getCheckpoint(name: string): Promise<number | null> {
    this.assertOpen();
    const stream = this.streams.checkpointStream(name);
    try {
      for await (const resolved of this.client.readStream(stream, { direction: BACKWARDS, fromRevision: END, maxCount: 1 })) {
        const position = (resolved.event?.data as { position?: unknown } | undefined)?.position;
        if (typeof position !== 'number') throw new Error(`${stream} holds no checkpoint`);
        return position;
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return null;
      throw error;
    }
    return null;
  }

  async setCheckpoint(name: string, position: number): Promise<void> {
    this.assertOpen();
    const stream = this.streams.checkpointStream(name);
    if (!this.checkpointStreamsLimited.has(stream)) {
      // Only the last checkpoint matters: let the server scavenge the others.
      await this.client.setStreamMetadata(stream, { maxCount: 1 });
      this.checkpointStreamsLimited.add(stream);
    }
    await this.client.appendToStream(stream, jsonEvent({ type: CHECKPOINT_TYPE, data: { position } }));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    this.subscriptions.clear();
    if (this.options.ownsClient) await this.client.dispose();
  }

  /** Global position of the last event in streams with one of the prefixes (0 when none). */
  private async head(filterPrefixes: string[]): Promise<number> {
    for await (const resolved of this.client.readAll({
      direction: BACKWARDS,
      fromPosition: END,
      maxCount: 1,
      filter: streamNameFilter({ prefixes: filterPrefixes }),
    })) {
      const event = fromResolved(resolved, this.streams);
      if (event) return event.globalPosition;
    }
    return 0;
  }

  /** One page of a stream, as stored (not upcast); empty for a missing stream. */
  private async readStreamPage(
    streamId: string,
    direction: typeof FORWARDS | typeof BACKWARDS,
    fromRevision: ReadRevision,
    maxCount: number,
  ): Promise<RecordedEvent[]> {
    const page: RecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(this.streams.stream(streamId), { direction, fromRevision, maxCount })) {
        const event = fromResolved(resolved as KurrentResolved, this.streams);
        if (event) page.push(event);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return page;
  }

  private async lastEvent(streamId: string): Promise<RecordedEvent | null> {
    return (await this.readStreamPage(streamId, BACKWARDS, END, 1))[0] ?? null;
  }

  private async eventAt(streamId: string, revision: number): Promise<RecordedEvent | null> {
    const [event] = await this.readStreamPage(streamId, FORWARDS, BigInt(revision), 1);
    return event?.streamRevision === revision ? event : null;
  }

  /**
   * The answer when event ids of the batch are stored already: all of them in
   * this stream is a retry (idempotent); some, or any elsewhere, a conflict.
   * Null when none is.
   */
  private alreadyStored(streamId: string, events: NewEvent[], current: number | null, statuses: IdStatus[]): AppendResult | null {
    const stored = statuses.flatMap((s, i) => {
      const eventId = events[i].eventId;
      if (s.kind === 'here') return [{ eventId, streamId }];
      if (s.kind === 'elsewhere')
        return [{ eventId, streamId: s.streamId, place: `${eventId} in ${s.streamId}${s.pending ? ' (being appended)' : ''}` }];
      return [];
    });
    if (!isRetryOfStoredBatch(streamId, events.length, stored)) return null;
    const here = statuses.flatMap((s) => (s.kind === 'here' ? [s.event] : [])).sort((a, b) => a.globalPosition - b.globalPosition);
    return {
      nextExpectedRevision: Math.max(current ?? -1, ...here.map((e) => e.streamRevision)),
      position: here[here.length - 1].globalPosition,
      events: here.map(this.upcast),
      idempotent: true,
    };
  }

  private assertOpen(): void {
    if (this.closed) throw new Error(`KurrentDB event store ${this.name} is closed`);
  }

  private readonly upcast: (event: RecordedEvent) => RecordedEvent;
}

/** The events with their revisions and hash chain, continuing from the stream's last event. */
export function chain(streamId: string, events: NewEvent[], last: RecordedEvent | null, recordedAt: string): UnpositionedEvent[] {
  return chainEvents(streamId, events, last ? { revision: last.streamRevision, hash: last.hash } : null, recordedAt);
}
