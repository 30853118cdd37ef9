import { EVENT_TYPES, type AssignmentEvent } from '@dm/contracts';
import { Command, IllegalStateError } from '@dm/eventsourcing';
import { requireNotBeforeRecorded } from '@dm/periods';
import {
  completionOf,
  periodField,
  refOf,
  requireDateOfAssignment,
  requireNotClosed,
  requirePeriod,
  type AssignmentContext,
  type AssignmentState,
} from './assignment';

export interface ReopenCompletionData {
  context: AssignmentContext;
  /** The period reopened, for a recurring task. */
  period?: string;
  reason: string;
  reopenedOn: string;
  today: string;
}

/** The monitoring office reopens an accepted completion (POST /api/v1/assignments/{id}/reopen). */
export class ReopenCompletion extends Command<'ReopenCompletion', ReopenCompletionData> {
  readonly type = 'ReopenCompletion';
}

/** Only an accepted completion reopens, with a reason, on or after its acceptance; from then on it is not completed. */
export function decideReopenCompletion({ data }: ReopenCompletion, state: AssignmentState): AssignmentEvent[] {
  requireNotClosed(data.context);
  const period = requirePeriod(data.context, data.period, data.today);
  const { confirmed } = completionOf(state, period);
  if (!confirmed) throw new IllegalStateError(`no accepted completion${period ? ` for ${period}` : ''} to reopen`);
  const reopenedOn = requireDateOfAssignment(data.reopenedOn, 'reopenedOn', data.context, data.today);
  requireNotBeforeRecorded(reopenedOn, 'reopenedOn', confirmed.confirmedOn, 'the completion was accepted');
  const { completedOn } = confirmed;
  return [
    {
      type: EVENT_TYPES.completionReopened,
      data: { ...refOf(data.context), ...periodField(period), completedOn, reason: data.reason, reopenedOn },
    },
  ];
}
