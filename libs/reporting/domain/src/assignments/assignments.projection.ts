import { ASSIGNMENT_EVENT_TYPES, EVENT_TYPES, startedAssignments, type RecordedEvent } from '@dm/contracts';
import { applyFact, writesOf, type Document, type FactWrite, type Projection } from '@dm/eventsourcing';
import { ASSIGNMENT_FACTS, factKey, ownFactId, withOwnFacts, type AssignmentDoc, type OwnFactDoc, type StatusFact } from './assignment-doc';
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
 * each fact of its directive a StatusFact under `facts.d.r<revision>`.
 *
 * - an event that starts assignments (directive.issued, task-added,
 *   task-agency-added, task-lead-changed) → one write per new assignment
 *   (source `d`): its header fields, `created: true`, and a start fact with
 *   its first deadline and start date.
 * - a deadline change or a closure → one write per assignment it names.
 * - a transfer → one write per assignment it names, marking who has held it
 *   (`transferred`, `heldBy.<successor>`) or who monitors it now.
 * - `assignment.*` → one write on the assignment of the stream (source
 *   `a`) that moves `rev.a` only: the fact itself is a row of
 *   `assignment_facts` (assignmentFactsProjection), so the document's size
 *   does not grow with its reports.
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
      if (fact.source === 'a') return { id, source: 'a', revision: event.streamRevision, setOnInsert: {}, set: {} };
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

/**
 * The `assignment_facts` read model (OwnFactDoc): each assignment event's
 * StatusFact as one row, insert-only (a replay finds it there and changes
 * nothing), indexed by assignment. Written before the assignment's document,
 * so a reader who sees `rev.a` finds every row up to it.
 */
export const assignmentFactsProjection: Projection = {
  collection: ASSIGNMENT_FACTS,
  canHandle: Object.values(ASSIGNMENT_EVENT_TYPES),
  indexes: [['assignmentId']],
  evolve: (event) =>
    eventsByAssignment(event)
      .filter(([, fact]) => fact.source === 'a')
      .map(([assignmentId, fact]): FactWrite => {
        const row: Omit<OwnFactDoc, '_id'> = {
          assignmentId,
          directiveId: typeof fact.data.directiveId === 'string' ? fact.data.directiveId : null,
          fact: statusFact(event, 'a', fact.data),
        };
        return { id: ownFactId(assignmentId, event.streamRevision), source: 'f', revision: 0, setOnInsert: {}, set: row, insertOnly: true };
      }),
};

/**
 * The assignment documents a history of events gives, each with its own
 * facts merged in, as readers see them: what the read store would hold
 * after these events, folded in memory (specs, the offline verifier).
 */
export function foldAssignments(events: Iterable<RecordedEvent>): Map<string, AssignmentDoc> {
  const list = [...events];
  const docs = new Map<string, Document>();
  const rows = new Map<string, OwnFactDoc[]>();
  for (const w of writesOf(assignmentsProjection, list)) docs.set(w.id, applyFact(docs.get(w.id) ?? null, w).doc);
  const seen = new Set<string>();
  for (const w of writesOf(assignmentFactsProjection, list)) {
    if (seen.has(w.id)) continue;
    seen.add(w.id);
    const row = w.set as unknown as OwnFactDoc;
    rows.set(row.assignmentId, [...(rows.get(row.assignmentId) ?? []), row]);
  }
  const folded = new Map<string, AssignmentDoc>();
  for (const [id, doc] of docs) folded.set(id, withOwnFacts(doc as unknown as AssignmentDoc, rows.get(id) ?? []));
  return folded;
}
