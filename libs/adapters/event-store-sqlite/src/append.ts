import type { NewEvent, RecordedEvent } from '@dm/contracts';
import {
  assertDistinctIds,
  assertExpected,
  chainEvents,
  isRetryOfStoredBatch,
  type AppendResult,
  type ExpectedRevision,
} from '@dm/eventsourcing';
import { fromRow, toRow } from './event-row';
import type { Statements } from './statements';

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
  const storedIds = stored.map((row) => ({ eventId: row.event_id, streamId: row.stream_id }));
  if (isRetryOfStoredBatch(streamId, events.length, storedIds)) {
    return {
      nextExpectedRevision: current!.revision,
      position: stored[stored.length - 1].global_position,
      events: stored.map(fromRow),
      idempotent: true,
    };
  }
  assertExpected(streamId, expected, current?.revision ?? null);
  if (!events.length) {
    const position = current ? statements.positionAt.get(streamId, current.revision)!.global_position : 0;
    return { nextExpectedRevision: current?.revision ?? -1, position, events: [], idempotent: false };
  }

  const chained = chainEvents(streamId, events, current ? { revision: current.revision, hash: current.last_hash } : null, recordedAt);
  const recorded = chained.map((event): RecordedEvent => ({
    ...event,
    globalPosition: Number(statements.insertEvent.run(toRow(event)).lastInsertRowid),
  }));
  const last = recorded[recorded.length - 1];
  statements.upsertStream.run({ stream_id: streamId, revision: last.streamRevision, last_hash: last.hash });
  return { nextExpectedRevision: last.streamRevision, position: last.globalPosition, events: recorded, idempotent: false };
}
