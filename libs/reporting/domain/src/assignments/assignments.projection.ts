import { EVENT_TYPES, type DirectiveIssued, type RecordedEvent } from '@dm/contracts';
import type { FactWrite, Projection } from '@dm/eventsourcing';
import { factKey, type StatusFact } from './assignment-doc';
import { ASSIGNMENT_FACT_TYPES, eventsByAssignment, taskOf } from './assignment-events';

export const ASSIGNMENTS = 'assignments';

/** The fields of each event's data that statuses and tallies read; the rest stays on the timeline. */
const STATUS_FIELDS: Record<string, string[]> = {
  [EVENT_TYPES.taskDeadlineChanged]: ['deadline'],
  [EVENT_TYPES.taskCancelled]: ['cancelledOn'],
  [EVENT_TYPES.progressReported]: ['reportedOn', 'percent'],
  [EVENT_TYPES.completionReported]: ['completedOn'],
  [EVENT_TYPES.completionConfirmed]: ['completedOn', 'confirmedOn'],
  [EVENT_TYPES.completionReturned]: ['completedOn', 'returnedOn'],
};

/**
 * The `assignments` read model (AssignmentDoc): one document per assignment,
 * each fact a StatusFact under `facts.<source>.r<revision>`.
 *
 * - `directive.issued` → one write per resolved assignment (source `d`): the
 *   assignment's header fields, `created: true` and its task's deadline.
 * - `directive.task-deadline-changed` / `directive.task-cancelled` → one write
 *   per id in `data.assignmentIds`.
 * - `assignment.*` → one write on the assignment of the stream (source `a`).
 */
export const assignmentsProjection: Projection = {
  collection: ASSIGNMENTS,
  canHandle: ASSIGNMENT_FACT_TYPES,
  indexes: [['directiveId'], ['agencyId'], ['issuedOn']],
  evolve(event) {
    if (event.type === EVENT_TYPES.directiveIssued) {
      const d = event.data as DirectiveIssued;
      return d.assignments.map((a) =>
        write(a.id, statusFact(event, 'd', { deadline: taskOf(d, a)?.deadline ?? null }), {
          created: true,
          directiveId: d.directiveId,
          directiveNumber: d.number,
          issuer: d.issuer,
          issuedOn: d.issuedOn,
          monitoringAgency: d.monitoringAgency,
          taskNumber: a.taskNumber,
          agencyId: a.agencyId,
          role: a.role,
          viaGroup: a.viaGroup,
        }),
      );
    }
    return eventsByAssignment(event).map(([id, fact]) => write(id, statusFact(event, fact.source, fact.data), {}));
  },
};

function statusFact(event: RecordedEvent, source: StatusFact['source'], data: Record<string, unknown>): StatusFact {
  const fields = STATUS_FIELDS[event.type];
  const picked = fields ? Object.fromEntries(fields.filter((f) => f in data).map((f) => [f, data[f]])) : data;
  return { source, revision: event.streamRevision, type: event.type, data: picked };
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
