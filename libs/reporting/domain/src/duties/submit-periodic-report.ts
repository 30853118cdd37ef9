import { REPORTING_EVENT_TYPES, type PeriodicReportSubmitted, type RegimeDuty } from '@dm/contracts';
import { Command, ValidationError, type Decider } from '@dm/eventsourcing';
import { parsePeriod } from '@dm/periods';
import { isPeriodOfFrequency } from './duty-periods';

export type SubmissionEvent = { type: typeof REPORTING_EVENT_TYPES.periodicReportSubmitted; data: PeriodicReportSubmitted };

export interface SubmitPeriodicReportData extends PeriodicReportSubmitted {
  duty: RegimeDuty;
  /** The agencies the duty's reporters name on the period's cut-off. */
  reporters: string[];
  /** The current business date (Asia/Ho_Chi_Minh). */
  today: string;
}

/** An agency submits its periodic report (báo cáo định kỳ) under a duty (POST /api/v1/directives/{id}/periodic-reports). */
export class SubmitPeriodicReport extends Command<'SubmitPeriodicReport', SubmitPeriodicReportData> {
  readonly type = 'SubmitPeriodicReport';
}

/** One agency's submissions under one directive: periods it has submitted, and how often. */
export type SubmissionsState = Record<string, number>;

export const submissionsDecider: Decider<SubmissionsState, SubmitPeriodicReport, SubmissionEvent> = {
  initialState: () => ({}),
  evolve: (state, event) => ({
    ...state,
    [`${event.data.dutyId}|${event.data.period}`]: (state[`${event.data.dutyId}|${event.data.period}`] ?? 0) + 1,
  }),
  decide: ({ data }) => {
    const { duty, today } = data;
    if (!isPeriodOfFrequency(data.period, duty.frequency))
      throw new ValidationError(`duty ${duty.id} asks for a report every ${duty.frequency}; ${data.period} is not such a period`, 'period');
    const window = parsePeriod(data.period, duty.calendar);
    if (window.to < duty.from || (duty.to !== null && window.to > duty.to))
      throw new ValidationError(
        `duty ${duty.id} runs from ${duty.from}${duty.to ? ` to ${duty.to}` : ''}; ${data.period} is outside it`,
        'period',
      );
    if (window.from > today) throw new ValidationError(`period ${data.period} has not begun on ${today}`, 'period');
    if (!data.reporters.includes(data.agencyId))
      throw new ValidationError(`${data.agencyId} does not report under duty ${duty.id} for ${data.period}`, 'agencyId');
    if (data.submittedOn > today) throw new ValidationError(`the report cannot be dated after today (${today})`, 'incomingDocument.date');
    if (data.submittedOn < window.from)
      throw new ValidationError(`a report for ${data.period} is dated on or after its start, ${window.from}`, 'incomingDocument.date');
    const { directiveId, dutyId, agencyId, period, submittedOn, attachment, note, incomingDocument } = data;
    return [
      {
        type: REPORTING_EVENT_TYPES.periodicReportSubmitted,
        data: { directiveId, dutyId, agencyId, period, submittedOn, attachment, note, incomingDocument },
      },
    ];
  },
};
