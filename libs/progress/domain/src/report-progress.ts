import { EVENT_TYPES, type AssignmentEvent } from '@dm/contracts';
import { Command } from '@dm/eventsourcing';
import {
  attachmentField,
  refOf,
  requireDateOfAssignment,
  requireHeldOn,
  requireIncomingDocument,
  requireOpen,
  type AssignmentContext,
  type AssignmentState,
} from './assignment';
import type { Attachment, IncomingDocument } from '@dm/contracts';

export interface ReportProgressData {
  context: AssignmentContext;
  reportedOn: string;
  summary: string;
  percent: number | null;
  difficulties: string | null;
  proposals: string | null;
  /** The agency's paper report, when a monitoring officer records it on its behalf. */
  incomingDocument: IncomingDocument | null;
  /** The file the report carries, as the service kept it (its bytes' SHA-256 and size); none when absent or null. */
  attachment?: Attachment | null;
  /** The current business date (Asia/Ho_Chi_Minh); no business date may lie after it. */
  today: string;
}

/** An agency reports progress on its assignment (POST /api/v1/assignments/{id}/progress). */
export class ReportProgress extends Command<'ReportProgress', ReportProgressData> {
  readonly type = 'ReportProgress';
}

/** Progress may be reported until a completion is confirmed, also while one awaits confirmation. */
export function decideReportProgress({ data }: ReportProgress, state: AssignmentState): AssignmentEvent[] {
  requireOpen(data.context, state);
  const reportedOn = requireDateOfAssignment(data.reportedOn, 'reportedOn', data.context, data.today);
  const incomingDocument = requireIncomingDocument(data.incomingDocument, reportedOn, data.today);
  requireHeldOn(reportedOn, 'reportedOn', data.context, incomingDocument);
  const { summary, percent, difficulties, proposals } = data;
  return [
    {
      type: EVENT_TYPES.progressReported,
      data: {
        ...refOf(data.context),
        reportedOn,
        summary,
        percent,
        difficulties,
        proposals,
        incomingDocument,
        ...attachmentField(data.attachment),
      },
    },
  ];
}
