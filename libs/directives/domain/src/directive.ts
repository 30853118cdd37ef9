import {
  directiveStreamId,
  EVENT_TYPES,
  type DirectiveEvent,
  type DirectiveRef,
  type Recurrence,
  type ResolvedAssignment,
  type Task,
} from '@dm/contracts';
import { IllegalStateError, NotFoundError, type Decider } from '@dm/eventsourcing';
import { requireNotAfterToday, requireNotBeforeRecorded, requireOnOrAfter } from '@dm/periods';
import { decideAmendment, type AmendmentCommand } from './amend-task';
import { decideCancelTask, type CancelTask } from './cancel-task';
import { decideChangeDeadline, type ChangeTaskDeadline } from './change-deadline';
import { decideClose, type CloseCommand } from './close-directive';
import { directiveIdFor } from './ids';
import { decideIssue, type IssueDirective } from './issue-directive';
import { decideTransfer, type TransferToSuccessor } from './transfer';

/** One assignment as its directive knows it: who, in which role, from when, its deadline now, and its end. */
export interface AssignmentEntry {
  id: string;
  taskNumber: string;
  /** The agency that holds it now: the one assigned, or its successor after a transfer. */
  agencyId: string;
  role: 'lead' | 'coordinating';
  assignedOn: string;
  deadline: string | null;
  /** The effective date of its last deadline change (or its start): a later change may not be dated before it. */
  lastChangedOn: string;
  closedOn: string | null;
}

export interface TaskState {
  number: string;
  /** The business date the task began: the issue date, or the effective date of the amendment that added it. */
  addedOn: string;
  text: string;
  mode: Task['mode'];
  /** A recurring deadline, which no deadline change replaces. */
  recurrence: Recurrence | null;
  /** The task's deadline now (after every whole-task change), or null. */
  deadline: string | null;
  lastChangedOn: string;
  cancelled: boolean;
  /** Every assignment of the task, ended ones included, in order. */
  assignmentIds: string[];
}

export interface NoDirective {
  exists: false;
}

export interface IssuedDirective {
  exists: true;
  directiveId: string;
  number: string;
  issuedOn: string;
  issuer: string;
  issuerOffice: string | null;
  monitoringAgency: string;
  /** Task numbers in the directive's order, added tasks last. */
  taskNumbers: string[];
  /** By task number; look up with `findTask` (own keys only). */
  tasks: Record<string, TaskState>;
  /** By assignment id. */
  assignments: Record<string, AssignmentEntry>;
  /** Superseded or revoked, from a date. */
  closed: { kind: 'superseded' | 'revoked'; on: string } | null;
}

export type DirectiveState = NoDirective | IssuedDirective;

export type DirectiveCommand = IssueDirective | ChangeTaskDeadline | CancelTask | AmendmentCommand | CloseCommand | TransferToSuccessor;

export const initialState = (): DirectiveState => ({ exists: false });

export function findTask(state: IssuedDirective, taskNumber: string): TaskState | undefined {
  return Object.hasOwn(state.tasks, taskNumber) ? state.tasks[taskNumber] : undefined;
}

/** The task's assignments not ended. */
export const liveAssignments = (state: IssuedDirective, task: TaskState): AssignmentEntry[] =>
  task.assignmentIds.map((id) => state.assignments[id]).filter((a) => a.closedOn === null);

/** Folds one directive event into the state; never mutates its input. */
export function evolve(state: DirectiveState, event: DirectiveEvent): DirectiveState {
  if (event.type === EVENT_TYPES.directiveIssued) {
    const d = event.data;
    const issued: IssuedDirective = {
      exists: true,
      directiveId: d.directiveId,
      number: d.number,
      issuedOn: d.issuedOn,
      issuer: d.issuer,
      issuerOffice: d.issuerOffice,
      monitoringAgency: d.monitoringAgency,
      taskNumbers: [],
      tasks: {},
      assignments: {},
      closed: null,
    };
    return d.tasks.reduce((s, t) => withTask(s, t, d.assignments, d.issuedOn), issued);
  }
  if (!state.exists) return state;
  switch (event.type) {
    case EVENT_TYPES.taskDeadlineChanged: {
      const { taskNumber, deadline, changedOn, agencyId } = event.data;
      const changed = withAssignments(state, event.data.assignmentIds, (a) => ({ ...a, deadline, lastChangedOn: changedOn }));
      return agencyId ? changed : updateTask(changed, taskNumber, (t) => ({ ...t, deadline, lastChangedOn: changedOn }));
    }
    case EVENT_TYPES.taskCancelled: {
      const closed = withAssignments(state, event.data.assignmentIds, (a) => ({ ...a, closedOn: event.data.cancelledOn }));
      return event.data.agencyId ? closed : updateTask(closed, event.data.taskNumber, (t) => ({ ...t, cancelled: true }));
    }
    case EVENT_TYPES.taskAdded:
      return withTask(state, event.data.task, event.data.assignments, event.data.effectiveOn);
    case EVENT_TYPES.taskAgencyAdded:
      return withNewAssignments(state, event.data.taskNumber, event.data.assignments, event.data.deadline, event.data.effectiveOn);
    case EVENT_TYPES.taskLeadChanged: {
      const ended = withAssignments(state, event.data.endedAssignmentIds, (a) => ({ ...a, closedOn: event.data.effectiveOn }));
      return withNewAssignments(ended, event.data.taskNumber, event.data.assignments, event.data.deadline, event.data.effectiveOn);
    }
    case EVENT_TYPES.taskTextCorrected:
      return updateTask(state, event.data.taskNumber, (t) => ({ ...t, text: event.data.text }));
    case EVENT_TYPES.directiveSuperseded:
    case EVENT_TYPES.directiveRevoked: {
      const kind = event.type === EVENT_TYPES.directiveSuperseded ? 'superseded' : 'revoked';
      const on = event.data.effectiveOn;
      return { ...withAssignments(state, event.data.assignmentIds, (a) => ({ ...a, closedOn: on })), closed: { kind, on } };
    }
    case EVENT_TYPES.assignmentsTransferred:
      return withAssignments(state, event.data.assignmentIds, (a) => ({ ...a, agencyId: event.data.to }));
    case EVENT_TYPES.monitoringTransferred:
      return { ...state, monitoringAgency: event.data.to };
    default:
      return state;
  }
}

function withTask(
  state: IssuedDirective,
  task: Pick<Task, 'number' | 'text' | 'mode' | 'deadline' | 'recurrence'>,
  assignments: ResolvedAssignment[],
  on: string,
): IssuedDirective {
  const added: TaskState = {
    number: task.number,
    addedOn: on,
    text: task.text,
    mode: task.mode,
    recurrence: task.recurrence ?? null,
    deadline: task.deadline,
    lastChangedOn: on,
    cancelled: false,
    assignmentIds: [],
  };
  const withIt = { ...state, taskNumbers: [...state.taskNumbers, task.number], tasks: { ...state.tasks, [task.number]: added } };
  return withNewAssignments(withIt, task.number, assignments, task.deadline, on);
}

function withNewAssignments(
  state: IssuedDirective,
  taskNumber: string,
  assignments: ResolvedAssignment[],
  deadline: string | null,
  on: string,
): IssuedDirective {
  const mine = assignments.filter((a) => a.taskNumber === taskNumber);
  const entries = Object.fromEntries(
    mine.map((a): [string, AssignmentEntry] => [
      a.id,
      { id: a.id, taskNumber, agencyId: a.agencyId, role: a.role, assignedOn: on, deadline, lastChangedOn: on, closedOn: null },
    ]),
  );
  const next = { ...state, assignments: { ...state.assignments, ...entries } };
  return updateTask(next, taskNumber, (t) => ({ ...t, assignmentIds: [...t.assignmentIds, ...mine.map((a) => a.id)] }));
}

function withAssignments(state: IssuedDirective, ids: string[], change: (a: AssignmentEntry) => AssignmentEntry): IssuedDirective {
  const assignments = { ...state.assignments };
  for (const id of ids) if (Object.hasOwn(assignments, id)) assignments[id] = change(assignments[id]);
  return { ...state, assignments };
}

function updateTask(state: IssuedDirective, taskNumber: string, change: (t: TaskState) => TaskState): IssuedDirective {
  const task = findTask(state, taskNumber);
  if (!task) return state;
  return { ...state, tasks: { ...state.tasks, [taskNumber]: change(task) } };
}

/** The decider of a directive stream. */
export const directiveDecider: Decider<DirectiveState, DirectiveCommand, DirectiveEvent> = {
  initialState,
  evolve,
  decide(command, state) {
    switch (command.type) {
      case 'IssueDirective':
        return decideIssue(command, state);
      case 'ChangeTaskDeadline':
        return decideChangeDeadline(command, state);
      case 'CancelTask':
        return decideCancelTask(command, state);
      case 'SupersedeDirective':
      case 'RevokeDirective':
        return decideClose(command, state);
      case 'TransferToSuccessor':
        return decideTransfer(command, state);
      default:
        return decideAmendment(command, state);
    }
  },
};

/** The stream a command on a directive is decided on: a new directive's is named by its issuer, year and number, so it cannot be issued twice. */
export const directiveStreamOf = ({ data }: DirectiveCommand) =>
  directiveStreamId('directiveId' in data ? data.directiveId : directiveIdFor(data.issuer, data.issuedOn, data.number));

/** The issued directive, or NotFoundError. */
export function requireIssued(state: DirectiveState, directiveId: string): IssuedDirective {
  if (!state.exists) throw new NotFoundError(`No directive ${directiveId}`);
  return state;
}

/** The directive as its new assignments' events name it. */
export const refOfDirective = (d: IssuedDirective): DirectiveRef => ({
  number: d.number,
  issuer: d.issuer,
  issuerOffice: d.issuerOffice,
  issuedOn: d.issuedOn,
  monitoringAgency: d.monitoringAgency,
});

/** Rules every change to an issued directive keeps. */

/**
 * The directive, not superseded or revoked, for a change dated `date`.
 * Refusals, in this order: the date lies after today (invalid); no directive
 * (not found); the directive is closed (conflict); the date lies before the
 * issue date (invalid).
 */
export function directiveToChange(state: DirectiveState, date: { value: string; field: string; today: string }): IssuedDirective {
  requireNotAfterToday(date.value, date.field, date.today);
  if (!state.exists) throw new NotFoundError('directive not found');
  if (state.closed) throw new IllegalStateError(`directive ${state.number} was ${state.closed.kind} on ${state.closed.on}`);
  requireOnOrAfter(date.value, date.field, state.issuedOn, 'the issue date');
  return state;
}

/**
 * The directive and the task of a change dated `date`: as directiveToChange,
 * then no such task (not found, field `taskNo`) and a cancelled task (conflict).
 */
export function taskToChange(
  state: DirectiveState,
  taskNumber: string,
  date: { value: string; field: string; today: string },
): [IssuedDirective, TaskState] {
  const directive = directiveToChange(state, date);
  const task = findTask(directive, taskNumber);
  if (!task) throw new NotFoundError(`directive ${directive.number} has no task ${taskNumber}`, 'taskNo');
  if (task.cancelled) throw new IllegalStateError(`task ${task.number} is cancelled`);
  requireOnOrAfter(date.value, date.field, task.addedOn, `task ${task.number} was added`);
  return [directive, task];
}

/** The last business date recorded on each assignment (its reports and decisions), as far as task-assignment knows. */
export type LastRecordedOn = Record<string, string>;

/**
 * A change that closes or re-dates assignments is dated on or after each
 * one's start and the last business date recorded on it (422), so what was
 * reported before stays as it was.
 */
export function requireNotBeforeActivity(
  date: { value: string; field: string },
  assignments: AssignmentEntry[],
  lastRecordedOn: LastRecordedOn,
): void {
  for (const a of assignments) {
    requireOnOrAfter(date.value, date.field, a.assignedOn, `the assignment of ${a.agencyId} started`);
    const last = Object.hasOwn(lastRecordedOn, a.id) ? lastRecordedOn[a.id] : null;
    requireNotBeforeRecorded(date.value, date.field, last, `the last date recorded on the assignment of ${a.agencyId}`);
  }
}

/**
 * The assignments a change aims at: the task's live ones, or the one agency's
 * (not found at `agencyId` when it has none live). A change dated before one
 * of them started is invalid.
 */
export function targetsOf(
  directive: IssuedDirective,
  task: TaskState,
  agencyId: string | null,
  date: { value: string; field: string },
): AssignmentEntry[] {
  const live = liveAssignments(directive, task);
  const targets = agencyId === null ? live : live.filter((a) => a.agencyId === agencyId);
  if (agencyId !== null && targets.length === 0)
    throw new NotFoundError(`task ${task.number} has no open assignment of ${agencyId}`, 'agencyId');
  if (targets.length === 0) throw new IllegalStateError(`task ${task.number} has no open assignment`);
  for (const a of targets) requireOnOrAfter(date.value, date.field, a.assignedOn, `the assignment of ${a.agencyId} started`);
  return targets;
}
