import { EVENT_TYPES, type DirectiveEvent } from '@dm/contracts';
import { Command, IllegalStateError } from '@dm/eventsourcing';
import { requireOnOrAfter } from '@dm/periods';
import { taskToChange, type DirectiveState } from './directive';

export interface ChangeTaskDeadlineData {
  directiveId: string;
  taskNumber: string;
  /** The new deadline, or null to remove it. */
  deadline: string | null;
  reason: string;
  authorizingDocument: string;
  changedOn: string;
  today: string;
}

/** A task's deadline is extended, shortened or removed (POST /api/v1/directives/{id}/tasks/{taskNo}/deadline). */
export class ChangeTaskDeadline extends Command<'ChangeTaskDeadline', ChangeTaskDeadlineData> {
  readonly type = 'ChangeTaskDeadline';
}

/** Changes a live task's deadline, with its reason and authorising document. */
export function decideChangeDeadline({ data }: ChangeTaskDeadline, state: DirectiveState): DirectiveEvent[] {
  const [directive, task] = taskToChange(state, data.taskNumber, { value: data.changedOn, field: 'changedOn', today: data.today });
  if (data.deadline !== null) requireOnOrAfter(data.deadline, 'deadline', directive.issuedOn, 'the issue date');
  if (data.deadline === task.deadline) throw new IllegalStateError(`task ${task.number} already has deadline ${String(task.deadline)}`);
  return [
    {
      type: EVENT_TYPES.taskDeadlineChanged,
      data: {
        directiveId: directive.directiveId,
        taskNumber: task.number,
        assignmentIds: [...task.assignmentIds],
        previousDeadline: task.deadline,
        deadline: data.deadline,
        reason: data.reason,
        authorizingDocument: data.authorizingDocument,
        changedOn: data.changedOn,
      },
    },
  ];
}
