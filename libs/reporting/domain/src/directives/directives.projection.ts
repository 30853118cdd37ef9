import { EVENT_TYPES, type DirectiveIssued, type Task, type TaskView } from '@dm/contracts';
import type { Document, Projection } from '@dm/eventsourcing';

export const DIRECTIVES = 'directives';

/** The `directives` read model: one directive, its header as issued, then each change as a fact. */
export interface DirectiveDoc extends Document {
  created?: boolean;
  directiveId: string;
  number: string;
  type: string;
  issuer: string;
  issuedOn: string;
  subject: string;
  legalBasis: string[];
  addressees: string[];
  signer: DirectiveIssued['signer'];
  monitoringAgency: string;
  registryVersion: string;
  tasks: Task[];
  assignmentCount: number;
  changes?: Record<string, { type: string; revision: number; recordedAt: string; data: Record<string, unknown> }>;
}

/** What every read model keeps of a directive as issued. */
export function directiveHeader(d: DirectiveIssued) {
  const { directiveId, number, type, issuer, issuedOn, subject, signer, monitoringAgency, registryVersion } = d;
  return { directiveId, number, type, issuer, issuedOn, subject, signer, monitoringAgency, registryVersion };
}

export const directivesProjection: Projection = {
  collection: DIRECTIVES,
  canHandle: [EVENT_TYPES.directiveIssued, EVENT_TYPES.taskDeadlineChanged, EVENT_TYPES.taskCancelled],
  indexes: [['issuedOn']],
  evolve(event) {
    const base = { source: 'd', revision: event.streamRevision };
    if (event.type === EVENT_TYPES.directiveIssued) {
      const d = event.data as DirectiveIssued;
      return [
        {
          ...base,
          id: d.directiveId,
          set: {
            created: true,
            ...directiveHeader(d),
            legalBasis: d.legalBasis,
            addressees: d.addressees,
            tasks: d.tasks,
            assignmentCount: d.assignments.length,
          },
        },
      ];
    }
    if (event.type === EVENT_TYPES.taskDeadlineChanged || event.type === EVENT_TYPES.taskCancelled) {
      const data = event.data as { directiveId: string };
      return [
        {
          ...base,
          id: data.directiveId,
          set: {
            [`changes.r${event.streamRevision}`]: {
              type: event.type,
              revision: event.streamRevision,
              recordedAt: event.recordedAt,
              data: event.data,
            },
          },
        },
      ];
    }
    return [];
  },
};

/** The directive's tasks with every change folded in, in stream order. */
export function currentTasks(doc: DirectiveDoc): TaskView[] {
  const tasks = new Map<string, TaskView>(
    doc.tasks.map((t) => [t.number, { ...t, cancelled: false, cancelledOn: null, deadlineChanges: [] }]),
  );
  const changes = Object.values(doc.changes ?? {}).sort((a, b) => a.revision - b.revision);
  for (const change of changes) {
    const data = change.data as Record<string, string | null>;
    const task = tasks.get(String(data.taskNumber));
    if (!task) continue;
    if (change.type === EVENT_TYPES.taskDeadlineChanged) {
      task.deadlineChanges.push({
        from: data.previousDeadline,
        to: data.deadline,
        reason: String(data.reason),
        authorizingDocument: String(data.authorizingDocument),
        changedOn: String(data.changedOn),
      });
      task.deadline = data.deadline;
    } else if (change.type === EVENT_TYPES.taskCancelled) {
      task.cancelled = true;
      task.cancelledOn = data.cancelledOn;
    }
  }
  return [...tasks.values()];
}

/** A directive as the list of directives shows it. */
export function directiveListEntry(d: DirectiveDoc) {
  return {
    id: d.directiveId,
    number: d.number,
    type: d.type,
    issuer: d.issuer,
    issuedOn: d.issuedOn,
    subject: d.subject,
    monitoringAgency: d.monitoringAgency,
    taskCount: d.tasks.length,
    assignmentCount: d.assignmentCount,
  };
}

/** A directive's header as issued and its tasks as changed since (without the document's bookkeeping). */
export function directiveView(doc: DirectiveDoc) {
  const { _id, rev, created, changes, tasks, ...header } = doc;
  void _id;
  void rev;
  void created;
  void changes;
  void tasks;
  return { id: doc.directiveId, ...header, tasks: currentTasks(doc) };
}
