import { EVENT_TYPES, type DirectiveEvent } from '@dm/contracts';
import { NotFoundError, type Decider } from '@dm/eventsourcing';
import { decideCancelTask, type CancelTask } from './cancel-task';
import { decideChangeDeadline, type ChangeTaskDeadline } from './change-deadline';
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

/** The issued directive, or NotFoundError. */
export function requireIssued(state: DirectiveState, directiveId: string): IssuedDirective {
  if (!state.exists) throw new NotFoundError(`No directive ${directiveId}`);
  return state;
}
