import {
  EVENT_TYPES,
  STREAM_PREFIX,
  type DirectiveIssued,
  type RecordedEvent,
  type ResolvedAssignment,
  type TaskCancelled,
  type TaskDeadlineChanged,
} from '@dm/contracts';
import type { FactEvent, FactSource, StatusFact } from './assignment-facts';
import { factKey } from './facts';

/**
 * One guarded write to one assignment document (structurally the read
 * store's FactWrite): `setOnInsert` when the document is created, then `set`
 * (dotted paths) only while the document's `rev.<source>` is below `revision`.
 */
export interface AssignmentFactWrite {
  id: string;
  source: FactSource;
  revision: number;
  setOnInsert: Record<string, unknown>;
  set: Record<string, unknown>;
}

/** The fields of each event's data that statuses and tallies read; the rest stays on the timeline. */
const STATUS_FIELDS: Record<string, string[]> = {
  [EVENT_TYPES.taskDeadlineChanged]: ['deadline'],
  [EVENT_TYPES.taskCancelled]: ['cancelledOn'],
  [EVENT_TYPES.progressReported]: ['reportedOn', 'percent'],
  [EVENT_TYPES.completionReported]: ['completedOn'],
  [EVENT_TYPES.completionConfirmed]: ['completedOn', 'confirmedOn'],
  [EVENT_TYPES.completionReturned]: ['completedOn', 'returnedOn'],
};

const ASSIGNMENT_EVENTS: ReadonlySet<string> = new Set([
  EVENT_TYPES.progressReported,
  EVENT_TYPES.completionReported,
  EVENT_TYPES.completionConfirmed,
  EVENT_TYPES.completionReturned,
]);

/** One insert-only write of the timeline collection (structurally the read store's FactWrite). */
export interface TimelineWrite {
  id: string;
  source: 't';
  revision: 0;
  setOnInsert: Record<string, unknown>;
  set: { assignmentId: string; entry: FactEvent };
  insertOnly: true;
}

export const timelineEntryId = (assignmentId: string, fact: Pick<FactEvent, 'source' | 'revision'>) =>
  `${assignmentId}:${fact.source}:${fact.revision}`;

/**
 * Maps an integration event (already parsed against its schema) to the fact
 * writes of the assignment documents it concerns. Pure; unknown types give [].
 * Each write carries a StatusFact (the dates and figures statuses read); the
 * whole event goes to the timeline (timelineWritesFor).
 *
 * - `directive.issued` → one write per resolved assignment (source `d`): the
 *   assignment's header fields, `created: true` and its task's deadline.
 * - `directive.task-deadline-changed` / `directive.task-cancelled` → one write
 *   per id in `data.assignmentIds`.
 * - `assignment.*` → one write on the assignment of the stream (source `a`).
 *
 * @param _origin the source store or topic the event came from; the fact
 *   source (`d`/`a`) follows from the event type, so it is not needed here.
 */
export function factWritesFor(_origin: string, event: RecordedEvent): AssignmentFactWrite[] {
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
}

/**
 * Maps an integration event to the timeline entries of the assignments it
 * concerns: the whole event, once per assignment, insert-only (a replay finds
 * the entry there and changes nothing).
 */
export function timelineWritesFor(event: RecordedEvent): TimelineWrite[] {
  return eventsByAssignment(event).map(([assignmentId, entry]) => ({
    id: timelineEntryId(assignmentId, entry),
    source: 't',
    revision: 0,
    setOnInsert: {},
    set: { assignmentId, entry },
    insertOnly: true,
  }));
}

/** Each assignment an event concerns, with the event as it concerns that assignment. */
function eventsByAssignment(event: RecordedEvent): Array<[string, FactEvent]> {
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

const taskOf = (d: DirectiveIssued, a: ResolvedAssignment) => d.tasks.find((t) => t.number === a.taskNumber) ?? null;

function issuedFacts(event: RecordedEvent, d: DirectiveIssued): Array<[string, FactEvent]> {
  const header = {
    directiveId: d.directiveId,
    number: d.number,
    type: d.type,
    issuer: d.issuer,
    issuedOn: d.issuedOn,
    subject: d.subject,
    signer: d.signer,
    monitoringAgency: d.monitoringAgency,
    issuerOffice: d.issuerOffice,
    registryVersion: d.registryVersion,
  };
  return d.assignments.map((a) => [a.id, factOf(event, 'd', { ...header, task: taskOf(d, a), assignment: a })]);
}

function statusFact(event: RecordedEvent, source: FactSource, data: Record<string, unknown>): StatusFact {
  const fields = STATUS_FIELDS[event.type];
  const picked = fields ? Object.fromEntries(fields.filter((f) => f in data).map((f) => [f, data[f]])) : data;
  return { source, revision: event.streamRevision, type: event.type, data: picked };
}

function write(id: string, fact: StatusFact, fields: Record<string, unknown>): AssignmentFactWrite {
  return {
    id,
    source: fact.source,
    revision: fact.revision,
    setOnInsert: {},
    set: { ...fields, [`facts.${fact.source}.${factKey(fact.revision)}`]: fact },
  };
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
