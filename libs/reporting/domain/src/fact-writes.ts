import {
  EVENT_TYPES,
  STREAM_PREFIX,
  type DirectiveIssued,
  type RecordedEvent,
  type ResolvedAssignment,
  type TaskCancelled,
  type TaskDeadlineChanged,
} from '@dm/contracts';
import type { FactEvent, FactSource } from './assignment-facts';
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

const ASSIGNMENT_EVENTS: ReadonlySet<string> = new Set([
  EVENT_TYPES.progressReported,
  EVENT_TYPES.completionReported,
  EVENT_TYPES.completionConfirmed,
  EVENT_TYPES.completionReturned,
]);

/**
 * Maps an integration event (already parsed against its schema) to the fact
 * writes of the assignment documents it concerns. Pure; unknown types give [].
 *
 * - `directive.issued` → one write per resolved assignment (source `d`): the
 *   assignment's header fields and `created: true`, and the fact holding
 *   only the directive header, this assignment's task and the assignment.
 * - `directive.task-deadline-changed` / `directive.task-cancelled` → one write
 *   per id in `data.assignmentIds` (the id list itself is not repeated in each document).
 * - `assignment.*` → one write on the assignment of the stream (source `a`).
 *
 * @param _origin the source store or topic the event came from; the fact
 *   source (`d`/`a`) follows from the event type, so it is not needed here.
 */
export function factWritesFor(_origin: string, event: RecordedEvent): AssignmentFactWrite[] {
  switch (event.type) {
    case EVENT_TYPES.directiveIssued:
      return issuedWrites(event, event.data as DirectiveIssued);
    case EVENT_TYPES.taskDeadlineChanged:
    case EVENT_TYPES.taskCancelled: {
      const { assignmentIds, ...data } = event.data as TaskDeadlineChanged | TaskCancelled;
      const fact = factOf(event, 'd', data);
      return assignmentIds.map((id) => write(id, fact, {}));
    }
    default:
      if (!ASSIGNMENT_EVENTS.has(event.type)) return [];
      return [write(assignmentIdOf(event), factOf(event, 'a', { ...(event.data as Record<string, unknown>) }), {})];
  }
}

function issuedWrites(event: RecordedEvent, d: DirectiveIssued): AssignmentFactWrite[] {
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
  return d.assignments.map((a: ResolvedAssignment) => {
    const task = d.tasks.find((t) => t.number === a.taskNumber) ?? null;
    const fact = factOf(event, 'd', { ...header, task, assignment: a });
    return write(a.id, fact, {
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
    });
  });
}

function write(id: string, fact: FactEvent, fields: Record<string, unknown>): AssignmentFactWrite {
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
