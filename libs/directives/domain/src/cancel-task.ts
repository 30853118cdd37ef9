import { EVENT_TYPES, type DirectiveEvent } from '@dm/contracts';
import { Command } from '@dm/eventsourcing';
import { taskToChange, type DirectiveState } from './directive';

export interface CancelTaskData {
  directiveId: string;
  taskNumber: string;
  reason: string;
  authorizingDocument: string | null;
  cancelledOn: string;
  today: string;
}

/** A task is cancelled (POST /api/v1/directives/{id}/tasks/{taskNo}/cancel). */
export class CancelTask extends Command<'CancelTask', CancelTaskData> {
  readonly type = 'CancelTask';
}

/** Cancels a live task: every assignment of it stops counting from `cancelledOn`. */
export function decideCancelTask({ data }: CancelTask, state: DirectiveState): DirectiveEvent[] {
  const [directive, task] = taskToChange(state, data.taskNumber, { value: data.cancelledOn, field: 'cancelledOn', today: data.today });
  return [
    {
      type: EVENT_TYPES.taskCancelled,
      data: {
        directiveId: directive.directiveId,
        taskNumber: task.number,
        assignmentIds: [...task.assignmentIds],
        reason: data.reason,
        authorizingDocument: data.authorizingDocument,
        cancelledOn: data.cancelledOn,
      },
    },
  ];
}
