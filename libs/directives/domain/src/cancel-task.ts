import { EVENT_TYPES, type DirectiveEvent } from '@dm/contracts';
import { Command } from '@dm/eventsourcing';
import { requireNotBeforeActivity, targetsOf, taskToChange, type DirectiveState, type LastRecordedOn } from './directive';

export interface CancelTaskData {
  directiveId: string;
  taskNumber: string;
  /** One agency's assignment only (the agency removed from the task), or null for the whole task. */
  agencyId: string | null;
  reason: string;
  authorizingDocument: string | null;
  cancelledOn: string;
  /** The last business date recorded on each assignment (its reports and decisions), as far as known. */
  lastRecordedOn: LastRecordedOn;
  today: string;
}

/** A task, or one agency's part in it, is cancelled (POST /api/v1/directives/{id}/tasks/{taskNo}/cancel). */
export class CancelTask extends Command<'CancelTask', CancelTaskData> {
  readonly type = 'CancelTask';
}

/**
 * Cancels a live task's open assignments (or one agency's) from
 * `cancelledOn`: not before the last business date recorded on any of them
 * (422), so what was reported before stays as it was.
 */
export function decideCancelTask({ data }: CancelTask, state: DirectiveState): DirectiveEvent[] {
  const cancelledOn = { value: data.cancelledOn, field: 'cancelledOn', today: data.today };
  const [directive, task] = taskToChange(state, data.taskNumber, cancelledOn);
  const targets = targetsOf(directive, task, data.agencyId, cancelledOn);
  requireNotBeforeActivity(cancelledOn, targets, data.lastRecordedOn);
  return [
    {
      type: EVENT_TYPES.taskCancelled,
      data: {
        directiveId: directive.directiveId,
        taskNumber: task.number,
        agencyId: data.agencyId,
        assignmentIds: targets.map((t) => t.id),
        reason: data.reason,
        authorizingDocument: data.authorizingDocument,
        cancelledOn: data.cancelledOn,
      },
    },
  ];
}
