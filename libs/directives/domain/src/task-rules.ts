import { IllegalStateError, NotFoundError } from '@dm/eventsourcing';
import { requireNotAfterToday, requireOnOrAfter } from '@dm/periods';
import { findTask, type DirectiveState, type IssuedDirective, type TaskState } from './directive';

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
