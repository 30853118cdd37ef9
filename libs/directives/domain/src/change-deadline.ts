import { EVENT_TYPES, type DirectiveEvent } from '@dm/contracts';
import { Command, IllegalStateError } from '@dm/eventsourcing';
import { isExtendedAfterDue, requireNotBeforeRecorded, requireOnOrAfter } from '@dm/periods';
import { requireNotBeforeActivity, targetsOf, taskToChange, type DirectiveState, type LastRecordedOn } from './directive';

export interface ChangeTaskDeadlineData {
  directiveId: string;
  taskNumber: string;
  /** One agency's assignment only, or null for the whole task. */
  agencyId: string | null;
  /** The new deadline, or null to remove it. */
  deadline: string | null;
  reason: string;
  authorizingDocument: string;
  /** The business date the change takes effect on. */
  changedOn: string;
  /** The last business date recorded on each assignment: a change is not dated before it. */
  lastRecordedOn: LastRecordedOn;
  today: string;
}

/** A task's deadline, or one agency's, is extended, shortened or removed (POST /api/v1/directives/{id}/tasks/{taskNo}/deadline). */
export class ChangeTaskDeadline extends Command<'ChangeTaskDeadline', ChangeTaskDeadlineData> {
  readonly type = 'ChangeTaskDeadline';
}

/**
 * Changes the deadline of a live task's open assignments (or of one
 * agency's), from `changedOn` on. A change may not be dated before the last
 * one it follows, nor before a business date already recorded on them (422):
 * what was in force stays in force, and a judged completion stays judged. Decided after the
 * deadline it replaces had passed, it is flagged `extendedAfterDue`.
 */
export function decideChangeDeadline({ data }: ChangeTaskDeadline, state: DirectiveState): DirectiveEvent[] {
  const changedOn = { value: data.changedOn, field: 'changedOn', today: data.today };
  const [directive, task] = taskToChange(state, data.taskNumber, changedOn);
  if (task.recurrence) throw new IllegalStateError(`task ${task.number} recurs: its deadline is its rule`);
  const targets = targetsOf(directive, task, data.agencyId, changedOn);
  requireNotBeforeActivity(changedOn, targets, data.lastRecordedOn);
  if (data.deadline !== null) requireOnOrAfter(data.deadline, 'deadline', directive.issuedOn, 'the issue date');
  const previous = data.agencyId === null ? task : targets[0];
  for (const t of [previous, ...targets])
    requireNotBeforeRecorded(data.changedOn, 'changedOn', t.lastChangedOn, `the deadline in force (effective ${t.lastChangedOn})`);
  if (targets.every((t) => t.deadline === data.deadline) && previous.deadline === data.deadline)
    throw new IllegalStateError(`task ${task.number} already has deadline ${String(data.deadline)}`);
  return [
    {
      type: EVENT_TYPES.taskDeadlineChanged,
      data: {
        directiveId: directive.directiveId,
        taskNumber: task.number,
        agencyId: data.agencyId,
        assignmentIds: targets.map((t) => t.id),
        previousDeadline: previous.deadline,
        deadline: data.deadline,
        reason: data.reason,
        authorizingDocument: data.authorizingDocument,
        changedOn: data.changedOn,
        extendedAfterDue: targets.some((t) => isExtendedAfterDue(t.deadline, data.changedOn)),
      },
    },
  ];
}
