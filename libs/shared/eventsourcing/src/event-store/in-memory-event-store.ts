import type { Event, NewEvent, RecordedEvent, StoredEventText, Upcaster } from '@dm/contracts';
import { ANY, type ExpectedRevision } from '../expected-revision';
import { AppendSignal } from './append-signal';
import { tracked, type SubscriptionLogger } from './catch-up';
import { CatchUpSubscription, type PageSource } from './catch-up-subscription';
import { chainEvents } from './chain-events';
import { assertDistinctIds, assertExpected, isRetryOfStoredBatch } from './append-rules';
import type {
  AppendResult,
  BatchHandler,
  EventStore,
  ReadAllOptions,
  ReadLogOptions,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
} from './event-store';
import { storedText, upcasting } from './event-store';

export interface InMemoryEventStoreOptions {
  name: string;
  upcasters?: Record<string, Upcaster>;
  clock?: () => Date;
  logger?: SubscriptionLogger;
  /** First pause before a subscription hands a failed batch over again (default 100 ms). */
  retryMs?: number;
}

/** The event-store port in memory: for specs and tools; it passes the same contract as the stores on disk. */
export class InMemoryEventStore implements EventStore {
  readonly name: string;
  private readonly log: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly byId = new Map<string, RecordedEvent>();
  private readonly checkpoints = new Map<string, number>();
  private readonly appends = new AppendSignal();
  private readonly subscriptions = new Set<CatchUpSubscription>();
  private readonly pages: PageSource = {
    headPosition: () => this.log.length,
    page: (after, upTo, limit, prefixes) => this.page(after, upTo, limit, prefixes).map(this.upcast),
  };

  constructor(private readonly options: InMemoryEventStoreOptions) {
    this.name = options.name;
    this.upcast = upcasting(options.upcasters);
  }

  async appendToStream<E extends Event>(
    streamId: string,
    events: NewEvent<E>[],
    options: { expectedRevision?: ExpectedRevision } = {},
  ): Promise<AppendResult<E>> {
    const stream = this.streams.get(streamId) ?? [];
    assertDistinctIds(streamId, events);
    const stored = events.flatMap((e) => this.byId.get(e.eventId) ?? []);
    if (isRetryOfStoredBatch(streamId, events.length, stored)) {
      const last = stored[stored.length - 1];
      return {
        nextExpectedRevision: stream.length - 1,
        position: last.globalPosition,
        events: stored.map(this.upcast),
        idempotent: true,
      } as AppendResult<E>;
    }
    assertExpected(streamId, options.expectedRevision ?? ANY, stream.length ? stream.length - 1 : null);
    if (!events.length) {
      return { nextExpectedRevision: stream.length - 1, position: stream.at(-1)?.globalPosition ?? 0, events: [], idempotent: false };
    }

    const last = stream.at(-1);
    const chained = chainEvents(streamId, events, last ? { revision: last.streamRevision, hash: last.hash } : null, this.now());
    const recorded = chained.map((unpositioned) => {
      const event = { ...unpositioned, globalPosition: this.log.length + 1 } as RecordedEvent;
      this.log.push(event);
      this.byId.set(event.eventId, event);
      stream.push(event);
      return event;
    });
    this.streams.set(streamId, stream);
    this.appends.notify();
    const tail = recorded[recorded.length - 1];
    return {
      nextExpectedRevision: tail.streamRevision,
      position: tail.globalPosition,
      events: recorded,
      idempotent: false,
    } as AppendResult<E>;
  }

  async *readStream<E extends Event = Event>(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent<E>> {
    const stream = this.streams.get(streamId) ?? [];
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision ?? (backwards ? stream.length - 1 : 0);
    const selected = backwards ? stream.slice(0, Math.max(0, from + 1)).reverse() : stream.slice(from);
    for (const event of selected.slice(0, options.maxCount ?? Infinity)) yield this.upcast(event) as RecordedEvent<E>;
  }

  async streamRevision(streamId: string): Promise<number | null> {
    const stream = this.streams.get(streamId);
    return stream ? stream.length - 1 : null;
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    const events = this.page(options.after ?? 0, this.log.length, options.maxCount ?? Infinity, options.streamPrefixes);
    for (const event of events) yield this.upcast(event);
  }

  async *readLog(options: ReadLogOptions = {}): AsyncIterable<StoredEventText[]> {
    const events = this.page(options.after ?? 0, this.log.length, options.maxCount ?? Infinity);
    for (let i = 0; i < events.length; i += 1024) yield events.slice(i, i + 1024).map(storedText);
  }

  subscribeToAll(handler: BatchHandler, options: SubscribeOptions = {}): Subscription {
    const subscription = new CatchUpSubscription(this.pages, this.appends, handler, {
      after: options.after ?? 0,
      batchSize: options.batchSize ?? 256,
      streamPrefixes: options.streamPrefixes,
      pollMs: 1_000,
      retryMs: this.options.retryMs ?? 100,
      logger: this.options.logger ?? console,
    });
    return tracked(this.subscriptions, subscription);
  }

  async headPosition(): Promise<number> {
    return this.log.length;
  }

  async getCheckpoint(name: string): Promise<number | null> {
    return this.checkpoints.get(name) ?? null;
  }

  async setCheckpoint(name: string, position: number): Promise<void> {
    this.checkpoints.set(name, position);
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    this.subscriptions.clear();
  }

  private page(after: number, upTo: number, limit: number, prefixes: string[] = []): RecordedEvent[] {
    const found: RecordedEvent[] = [];
    for (let i = after; i < upTo && found.length < limit; i++) {
      const event = this.log[i];
      if (!prefixes.length || prefixes.some((p) => event.streamId.startsWith(p))) found.push(event);
    }
    return found;
  }

  private now(): string {
    return (this.options.clock?.() ?? new Date()).toISOString();
  }

  private readonly upcast: (event: RecordedEvent) => RecordedEvent;
}
