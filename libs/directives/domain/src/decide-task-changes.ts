import { EVENT_TYPES, type DirectiveEvent } from '@dm/contracts';
import { DomainError, requireIsoDate } from '@dm/periods';
import type { CancelTask, ChangeTaskDeadline } from './commands';
import { findTask, type DirectiveState, type IssuedDirective, type TaskState } from './state';
import { requireText } from './validation';

/** Changes (extends, shortens or removes) a live task's deadline, with its reason and authorising document. */
export function decideChangeDeadline(command: ChangeTaskDeadline, state: DirectiveState): DirectiveEvent[] {
  const [directive, task] = liveTask(state, command.taskNumber);
  requireText(command.reason, 'reason');
  requireText(command.authorizingDocument, 'authorizingDocument');
  const changedOn = onOrAfterIssue(directive, command.changedOn, 'changedOn');
  if (command.deadline !== null) onOrAfterIssue(directive, command.deadline, 'deadline');
  if (command.deadline === task.deadline) {
    throw new DomainError('conflict', `task ${task.number} already has deadline ${String(task.deadline)}`);
  }
  return [
    {
      type: EVENT_TYPES.taskDeadlineChanged,
      data: {
        directiveId: directive.directiveId,
        taskNumber: task.number,
        assignmentIds: [...task.assignmentIds],
        previousDeadline: task.deadline,
        deadline: command.deadline,
        reason: command.reason,
        authorizingDocument: command.authorizingDocument,
        changedOn,
      },
    },
  ];
}

/** Cancels a live task: every assignment of it stops counting from `cancelledOn`. */
export function decideCancelTask(command: CancelTask, state: DirectiveState): DirectiveEvent[] {
  const [directive, task] = liveTask(state, command.taskNumber);
  requireText(command.reason, 'reason');
  if (command.authorizingDocument !== null) requireText(command.authorizingDocument, 'authorizingDocument');
  const cancelledOn = onOrAfterIssue(directive, command.cancelledOn, 'cancelledOn');
  return [
    {
      type: EVENT_TYPES.taskCancelled,
      data: {
        directiveId: directive.directiveId,
        taskNumber: task.number,
        assignmentIds: [...task.assignmentIds],
        reason: command.reason,
        authorizingDocument: command.authorizingDocument,
        cancelledOn,
      },
    },
  ];
}

/** The directive and the task, or not_found (directive, field `taskNo`); conflict when the task is cancelled. */
function liveTask(state: DirectiveState, taskNumber: string): [IssuedDirective, TaskState] {
  if (!state.exists) throw new DomainError('not_found', 'directive not found');
  const task = findTask(state, taskNumber);
  if (!task) throw new DomainError('not_found', `directive ${state.number} has no task ${taskNumber}`, 'taskNo');
  if (task.cancelled) throw new DomainError('conflict', `task ${task.number} is cancelled`);
  return [state, task];
}

function onOrAfterIssue(directive: IssuedDirective, date: unknown, field: string): string {
  const value = requireIsoDate(date, field);
  if (value < directive.issuedOn) {
    throw new DomainError('invalid', `${field} ${value} is before the issue date ${directive.issuedOn}`, field);
  }
  return value;
}
