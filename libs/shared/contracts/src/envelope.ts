export type Role = 'agency_officer' | 'monitoring_officer' | 'inspector' | 'admin' | 'system';

export interface Actor {
  userId: string;
  agencyId: string | null;
  role: Role;
}

/** What a decider decides and an evolve folds: a type and its data. */
export interface Event<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
}

/** The envelope every stored event carries (docs/architecture.md, "Events"). */
export interface EventEnvelope {
  eventId: string;
  schemaVersion: number;
  /** Business time the actor states (ISO 8601 instant with offset). */
  occurredAt: string;
  actor: Actor;
  correlationId: string;
  causationId: string | null;
  /** Free metadata; idempotency keeps the request body hash and the command id here. */
  metadata?: Record<string, unknown>;
}

/** An event as a command handler produces it, before the store gives it a place. */
export type NewEvent<E extends Event = Event> = EventEnvelope & E;

/** Where the store put an event, and its place in its stream's hash chain. */
export interface StoredPlace {
  streamId: string;
  /** 0-based position of the event in its stream. */
  streamRevision: number;
  /** Position in the store's global order, starting at 1. */
  globalPosition: number;
  /** Server clock when the store accepted the event (ISO 8601, UTC). */
  recordedAt: string;
  prevHash: string;
  hash: string;
  metadata: Record<string, unknown>;
}

/** An event as stored. `E` types its `type` and `data` for a reader that knows its stream. */
export type RecordedEvent<E extends Event = Event> = EventEnvelope & StoredPlace & E;

/** Transforms an event stored under an older schema into the current one. */
export type Upcaster = (event: RecordedEvent) => RecordedEvent;
