import { canonicalJson, type Event, type NewEvent, type RecordedEvent, type StoredEventText, type Upcaster } from '@dm/contracts';
import { NO_STREAM, type ExpectedRevision } from '../expected-revision';

/** An append found the stream at another revision than expected; nothing was written. */
export class WrongExpectedRevisionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: number | typeof NO_STREAM,
  ) {
    super(`stream ${streamId}: expected revision ${expected}, actual ${actual}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

export interface AppendResult<E extends Event = Event> {
  /** Revision of the stream's last event after the append. */
  nextExpectedRevision: number;
  /** Global position of the last event appended (or found, when idempotent). */
  position: number;
  events: RecordedEvent<E>[];
  /** True when every event id was already in the stream: nothing was written. */
  idempotent: boolean;
}

export interface ReadStreamOptions {
  direction?: 'forwards' | 'backwards';
  /** Inclusive; defaults to the start (forwards) or the end (backwards). */
  fromRevision?: number;
  maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive: events with a global position greater than this. Defaults to 0 (the beginning). */
  after?: number;
  maxCount?: number;
  /** Only streams whose id starts with one of these. */
  streamPrefixes?: string[];
}

export interface SubscribeOptions extends ReadAllOptions {
  /** Largest batch handed to the handler at once. */
  batchSize?: number;
}

/** What every store does to an event it reads back: the upcaster of its type, if any, brings it to the current schema. */
export function upcasting(upcasters: Record<string, Upcaster> = {}): (event: RecordedEvent) => RecordedEvent {
  const byType = new Map(Object.entries(upcasters));
  return (event) => byType.get(event.type)?.(event) ?? event;
}

export interface ReadLogOptions {
  /** Exclusive: events with a global position greater than this. Defaults to 0 (the beginning). */
  after?: number;
  maxCount?: number;
}

/** An event's stored text as a store that keeps events as objects writes it: canonical JSON members. */
export function storedText(event: RecordedEvent): StoredEventText {
  return { ...event, actor: canonicalJson(event.actor), data: canonicalJson(event.data), metadata: canonicalJson(event.metadata) };
}

export type BatchHandler = (events: RecordedEvent[]) => Promise<void>;

export interface Subscription {
  /** Resolves once the subscription has delivered everything stored when it started. */
  readonly caughtUp: Promise<void>;
  stop(): Promise<void>;
}

/**
 * The event-store port. Every adapter passes `eventStoreContract`
 * (@dm/eventsourcing/testing). Reads are typed by the caller, who knows the
 * events of the stream it reads; the store does not check them.
 */
export interface EventStore {
  /** Name of this store as a source of facts, e.g. "task-assignment". */
  readonly name: string;
  appendToStream<E extends Event>(
    streamId: string,
    events: NewEvent<E>[],
    options?: { expectedRevision?: ExpectedRevision },
  ): Promise<AppendResult<E>>;
  /** Streams the events; never loads the stream whole. Empty for a missing stream. */
  readStream<E extends Event = Event>(streamId: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent<E>>;
  /** Revision of the last event in the stream, or null when the stream does not exist. */
  streamRevision(streamId: string): Promise<number | null>;
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;
  /** Every event as stored, in global order, never upcast, its JSON members as text, a page at a time: what an audit hashes (docs/audit.md). */
  readLog(options?: ReadLogOptions): AsyncIterable<StoredEventText[]>;
  /** Catch-up subscription: delivers stored events after `after`, then new ones as they are appended, one batch at a time. */
  subscribeToAll(handler: BatchHandler, options?: SubscribeOptions): Subscription;
  /** Global position of the last stored event (0 when empty). */
  headPosition(): Promise<number>;
  getCheckpoint(name: string): Promise<number | null>;
  setCheckpoint(name: string, position: number): Promise<void>;
  close(): Promise<void>;
}
