import { eventHash, GENESIS_HASH, type NewEvent, type RecordedEvent } from '@dm/contracts';

/** A recorded event before its store gives it a global position. */
export type UnpositionedEvent = Omit<RecordedEvent, 'globalPosition'>;

/**
 * The events as recorded in a stream: their revisions and the stream's hash
 * chain (hash = SHA-256(prevHash ‖ canonical event)), continuing from its last event.
 */
export function chainEvents(
  streamId: string,
  events: NewEvent[],
  last: { revision: number; hash: string } | null,
  recordedAt: string,
): UnpositionedEvent[] {
  let revision = last?.revision ?? -1;
  let prevHash = last?.hash ?? GENESIS_HASH;
  return events.map((event) => {
    revision += 1;
    const unhashed = {
      eventId: event.eventId,
      type: event.type,
      schemaVersion: event.schemaVersion,
      streamId,
      streamRevision: revision,
      occurredAt: event.occurredAt,
      recordedAt,
      actor: event.actor,
      correlationId: event.correlationId,
      causationId: event.causationId,
      data: event.data,
      metadata: event.metadata ?? {},
    };
    const hash = eventHash(prevHash, unhashed);
    const hashed = { ...unhashed, prevHash, hash };
    prevHash = hash;
    return hashed;
  });
}
