import { REPORTING_EVENT_TYPES, type ReportIssued } from '@dm/contracts';
import { Command, ValidationError, type Decider } from '@dm/eventsourcing';

export type IssuedReportEvent = { type: typeof REPORTING_EVENT_TYPES.reportIssued; data: ReportIssued };

export type IssueReportData = Omit<ReportIssued, 'revision'>;

/** The office issues a period's report, frozen as computed (POST /api/v1/reports/issued). */
export class IssueReport extends Command<'IssueReport', IssueReportData> {
  readonly type = 'IssueReport';
}

export interface IssuedReportState {
  revisions: number;
}

/** The revisions of one report (a scope, a period, a calendar): the first issue, then each re-issue with its reason. */
export const issuedReportDecider: Decider<IssuedReportState, IssueReport, IssuedReportEvent> = {
  initialState: () => ({ revisions: 0 }),
  evolve: (state) => ({ revisions: state.revisions + 1 }),
  decide: ({ data }, state) => {
    if (state.revisions > 0 && !data.reason)
      throw new ValidationError(
        `report ${data.reportId} was issued already (revision ${state.revisions}); a re-issue gives its reason`,
        'reason',
        'is required for a re-issue',
      );
    return [{ type: REPORTING_EVENT_TYPES.reportIssued, data: { ...data, revision: state.revisions + 1 } }];
  },
};
