import { EVENT_TYPES, type DirectiveIssued, type TaskCancelled } from '@dm/contracts';
import type { Document, Projection } from '@dm/eventsourcing';
import type { AssignmentContext } from '@dm/progress-domain';

export const VIEW_COLLECTION = 'assignment_view';

/** progress-events' read model of an assignment, from the directive topic: what its commands and policy need. */
export interface AssignmentViewDoc extends Document {
  created?: boolean;
  directiveId: string;
  directiveNumber: string;
  taskNumber: string;
  agencyId: string;
  role: 'lead' | 'coordinating';
  issuedOn: string;
  issuer: string;
  issuerOffice: string | null;
  monitoringAgency: string;
  cancelled: boolean;
  cancelledOn: string | null;
}

export const assignmentViewProjection: Projection = {
  collection: VIEW_COLLECTION,
  canHandle: [EVENT_TYPES.directiveIssued, EVENT_TYPES.taskCancelled],
  evolve(event) {
    const base = { source: 'd', revision: event.streamRevision };
    if (event.type === EVENT_TYPES.directiveIssued) {
      const d = event.data as DirectiveIssued;
      return d.assignments.map((a) => ({
        ...base,
        id: a.id,
        setOnInsert: { cancelled: false, cancelledOn: null },
        set: {
          created: true,
          directiveId: d.directiveId,
          directiveNumber: d.number,
          taskNumber: a.taskNumber,
          agencyId: a.agencyId,
          role: a.role,
          issuedOn: d.issuedOn,
          issuer: d.issuer,
          issuerOffice: d.issuerOffice,
          monitoringAgency: d.monitoringAgency,
        },
      }));
    }
    const c = event.data as TaskCancelled;
    return c.assignmentIds.map((id) => ({ ...base, id, setOnInsert: {}, set: { cancelled: true, cancelledOn: c.cancelledOn } }));
  },
};

/** The assignment as its decider and policy know it. */
export function contextOf(doc: AssignmentViewDoc): AssignmentContext {
  return {
    assignmentId: doc._id,
    directiveId: doc.directiveId,
    directiveNumber: doc.directiveNumber,
    taskNumber: doc.taskNumber,
    agencyId: doc.agencyId,
    issuedOn: doc.issuedOn,
    issuer: doc.issuer,
    issuerOffice: doc.issuerOffice,
    monitoringAgency: doc.monitoringAgency,
    cancelled: doc.cancelled,
  };
}
