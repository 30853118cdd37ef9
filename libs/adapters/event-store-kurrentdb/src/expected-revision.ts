import { NO_STREAM, type AppendStreamState, type WrongExpectedVersionError } from '@kurrent/kurrentdb-client';
import { WrongExpectedRevisionError, type ExpectedRevision } from '@dm/eventsourcing';

/**
 * The streamState of the append. A number and no_stream are passed as they
 * are; any and stream_exists are pinned to the revision just read, because
 * the hash chain was computed from that revision's event: a concurrent
 * append in between must fail the write (and it is retried), never leave a
 * chain that skips an event.
 */
export function appendStreamState(expected: ExpectedRevision, current: number | null): AppendStreamState {
  if (typeof expected === 'number') return BigInt(expected);
  if (expected === 'no_stream') return NO_STREAM;
  return current === null ? NO_STREAM : BigInt(current);
}

/** A conflict on a pinned streamState is a concurrent append the caller allowed: read again and retry. */
export function retriesOnConflict(expected: ExpectedRevision): boolean {
  return expected === 'any' || expected === 'stream_exists';
}

/** KurrentDB's WrongExpectedVersionError as the port's conflict error. */
export function toWrongExpectedRevision(
  streamId: string,
  expected: ExpectedRevision,
  error: WrongExpectedVersionError,
): WrongExpectedRevisionError {
  const actual = error.actualState === NO_STREAM ? 'no_stream' : Number(error.actualState);
  return new WrongExpectedRevisionError(streamId, expected, actual);
}
