import { EVENT_TYPES, type AssignmentEvent, type Attachment, type IncomingDocument } from '@dm/contracts';
import { Command, IllegalStateError } from '@dm/eventsourcing';
import { requireNotBeforeRecorded } from '@dm/periods';
import {
  attachmentField,
  refOf,
  requireDateOfAssignment,
  requireHeldOn,
  requireIncomingDocument,
  completionOf,
  periodField,
  requireOpen,
  requirePeriod,
  type AssignmentContext,
  type AssignmentState,
} from './assignment';

export interface ReportCompletionData {
  context: AssignmentContext;
  /** The period of a recurring task's obligation; absent on a one-off task. */
  period?: string;
  completedOn: string;
  summary: string;
  evidence: string | null;
  /** The agency's paper report, when a monitoring officer records it on its behalf. */
  incomingDocument: IncomingDocument | null;
  /** The file the report carries, as the service kept it (its bytes' SHA-256 and size); none when absent or null. */
  attachment?: Attachment | null;
  today: string;
}

/** An agency reports its assignment completed; it counts once the monitoring office accepts it. */
export class ReportCompletion extends Command<'ReportCompletion', ReportCompletionData> {
  readonly type = 'ReportCompletion';
}

/**
 * One completion at a time, by a lead agency: a new one only after the last
 * was returned or reopened, and dated on or after that (422), so a returned
 * completion's date cannot come back.
 */
export function decideReportCompletion({ data }: ReportCompletion, state: AssignmentState): AssignmentEvent[] {
  const period = requirePeriod(data.context, data.period, data.today);
  requireOpen(data.context, state, period);
  if (data.context.role === 'coordinating')
    throw new IllegalStateError('a coordinating agency reports progress; the lead agency completes');
  const current = completionOf(state, period);
  if (current.awaiting) throw new IllegalStateError(`the completion of ${current.awaiting.completedOn} is still awaiting confirmation`);
  const completedOn = requireDateOfAssignment(data.completedOn, 'completedOn', data.context, data.today);
  requireNotBeforeRecorded(completedOn, 'completedOn', current.lastReturned?.returnedOn ?? null, 'the last completion was returned');
  requireNotBeforeRecorded(completedOn, 'completedOn', current.lastReopened?.reopenedOn ?? null, 'the last completion was reopened');
  const incomingDocument = requireIncomingDocument(data.incomingDocument, completedOn, data.today);
  requireHeldOn(completedOn, 'completedOn', data.context, incomingDocument);
  const { summary, evidence } = data;
  return [
    {
      type: EVENT_TYPES.completionReported,
      data: {
        ...refOf(data.context),
        ...periodField(period),
        completedOn,
        summary,
        evidence,
        incomingDocument,
        ...attachmentField(data.attachment),
      },
    },
  ];
}
