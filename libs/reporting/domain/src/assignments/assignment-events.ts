import {
  closedAssignments,
  DIRECTIVE_EVENT_TYPES,
  EVENT_TYPES,
  startedAssignments,
  STREAM_PREFIX,
  type DirectiveIssued,
  type RecordedEvent,
  type ResolvedAssignment,
} from '@dm/contracts';
import { directiveHeader } from '../directives/directives.projection';
import type { FactEvent, FactSource } from './assignment-doc';

const ASSIGNMENT_EVENTS: ReadonlySet<string> = new Set([
  EVENT_TYPES.progressReported,
  EVENT_TYPES.completionReported,
  EVENT_TYPES.completionConfirmed,
  EVENT_TYPES.completionReturned,
  EVENT_TYPES.completionReopened,
]);

/** Every event type about assignments: the directive's (source `d`) and the assignment's own (source `a`). */
export const ASSIGNMENT_FACT_TYPES = [
  ...Object.values(DIRECTIVE_EVENT_TYPES).filter((t) => t !== DIRECTIVE_EVENT_TYPES.taskTextCorrected),
  ...ASSIGNMENT_EVENTS,
];

export const taskOf = (d: DirectiveIssued, a: ResolvedAssignment) => d.tasks.find((t) => t.number === a.taskNumber) ?? null;

/** The id lists an event carries, which its fact on each assignment does not repeat. */
const ID_LISTS = ['assignmentIds', 'endedAssignmentIds', 'assignments'];

/**
 * Each assignment an event concerns, with the event as it concerns that
 * assignment: directive.issued, once per resolved assignment with its own
 * task only; an amendment that starts assignments, once per new assignment
 * with that assignment; a change or closure, on each assignment it names
 * (without the id lists); an assignment event, on its own assignment.
 */
export function eventsByAssignment(event: RecordedEvent): Array<[string, FactEvent]> {
  if (ASSIGNMENT_EVENTS.has(event.type))
    return [[assignmentIdOf(event), factOf(event, 'a', { ...(event.data as Record<string, unknown>) })]];
  if (event.type === EVENT_TYPES.directiveIssued) return issuedFacts(event, event.data as DirectiveIssued);
  const rest = Object.fromEntries(Object.entries(event.data as Record<string, unknown>).filter(([k]) => !ID_LISTS.includes(k)));
  const started = startedAssignments(event).map(({ assignment }): [string, FactEvent] => [
    assignment.id,
    factOf(event, 'd', { ...rest, assignment }),
  ]);
  const closedIds = closedAssignments(event)?.ids ?? (event.data as { assignmentIds?: string[] }).assignmentIds ?? [];
  const fact = factOf(event, 'd', rest);
  return [...closedIds.map((id): [string, FactEvent] => [id, fact]), ...started];
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
