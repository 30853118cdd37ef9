import { EVENT_TYPES, type AssignmentEvent } from '@dm/contracts';
import { Command, IllegalStateError, ValidationError } from '@dm/eventsourcing';
import { refOf, requireDateOfAssignment, requireOpen, type AssignmentContext, type AssignmentState } from './assignment';

export type ConfirmCompletionData = { context: AssignmentContext; today: string } & (
  { accepted: true; confirmedOn: string } | { accepted: false; reason: string; returnedOn: string }
);

/** The monitoring office accepts or returns the completion awaiting its decision. */
export class ConfirmCompletion extends Command<'ConfirmCompletion', ConfirmCompletionData> {
  readonly type = 'ConfirmCompletion';
}

/** The decision carries the completion's date, and comes on or after it. */
export function decideConfirmCompletion({ data }: ConfirmCompletion, state: AssignmentState): AssignmentEvent[] {
  requireOpen(data.context, state);
  if (!state.awaiting) throw new IllegalStateError('no reported completion is awaiting confirmation');
  const { completedOn } = state.awaiting;
  const field = data.accepted ? 'confirmedOn' : 'returnedOn';
  const decidedOn = requireDateOfAssignment(data.accepted ? data.confirmedOn : data.returnedOn, field, data.context, data.today);
  if (decidedOn < completedOn) throw new ValidationError(`${field} ${decidedOn} is before the reported completion (${completedOn})`, field);
  if (data.accepted)
    return [{ type: EVENT_TYPES.completionConfirmed, data: { ...refOf(data.context), completedOn, confirmedOn: decidedOn } }];
  return [
    { type: EVENT_TYPES.completionReturned, data: { ...refOf(data.context), completedOn, reason: data.reason, returnedOn: decidedOn } },
  ];
}
