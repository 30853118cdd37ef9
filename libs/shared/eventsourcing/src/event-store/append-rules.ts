import { ANY, NO_STREAM, STREAM_EXISTS, type ExpectedRevision } from '../expected-revision';
import { EventIdConflictError } from './event-id-conflict-error';
import { WrongExpectedRevisionError } from './event-store';

/** The rules every event-store adapter applies to an append, whatever it stores in. */

export function assertDistinctIds(streamId: string, events: Array<{ eventId: string }>): void {
  const seen = new Set<string>();
  const repeated = events.filter(({ eventId }) => seen.size === seen.add(eventId).size).map((e) => e.eventId);
  if (repeated.length) throw new EventIdConflictError(streamId, repeated, 'appear more than once in the batch');
}

/** Whether a stream whose last revision is `current` (null: no stream) satisfies `expected`. */
export function matchesExpected(expected: ExpectedRevision, current: number | null): boolean {
  if (expected === ANY) return true;
  if (expected === NO_STREAM) return current === null;
  if (expected === STREAM_EXISTS) return current !== null;
  return current === expected;
}

export function assertExpected(streamId: string, expected: ExpectedRevision, current: number | null): void {
  if (!matchesExpected(expected, current)) throw new WrongExpectedRevisionError(streamId, expected, current ?? NO_STREAM);
}

/** An event of the batch that the store holds already, and where. */
export interface StoredId {
  eventId: string;
  streamId: string;
  /** How to name its place in a conflict, e.g. "e1 in directive-1 (being appended)". */
  place?: string;
}

/**
 * What an append of `batchSize` events to `streamId` means when `stored` of
 * its ids are in the store already: none, a new append (false); all of them
 * in this stream, a retry to answer with the stored events (true); some, or
 * any in another stream, a conflict.
 */
export function isRetryOfStoredBatch(streamId: string, batchSize: number, stored: StoredId[]): boolean {
  const elsewhere = stored.filter((s) => s.streamId !== streamId);
  if (elsewhere.length) {
    const where = elsewhere.map((s) => s.place ?? `${s.eventId} in ${s.streamId}`).join(', ');
    throw new EventIdConflictError(
      streamId,
      elsewhere.map((s) => s.eventId),
      `are stored in other streams (${where})`,
    );
  }
  if (stored.length && stored.length < batchSize) {
    throw new EventIdConflictError(
      streamId,
      stored.map((s) => s.eventId),
      `are already stored but ${batchSize - stored.length} other events of the batch are not: a retry must repeat the whole batch`,
    );
  }
  return stored.length > 0;
}
