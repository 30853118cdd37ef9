import { issuedReportStreamId, regimeStreamId, reminderStreamId, submissionsStreamId, WORKING_CALENDAR_STREAM } from '@dm/contracts';
import { deciderHandlers } from '@dm/platform';
import {
  AdjustCalendar,
  calendarDecider,
  IssueReminder,
  IssueReport,
  issuedReportDecider,
  RecordDelivery,
  regimeDecider,
  reminderDecider,
  SetReportingRegime,
  SubmitPeriodicReport,
  submissionsDecider,
} from '@dm/reporting-domain';
import { RP_EVENT_STORE } from './reporting-context';

/** The reporting context's command handlers: each command to its decider and stream, through @nestjs/cqrs. */
export const reportingCommandHandlers = [
  ...deciderHandlers(RP_EVENT_STORE, calendarDecider, () => WORKING_CALENDAR_STREAM, [AdjustCalendar]),
  ...deciderHandlers(RP_EVENT_STORE, regimeDecider, (c) => regimeStreamId(c.data.directiveId), [SetReportingRegime]),
  ...deciderHandlers(RP_EVENT_STORE, submissionsDecider, (c) => submissionsStreamId(c.data.directiveId, c.data.agencyId), [
    SubmitPeriodicReport,
  ]),
  ...deciderHandlers(RP_EVENT_STORE, issuedReportDecider, (c) => issuedReportStreamId(c.data.reportId), [IssueReport]),
  ...deciderHandlers(RP_EVENT_STORE, reminderDecider, (c) => reminderStreamId(c.data.key), [IssueReminder, RecordDelivery]),
];
