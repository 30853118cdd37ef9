import { EVENT_TYPES, type AssignmentEvent } from '@dm/contracts';
import { specMetadata } from '@dm/eventsourcing/testing';
import type { AssignmentContext } from './assignment';
import { ConfirmCompletion, type ConfirmCompletionData } from './confirm-completion';
import { ReopenCompletion, type ReopenCompletionData } from './reopen-completion';
import { ReportCompletion, type ReportCompletionData } from './report-completion';
import { ReportProgress, type ReportProgressData } from './report-progress';

/** Mường Lát's assignment under task 3 of 4308/UBND-VX, and commands and events on it. */
export const context: AssignmentContext = {
  assignmentId: 'a-1',
  directiveId: 'd-1',
  directiveNumber: '4308/UBND-VX',
  taskNumber: '3',
  agencyId: 'h-muong-lat',
  role: 'lead',
  issuedOn: '2017-02-10',
  assignedOn: '2017-02-10',
  issuer: 'ubnd-tinh',
  issuerOffice: 'vp-ubnd-tinh',
  monitoringAgency: 'so-ldtbxh',
  closed: null,
  recurrence: null,
};
export const ref = { assignmentId: 'a-1', directiveId: 'd-1', taskNumber: '3', agencyId: 'h-muong-lat' };
/** What the service recorded of a file a report carries (its bytes kept under that SHA-256). */
export const file = { fileName: 'Báo cáo tiến độ.pdf', mediaType: 'application/pdf', size: 2048, sha256: 'c0ffee'.padEnd(64, '0') };
export const cancelledContext: AssignmentContext = { ...context, closed: { as: 'cancelled', on: '2017-04-01' } };

export const progress = (o: Partial<ReportProgressData> = {}) =>
  new ReportProgress(
    {
      context,
      reportedOn: '2017-03-10',
      summary: 'Đã triển khai 5 mô hình',
      percent: 40,
      difficulties: null,
      proposals: null,
      incomingDocument: null,
      today: '2017-03-10',
      ...o,
    },
    specMetadata(),
  );

export const completion = (o: Partial<ReportCompletionData> = {}) =>
  new ReportCompletion(
    {
      context,
      completedOn: '2017-05-20',
      summary: 'Hoàn thành',
      evidence: '123/BC-UBND',
      incomingDocument: null,
      today: '2017-05-22',
      ...o,
    },
    specMetadata(),
  );

export const accept = (o: { confirmedOn?: string; today?: string; context?: AssignmentContext } = {}) =>
  new ConfirmCompletion(
    { context, accepted: true, confirmedOn: '2017-05-25', today: '2017-05-25', ...o } as ConfirmCompletionData,
    specMetadata(),
  );

export const returnIt = (o: { returnedOn?: string; reason?: string; today?: string } = {}) =>
  new ConfirmCompletion(
    { context, accepted: false, reason: 'Thiếu số liệu', returnedOn: '2017-05-24', today: '2017-05-25', ...o } as ConfirmCompletionData,
    specMetadata(),
  );

export const reopen = (o: Partial<ReopenCompletionData> = {}) =>
  new ReopenCompletion(
    { context, reason: 'Kiểm tra lại: số liệu chưa đúng', reopenedOn: '2017-06-10', today: '2017-06-10', ...o },
    specMetadata(),
  );

const event = <T extends AssignmentEvent['type']>(type: T, data: object) => ({ type, data: { ...ref, ...data } }) as AssignmentEvent;

export const progressed = event(EVENT_TYPES.progressReported, {
  reportedOn: '2017-03-10',
  summary: 'Đã triển khai 5 mô hình',
  percent: 40,
  difficulties: null,
  proposals: null,
});
export const completed = (completedOn = '2017-05-20') =>
  event(EVENT_TYPES.completionReported, { completedOn, summary: 'Hoàn thành', evidence: '123/BC-UBND' });
export const confirmed = (completedOn = '2017-05-20', confirmedOn = '2017-05-25') =>
  event(EVENT_TYPES.completionConfirmed, { completedOn, confirmedOn });
export const returned = (completedOn = '2017-05-20', returnedOn = '2017-05-24') =>
  event(EVENT_TYPES.completionReturned, { completedOn, reason: 'Thiếu số liệu', returnedOn });
export const reopened = (completedOn = '2017-05-20', reopenedOn = '2017-06-10') =>
  event(EVENT_TYPES.completionReopened, { completedOn, reason: 'Kiểm tra lại: số liệu chưa đúng', reopenedOn });
