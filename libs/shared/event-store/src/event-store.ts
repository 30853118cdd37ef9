import type { NewEvent, RecordedEvent } from '@dm/contracts';

/** Expected state of a stream before an append (optimistic concurrency). */
export type ExpectedRevision = number | 'no_stream' | 'stream_exists' | 'any';

export class WrongExpectedRevisionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: number | 'no_stream',
  ) {
    super(`stream ${streamId}: expected revision ${expected}, actual ${actual}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

export interface AppendResult {
  /** Revision of the stream's last event after the append. */
  nextExpectedRevision: number;
  /** Global position of the last event appended (or found, when idempotent). */
  position: number;
  events: RecordedEvent[];
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

export type BatchHandler = (events: RecordedEvent[]) => Promise<void>;

export interface Subscription {
  /** Resolves once the subscription has delivered everything stored when it started. */
  readonly caughtUp: Promise<void>;
  stop(): Promise<void>;
}

/**
 * The event-store port. Every adapter passes the contract suite in
 * libs/shared/testing (eventStoreContract).
 */
export interface EventStore {
  /** Name of this store as a source of facts, e.g. "task-assignment". */
  readonly name: string;
  appendToStream(
    streamId: string,
    events: NewEvent[],
    options?: { expectedRevision?: ExpectedRevision },
  ): Promise<AppendResult>;
  /** Streams the events; never loads the stream whole. Empty for a missing stream. */
  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;
  /** Revision of the last event in the stream, or null when the stream does not exist. */
  streamRevision(streamId: string): Promise<number | null>;
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;
  /** Catch-up subscription: delivers stored events after `after`, then new ones as they are appended, one batch at a time. */
  subscribeToAll(handler: BatchHandler, options?: SubscribeOptions): Subscription;
  /** Global position of the last stored event (0 when empty). */
  headPosition(): Promise<number>;
  getCheckpoint(name: string): Promise<number | null>;
  setCheckpoint(name: string, position: number): Promise<void>;
  close(): Promise<void>;
}
