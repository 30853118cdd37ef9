import {
  EVENT_TYPES,
  STREAM_PREFIX,
  type DirectiveIssued,
  type RecordedEvent,
  type ResolvedAssignment,
  type TaskCancelled,
  type TaskDeadlineChanged,
} from '@dm/contracts';
import { directiveHeader } from '../directives/directives.projection';
import type { FactEvent, FactSource } from './assignment-doc';

const ASSIGNMENT_EVENTS: ReadonlySet<string> = new Set([
  EVENT_TYPES.progressReported,
  EVENT_TYPES.completionReported,
  EVENT_TYPES.completionConfirmed,
  EVENT_TYPES.completionReturned,
]);

/** Every event type about assignments: the directive's (source `d`) and the assignment's own (source `a`). */
export const ASSIGNMENT_FACT_TYPES = [
  EVENT_TYPES.directiveIssued,
  EVENT_TYPES.taskDeadlineChanged,
  EVENT_TYPES.taskCancelled,
  ...ASSIGNMENT_EVENTS,
];

export const taskOf = (d: DirectiveIssued, a: ResolvedAssignment) => d.tasks.find((t) => t.number === a.taskNumber) ?? null;

/**
 * Each assignment an event concerns, with the event as it concerns that
 * assignment: directive.issued, once per resolved assignment with its own
 * task only; a deadline change or cancellation, on each assignment of its
 * task (without the id list); an assignment event, on its own assignment.
 */
export function eventsByAssignment(event: RecordedEvent): Array<[string, FactEvent]> {
  switch (event.type) {
    case EVENT_TYPES.directiveIssued:
      return issuedFacts(event, event.data as DirectiveIssued);
    case EVENT_TYPES.taskDeadlineChanged:
    case EVENT_TYPES.taskCancelled: {
      const { assignmentIds, ...data } = event.data as TaskDeadlineChanged | TaskCancelled;
      const fact = factOf(event, 'd', data);
      return assignmentIds.map((id) => [id, fact]);
    }
    default:
      if (!ASSIGNMENT_EVENTS.has(event.type)) return [];
      return [[assignmentIdOf(event), factOf(event, 'a', { ...(event.data as Record<string, unknown>) })]];
  }
}

function issuedFacts(event: RecordedEvent, d: DirectiveIssued): Array<[string, FactEvent]> {
  const header = { ...directiveHeader(d), issuerOffice: d.issuerOffice };
  return d.assignments.map((a) => [a.id, factOf(event, 'd', { ...header, task: taskOf(d, a), assignment: a })]);
}

function factOf(event: RecordedEvent, source: FactSource, data: Record<string, unknown>): FactEvent {
  return {
    eventId: event.eventId,
    source,
    streamId: event.streamId,
    revision: event.streamRevision,
    type: event.type,
    schemaVersion: event.schemaVersion,
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
    actor: { ...event.actor },
    data,
  };
}

function assignmentIdOf(event: RecordedEvent): string {
  if (event.streamId.startsWith(STREAM_PREFIX.assignment)) return event.streamId.slice(STREAM_PREFIX.assignment.length);
  return String((event.data as { assignmentId?: unknown }).assignmentId);
}
