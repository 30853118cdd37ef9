import { EVENT_TYPES, type AssignmentEvent } from '@dm/contracts';
import { Command, IllegalStateError } from '@dm/eventsourcing';
import { refOf, requireDateOfAssignment, requireOpen, type AssignmentContext, type AssignmentState } from './assignment';

export interface ReportCompletionData {
  context: AssignmentContext;
  completedOn: string;
  summary: string;
  evidence: string | null;
  today: string;
}

/** An agency reports its assignment completed; it counts once the monitoring office accepts it. */
export class ReportCompletion extends Command<'ReportCompletion', ReportCompletionData> {
  readonly type = 'ReportCompletion';
}

/** One completion at a time: a new one only after the last was returned. */
export function decideReportCompletion({ data }: ReportCompletion, state: AssignmentState): AssignmentEvent[] {
  requireOpen(data.context, state);
  if (state.awaiting) throw new IllegalStateError(`the completion of ${state.awaiting.completedOn} is still awaiting confirmation`);
  const completedOn = requireDateOfAssignment(data.completedOn, 'completedOn', data.context, data.today);
  return [
    { type: EVENT_TYPES.completionReported, data: { ...refOf(data.context), completedOn, summary: data.summary, evidence: data.evidence } },
  ];
}
