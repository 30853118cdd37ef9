import { EVENT_TYPES, type AssignmentEvent } from '@dm/contracts';
import { Command, IllegalStateError, ValidationError } from '@dm/eventsourcing';
import {
  completionOf,
  periodField,
  refOf,
  requireDateOfAssignment,
  requireOpen,
  type AssignmentContext,
  type AssignmentState,
} from './assignment';

export type ConfirmCompletionData = {
  context: AssignmentContext;
  /** The period decided on, for a recurring task; by default the only one awaiting. */
  period?: string;
  today: string;
} & ({ accepted: true; confirmedOn: string } | { accepted: false; reason: string; returnedOn: string });

/** The monitoring office accepts or returns the completion awaiting its decision. */
export class ConfirmCompletion extends Command<'ConfirmCompletion', ConfirmCompletionData> {
  readonly type = 'ConfirmCompletion';
}

/** The decision carries the completion's date, and comes on or after it. */
export function decideConfirmCompletion({ data }: ConfirmCompletion, state: AssignmentState): AssignmentEvent[] {
  const period = data.period ?? onlyAwaiting(data.context, state);
  requireOpen(data.context, state, period);
  const { awaiting } = completionOf(state, period);
  if (!awaiting) throw new IllegalStateError(`no reported completion${period ? ` for ${period}` : ''} is awaiting confirmation`);
  const { completedOn } = awaiting;
  const field = data.accepted ? 'confirmedOn' : 'returnedOn';
  const decidedOn = requireDateOfAssignment(data.accepted ? data.confirmedOn : data.returnedOn, field, data.context, data.today);
  if (decidedOn < completedOn) throw new ValidationError(`${field} ${decidedOn} is before the reported completion (${completedOn})`, field);
  if (data.accepted)
    return [
      {
        type: EVENT_TYPES.completionConfirmed,
        data: { ...refOf(data.context), ...periodField(period), completedOn, confirmedOn: decidedOn },
      },
    ];
  return [
    {
      type: EVENT_TYPES.completionReturned,
      data: { ...refOf(data.context), ...periodField(period), completedOn, reason: data.reason, returnedOn: decidedOn },
    },
  ];
}

/** The one period awaiting a decision (`''` on a one-off task); with several, the request must name it. */
function onlyAwaiting(context: AssignmentContext, state: AssignmentState): string {
  if (!context.recurrence) return '';
  const awaiting = Object.keys(state.completions).filter((p) => state.completions[p].awaiting);
  if (awaiting.length > 1)
    throw new ValidationError(`completions for ${awaiting.join(', ')} await a decision: name the period`, 'period', 'is required');
  return awaiting[0] ?? '';
}
