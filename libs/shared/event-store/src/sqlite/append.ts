import type { NewEvent, RecordedEvent } from '@dm/contracts';
import { chainEvents } from '../hash-chain';
import { EventIdConflictError } from '../event-id-conflict-error';
import { WrongExpectedRevisionError, type AppendResult, type ExpectedRevision } from '../event-store';
import { fromRow, toRow, type EventRow } from './event-row';
import type { Statements, StreamRow } from './statements';

/** Appends to one stream; the caller runs it inside a write transaction. */
export function appendEvents(
  statements: Statements,
  streamId: string,
  events: NewEvent[],
  expected: ExpectedRevision,
  recordedAt: string,
): AppendResult {
  assertDistinctIds(streamId, events);
  const current = statements.stream.get(streamId);
  const stored = events.length ? statements.eventsById.all(JSON.stringify(events.map((e) => e.eventId))) : [];
  if (stored.length) return alreadyStored(streamId, events, stored, current);
  assertExpected(streamId, expected, current);
  if (!events.length) return nothingAppended(statements, streamId, current);

  const chained = chainEvents(streamId, events, current ? { revision: current.revision, hash: current.last_hash } : null, recordedAt);
  const recorded = chained.map((event): RecordedEvent => ({ ...event, globalPosition: Number(statements.insertEvent.run(toRow(event)).lastInsertRowid) }));
  const last = recorded[recorded.length - 1];
  statements.upsertStream.run({ stream_id: streamId, revision: last.streamRevision, last_hash: last.hash });
  return {
    nextExpectedRevision: last.streamRevision,
    position: last.globalPosition,
    events: recorded,
    idempotent: false,
  };
}

function assertDistinctIds(streamId: string, events: NewEvent[]) {
  const seen = new Set<string>();
  const repeated: string[] = [];
  for (const { eventId } of events) {
    if (seen.has(eventId)) repeated.push(eventId);
    seen.add(eventId);
  }
  if (repeated.length) throw new EventIdConflictError(streamId, repeated, 'appear more than once in the batch');
}

function alreadyStored(
  streamId: string,
  events: NewEvent[],
  stored: EventRow[],
  current: StreamRow | undefined,
): AppendResult {
  const elsewhere = stored.filter((row) => row.stream_id !== streamId);
  if (elsewhere.length) {
    const where = elsewhere.map((row) => `${row.event_id} in ${row.stream_id}`).join(', ');
    throw new EventIdConflictError(streamId, elsewhere.map((row) => row.event_id), `are stored in other streams (${where})`);
  }
  if (stored.length < events.length) {
    const storedIds = new Set(stored.map((row) => row.event_id));
    throw new EventIdConflictError(
      streamId,
      [...storedIds],
      `are already stored but ${events.length - stored.length} other events of the batch are not: a retry must repeat the whole batch`,
    );
  }
  return {
    nextExpectedRevision: current!.revision,
    position: stored[stored.length - 1].global_position,
    events: stored.map(fromRow),
    idempotent: true,
  };
}

function assertExpected(streamId: string, expected: ExpectedRevision, current: StreamRow | undefined) {
  const matches =
    expected === 'any' ||
    (expected === 'no_stream' && !current) ||
    (expected === 'stream_exists' && !!current) ||
    current?.revision === expected;
  if (!matches) throw new WrongExpectedRevisionError(streamId, expected, current ? current.revision : 'no_stream');
}

function nothingAppended(statements: Statements, streamId: string, current: StreamRow | undefined): AppendResult {
  const position = current ? statements.positionAt.get(streamId, current.revision)!.global_position : 0;
  return { nextExpectedRevision: current?.revision ?? -1, position, events: [], idempotent: false };
}
