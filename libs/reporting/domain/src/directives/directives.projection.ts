import { DIRECTIVE_EVENT_TYPES, EVENT_TYPES, type DirectiveIssued, type Task, type TaskView } from '@dm/contracts';
import { deadlineInForce, type DeadlineEntry } from '@dm/periods';
import type { Document, Projection } from '@dm/eventsourcing';

export const DIRECTIVES = 'directives';
const DIRECTIVE_TYPES: ReadonlySet<string> = new Set(Object.values(DIRECTIVE_EVENT_TYPES));

/** The `directives` read model: one directive, its header as issued, then each change as a fact; each with its record time. */
export interface DirectiveDoc extends Document {
  created?: boolean;
  directiveId: string;
  number: string;
  type: string;
  issuer: string;
  /** The issuer's office (absent before 0.4): it issues and changes in the issuer's name, and reads all of it. */
  issuerOffice?: string | null;
  issuedOn: string;
  subject: string;
  legalBasis: string[];
  /** The legal bases that are recorded directives (absent before 0.3). */
  basedOn?: DirectiveIssued['basedOn'];
  addressees: string[];
  signer: DirectiveIssued['signer'];
  monitoringAgency: string;
  registryVersion: string;
  tasks: Task[];
  assignmentCount: number;
  /** When directive.issued was recorded (absent before read-model version 4: counts as known). */
  recordedAt?: string;
  changes?: Record<string, { type: string; revision: number; recordedAt: string; data: Record<string, unknown> }>;
}

/** What every read model keeps of a directive as issued. */
export function directiveHeader(d: DirectiveIssued) {
  const { directiveId, number, type, issuer, issuedOn, subject, signer, monitoringAgency, registryVersion } = d;
  return { directiveId, number, type, issuer, issuedOn, subject, signer, monitoringAgency, registryVersion };
}

export const directivesProjection: Projection = {
  collection: DIRECTIVES,
  canHandle: Object.values(DIRECTIVE_EVENT_TYPES),
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
            issuerOffice: d.issuerOffice ?? null,
            legalBasis: d.legalBasis,
            basedOn: d.basedOn ?? [],
            addressees: d.addressees,
            tasks: d.tasks,
            assignmentCount: d.assignments.length,
            recordedAt: event.recordedAt,
          },
        },
      ];
    }
    if (!DIRECTIVE_TYPES.has(event.type)) return [];
    const data = event.data as { directiveId: string };
    const change = { type: event.type, revision: event.streamRevision, recordedAt: event.recordedAt, data: event.data };
    return [{ ...base, id: data.directiveId, set: { [`changes.r${event.streamRevision}`]: change } }];
  },
};

type Change = { type: string; revision: number; data: Record<string, unknown> };
const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

/**
 * The directive's tasks as of `asOf`, every change folded in from its
 * effective date: tasks added by then, texts as corrected by then, whole-task
 * deadlines in force then (with the changes effective by then), cancellations
 * by then; one-agency changes and agency amendments listed under `amendments`.
 */
export function currentTasks(doc: DirectiveDoc, asOf: string): TaskView[] {
  const tasks = new Map<string, TaskView>(
    doc.tasks.map((t) => [t.number, { ...t, addedOn: null, cancelled: false, cancelledOn: null, amendments: [], deadlineChanges: [] }]),
  );
  const deadlines = new Map<string, DeadlineEntry[]>(
    doc.tasks.map((t) => [t.number, [{ effectiveOn: doc.issuedOn, deadline: t.deadline }]]),
  );
  for (const change of changesOf(doc)) {
    const data = change.data;
    const on = str(data.effectiveOn ?? data.changedOn ?? data.cancelledOn) as string;
    if (on > asOf) continue;
    if (change.type === EVENT_TYPES.taskAdded) {
      const task = data.task as Task;
      tasks.set(task.number, { ...task, addedOn: on, cancelled: false, cancelledOn: null, amendments: [], deadlineChanges: [] });
      deadlines.set(task.number, [{ effectiveOn: on, deadline: task.deadline }]);
      continue;
    }
    const task = tasks.get(String(data.taskNumber));
    if (!task) continue;
    const wholeTask = !data.agencyId;
    if (change.type === EVENT_TYPES.taskDeadlineChanged && wholeTask) {
      task.deadlineChanges.push({
        from: str(data.previousDeadline),
        to: str(data.deadline),
        reason: String(data.reason),
        authorizingDocument: String(data.authorizingDocument),
        changedOn: on,
      });
      deadlines.get(task.number)?.push({ effectiveOn: on, deadline: str(data.deadline) });
    } else if (change.type === EVENT_TYPES.taskCancelled && wholeTask) {
      task.cancelled = true;
      task.cancelledOn = on;
    } else {
      if (change.type === EVENT_TYPES.taskTextCorrected) task.text = String(data.text);
      if (change.type === EVENT_TYPES.taskLeadChanged) task.lead = data.lead as string[];
      if (change.type === EVENT_TYPES.taskAgencyAdded) {
        for (const a of data.assignments as Array<{ agencyId: string; role: 'lead' | 'coordinating' }>)
          if (!task[a.role].includes(a.agencyId)) task[a.role] = [...task[a.role], a.agencyId];
      }
      const { directiveId, taskNumber, reason, effectiveOn, ...rest } = data;
      void directiveId;
      void taskNumber;
      void effectiveOn;
      task.amendments.push({ type: change.type, effectiveOn: on, reason: String(reason), data: rest });
    }
  }
  for (const task of tasks.values()) task.deadline = deadlineInForce(deadlines.get(task.number) ?? [], asOf);
  return [...tasks.values()];
}

/** Every assignment the directive started: at issue and by amendments since. */
export const assignmentCountOf = (d: DirectiveDoc) =>
  d.assignmentCount + changesOf(d).reduce((n, c) => n + ((c.data.assignments as unknown[] | undefined)?.length ?? 0), 0);

function changesOf(doc: DirectiveDoc): Change[] {
  return Object.values(doc.changes ?? {}).sort((a, b) => a.revision - b.revision);
}

/** Superseded or revoked by `asOf`, or null. */
export function closureOf(doc: DirectiveDoc, asOf: string) {
  for (const change of changesOf(doc)) {
    const on = String(change.data.effectiveOn);
    if (on > asOf) continue;
    if (change.type === EVENT_TYPES.directiveSuperseded)
      return { kind: 'superseded' as const, effectiveOn: on, supersededBy: String(change.data.supersededBy) };
    if (change.type === EVENT_TYPES.directiveRevoked) return { kind: 'revoked' as const, effectiveOn: on, supersededBy: null };
  }
  return null;
}

/** The agency monitoring the directive on `asOf`: the successor of the last monitoring transfer by then, else the one named at issue. */
export function monitoringAgencyOn(doc: DirectiveDoc, asOf: string): string {
  let agency = doc.monitoringAgency;
  for (const change of changesOf(doc))
    if (change.type === EVENT_TYPES.monitoringTransferred && String(change.data.transferredOn) <= asOf) agency = String(change.data.to);
  return agency;
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
    monitoringAgency: monitoringAgencyOn(d, '9999-12-31'),
    taskCount: d.tasks.length + changesOf(d).filter((c) => c.type === EVENT_TYPES.taskAdded).length,
    assignmentCount: assignmentCountOf(d),
  };
}

/** A directive's header as issued and its tasks as of `asOf` (without the document's bookkeeping). */
export function directiveView(doc: DirectiveDoc, asOf: string) {
  const { _id, rev, created, changes, tasks, recordedAt, issuerOffice, ...header } = doc;
  void issuerOffice;
  void _id;
  void rev;
  void created;
  void changes;
  void tasks;
  void recordedAt;
  return {
    id: doc.directiveId,
    ...header,
    monitoringAgency: monitoringAgencyOn(doc, asOf),
    basedOn: doc.basedOn ?? [],
    assignmentCount: assignmentCountOf(doc),
    closed: closureOf(doc, asOf),
    tasks: currentTasks(doc, asOf),
  };
}
