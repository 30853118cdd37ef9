import { EVENT_TYPES, type AssignmentEvent } from '@dm/contracts';
import { Command, IllegalStateError } from '@dm/eventsourcing';
import { requireNotBeforeRecorded } from '@dm/periods';
import { refOf, requireDateOfAssignment, requireNotClosed, type AssignmentContext, type AssignmentState } from './assignment';

export interface ReopenCompletionData {
  context: AssignmentContext;
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
  if (!state.confirmed) throw new IllegalStateError('no accepted completion to reopen');
  const reopenedOn = requireDateOfAssignment(data.reopenedOn, 'reopenedOn', data.context, data.today);
  requireNotBeforeRecorded(reopenedOn, 'reopenedOn', state.confirmed.confirmedOn, 'the completion was accepted');
  const { completedOn } = state.confirmed;
  return [{ type: EVENT_TYPES.completionReopened, data: { ...refOf(data.context), completedOn, reason: data.reason, reopenedOn } }];
}
