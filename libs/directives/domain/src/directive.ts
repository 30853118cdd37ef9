import { directiveStreamId, EVENT_TYPES, type DirectiveEvent } from '@dm/contracts';
import { IllegalStateError, NotFoundError, type Decider } from '@dm/eventsourcing';
import { requireNotAfterToday, requireOnOrAfter } from '@dm/periods';
import { decideCancelTask, type CancelTask } from './cancel-task';
import { decideChangeDeadline, type ChangeTaskDeadline } from './change-deadline';
import { directiveIdFor } from './ids';
import { decideIssue, type IssueDirective } from './issue-directive';

export interface TaskState {
  number: string;
  /** The current deadline (after every change), or null. */
  deadline: string | null;
  cancelled: boolean;
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
  /** Task numbers in the directive's order. */
  taskNumbers: string[];
  /** By task number; look up with `findTask` (own keys only). */
  tasks: Record<string, TaskState>;
}

export type DirectiveState = NoDirective | IssuedDirective;

export type DirectiveCommand = IssueDirective | ChangeTaskDeadline | CancelTask;

export const initialState = (): DirectiveState => ({ exists: false });

export function findTask(state: IssuedDirective, taskNumber: string): TaskState | undefined {
  return Object.hasOwn(state.tasks, taskNumber) ? state.tasks[taskNumber] : undefined;
}

/** Folds one directive event into the state; never mutates its input. */
export function evolve(state: DirectiveState, event: DirectiveEvent): DirectiveState {
  switch (event.type) {
    case EVENT_TYPES.directiveIssued: {
      const d = event.data;
      const tasks: Record<string, TaskState> = {};
      for (const t of d.tasks) {
        tasks[t.number] = {
          number: t.number,
          deadline: t.deadline,
          cancelled: false,
          assignmentIds: d.assignments.filter((a) => a.taskNumber === t.number).map((a) => a.id),
        };
      }
      return {
        exists: true,
        directiveId: d.directiveId,
        number: d.number,
        issuedOn: d.issuedOn,
        issuer: d.issuer,
        issuerOffice: d.issuerOffice,
        monitoringAgency: d.monitoringAgency,
        taskNumbers: d.tasks.map((t) => t.number),
        tasks,
      };
    }
    case EVENT_TYPES.taskDeadlineChanged:
      return updateTask(state, event.data.taskNumber, (t) => ({ ...t, deadline: event.data.deadline }));
    case EVENT_TYPES.taskCancelled:
      return updateTask(state, event.data.taskNumber, (t) => ({ ...t, cancelled: true }));
    default:
      return state;
  }
}

function updateTask(state: DirectiveState, taskNumber: string, change: (t: TaskState) => TaskState): DirectiveState {
  if (!state.exists) return state;
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

/** Rules every change to an issued directive's task keeps. */

/**
 * The directive and the task of a change dated `date`. Refusals, in this
 * order: the date lies after today (invalid); no directive or no such task
 * (not found, field `taskNo` for the task); the task is cancelled
 * (conflict); the date lies before the issue date (invalid).
 */
export function taskToChange(
  state: DirectiveState,
  taskNumber: string,
  date: { value: string; field: string; today: string },
): [IssuedDirective, TaskState] {
  requireNotAfterToday(date.value, date.field, date.today);
  const [directive, task] = liveTask(state, taskNumber);
  requireOnOrAfter(date.value, date.field, directive.issuedOn, 'the issue date');
  return [directive, task];
}

function liveTask(state: DirectiveState, taskNumber: string): [IssuedDirective, TaskState] {
  if (!state.exists) throw new NotFoundError('directive not found');
  const task = findTask(state, taskNumber);
  if (!task) throw new NotFoundError(`directive ${state.number} has no task ${taskNumber}`, 'taskNo');
  if (task.cancelled) throw new IllegalStateError(`task ${task.number} is cancelled`);
  return [state, task];
}
