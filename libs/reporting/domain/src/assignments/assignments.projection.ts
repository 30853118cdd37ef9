import { EVENT_TYPES, startedAssignments, type RecordedEvent } from '@dm/contracts';
import type { FactWrite, Projection } from '@dm/eventsourcing';
import { factKey, type StatusFact } from './assignment-doc';
import { ASSIGNMENT_FACT_TYPES, eventsByAssignment } from './assignment-events';

export const ASSIGNMENTS = 'assignments';

/** The fields of each event's data that statuses and tallies read; the rest stays on the timeline. */
const STATUS_FIELDS: Record<string, string[]> = {
  [EVENT_TYPES.taskDeadlineChanged]: ['deadline', 'changedOn'],
  [EVENT_TYPES.taskCancelled]: ['cancelledOn'],
  [EVENT_TYPES.taskLeadChanged]: ['effectiveOn'],
  [EVENT_TYPES.directiveSuperseded]: ['effectiveOn'],
  [EVENT_TYPES.directiveRevoked]: ['effectiveOn'],
  [EVENT_TYPES.assignmentsTransferred]: ['transferredOn', 'from', 'to'],
  [EVENT_TYPES.monitoringTransferred]: ['transferredOn', 'from', 'to'],
  [EVENT_TYPES.progressReported]: ['reportedOn', 'percent'],
  [EVENT_TYPES.completionReported]: ['completedOn', 'period'],
  [EVENT_TYPES.completionConfirmed]: ['completedOn', 'confirmedOn', 'period'],
  [EVENT_TYPES.completionReturned]: ['completedOn', 'returnedOn', 'period'],
  [EVENT_TYPES.completionReopened]: ['completedOn', 'reopenedOn', 'period'],
};

/**
 * The `assignments` read model (AssignmentDoc): one document per assignment,
 * each fact a StatusFact under `facts.<source>.r<revision>`.
 *
 * - an event that starts assignments (directive.issued, task-added,
 *   task-agency-added, task-lead-changed) → one write per new assignment
 *   (source `d`): its header fields, `created: true`, and a start fact with
 *   its first deadline and start date.
 * - a deadline change or a closure → one write per assignment it names.
 * - a transfer → one write per assignment it names, marking who has held it
 *   (`transferred`, `heldBy.<successor>`) or who monitors it now.
 * - `assignment.*` → one write on the assignment of the stream (source `a`).
 *
 * Every fact keeps the time its event was recorded (for asKnownAt).
 */
export const assignmentsProjection: Projection = {
  collection: ASSIGNMENTS,
  canHandle: ASSIGNMENT_FACT_TYPES,
  indexes: [['directiveId'], ['agencyId'], ['assignedOn'], ['transferred']],
  evolve(event) {
    const starts = new Map(startedAssignments(event).map((s) => [s.assignment.id, s]));
    return eventsByAssignment(event).map(([id, fact]) => {
      const start = starts.get(id);
      if (!start) return write(id, statusFact(event, fact.source, fact.data), fieldsSetBy(event));
      const { directive, assignment: a, on, task } = start;
      return write(
        id,
        {
          source: 'd',
          revision: event.streamRevision,
          type: event.type,
          data: { starts: on, deadline: task.deadline },
          recordedAt: event.recordedAt,
        },
        {
          created: true,
          directiveId: directive.directiveId,
          directiveNumber: directive.number,
          issuer: directive.issuer,
          issuerOffice: directive.issuerOffice ?? null,
          issuedOn: directive.issuedOn,
          assignedOn: on,
          monitoringAgency: directive.monitoringAgency,
          taskNumber: a.taskNumber,
          mode: a.mode ?? task.mode,
          ...(task.recurrence ? { recurrence: task.recurrence } : {}),
          agencyId: a.agencyId,
          role: a.role,
          viaGroup: a.viaGroup,
        },
      );
    });
  },
};

/** The document fields a transfer changes: who has held it, and who monitors it. */
function fieldsSetBy(event: RecordedEvent): Record<string, unknown> {
  const to = (event.data as { to?: string }).to as string;
  if (event.type === EVENT_TYPES.assignmentsTransferred) return { transferred: true, [`heldBy.${to}`]: true };
  if (event.type === EVENT_TYPES.monitoringTransferred) return { monitoringAgency: to };
  return {};
}

function statusFact(event: RecordedEvent, source: StatusFact['source'], data: Record<string, unknown>): StatusFact {
  const fields = STATUS_FIELDS[event.type];
  const picked = fields ? Object.fromEntries(fields.filter((f) => f in data).map((f) => [f, data[f]])) : data;
  return { source, revision: event.streamRevision, type: event.type, data: picked, recordedAt: event.recordedAt };
}

function write(id: string, fact: StatusFact, fields: Record<string, unknown>): FactWrite {
  return {
    id,
    source: fact.source,
    revision: fact.revision,
    setOnInsert: {},
    set: { ...fields, [`facts.${fact.source}.${factKey(fact.revision)}`]: fact },
  };
}
