export type Role = 'agency_officer' | 'monitoring_officer' | 'inspector' | 'admin' | 'system';

export interface Actor {
  userId: string;
  agencyId: string | null;
  role: Role;
}

/** An event as a command handler produces it, before the store gives it a place. */
export interface NewEvent<Data = unknown> {
  eventId: string;
  type: string;
  schemaVersion: number;
  /** Business time the actor states (ISO 8601 instant with offset). */
  occurredAt: string;
  actor: Actor;
  correlationId: string;
  causationId: string | null;
  data: Data;
  /** Free metadata; idempotency keeps the request body hash here. */
  metadata?: Record<string, unknown>;
}

/** An event as stored: the envelope of DESIGN.md §3 "Events". */
export interface RecordedEvent<Data = unknown> extends NewEvent<Data> {
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

/** Transforms an event stored under an older schema into the current one. */
export type Upcaster = (event: RecordedEvent) => RecordedEvent;
