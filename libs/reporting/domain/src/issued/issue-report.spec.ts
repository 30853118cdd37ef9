import { REPORTING_EVENT_TYPES, reportIssuedV1, type ReportIssued } from '@dm/contracts';
import { ValidationError } from '@dm/eventsourcing';
import { DeciderSpecification, specMetadata } from '@dm/eventsourcing/testing';
import { IssueReport, issuedReportDecider, type IssuedReportEvent, type IssueReportData } from './issue-report';
import { content, D } from './report-content.fixtures';

const given = DeciderSpecification.for(issuedReportDecider);

const report = content();
const issueData = (o: Partial<IssueReportData> = {}): IssueReportData => ({
  reportId: 'r-2017-q1',
  reason: null,
  directiveId: D,
  period: '2017-Q1',
  calendar: 'decree09',
  contentSha256: 'a'.repeat(64),
  content: report,
  ...o,
});
const issue = (o: Partial<IssueReportData> = {}) => new IssueReport(issueData(o), specMetadata());
const issued = (revision: number, o: Partial<IssueReportData> = {}): IssuedReportEvent => ({
  type: REPORTING_EVENT_TYPES.reportIssued,
  data: { ...issueData(o), revision } as ReportIssued,
});

describe('IssueReport', () => {
  it('given nothing, when a report is issued without a reason, then report-issued revision 1, valid against its schema', () => {
    given([])
      .when(issue())
      .then([issued(1)]);
    expect(reportIssuedV1.safeParse(issued(1).data).success).toBe(true);
  });

  it('given an issued report, when it is issued again without a reason, then refused naming reason', () => {
    given([issued(1)])
      .when(issue())
      .thenThrows(ValidationError, (e) => {
        expect(e.field).toBe('reason');
        expect(e.message).toContain('revision 1');
      });
    given([issued(1)])
      .when(issue({ reason: '' }))
      .thenThrows(ValidationError, (e) => expect(e.field).toBe('reason'));
  });

  it('given an issued report, when it is issued again with a reason, then revision 2 with its reason', () => {
    const reason = 'Bổ sung báo cáo của huyện Bá Thước nhận ngày 10/04/2017';
    given([issued(1)])
      .when(issue({ reason, contentSha256: 'b'.repeat(64) }))
      .then([issued(2, { reason, contentSha256: 'b'.repeat(64) })]);
  });

  it('given two revisions, then the next is revision 3', () => {
    given([issued(1), issued(2, { reason: 'Sửa số liệu' })])
      .when(issue({ reason: 'Sửa lần hai' }))
      .then([issued(3, { reason: 'Sửa lần hai' })]);
  });

  it('takes a reason on the first issue too', () => {
    given([])
      .when(issue({ reason: 'Ban hành theo yêu cầu' }))
      .then([issued(1, { reason: 'Ban hành theo yêu cầu' })]);
  });
});
