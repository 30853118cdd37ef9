import {
  calendar,
  command,
  correlationId,
  errors,
  json,
  knownAt,
  pageParams,
  path,
  period,
  query,
  read,
  scopedRead,
} from './openapi-parts';
import {
  calendarAdjustedResponse,
  calendarDayResponse,
  calendarResponse,
  complianceResponse,
  issuedReportsResponse,
  issuedRevisionResponse,
  issueReportResponse,
  regimeResponse,
  reminderSchema,
  remindersResponse,
  reminderWrittenResponse,
  reportDiffResponse,
  reportingWriteResponse,
  rollupResponse,
  submissionsResponse,
  urgingRunResponse,
} from './reporting-answers';
import {
  calendarAdjustmentRequest,
  EXPORT_FORMATS,
  issueReportRequest,
  manualReminderRequest,
  periodicReportRequest,
  regimeRequest,
  REMINDER_KINDS,
  REPORT_VIEW_NAMES,
} from './reporting-duties';

const office = "A monitoring officer of the directive's monitoring agency or of the issuer's office, or an admin";
const file = (summary: string, params: object[]) => ({
  get: {
    summary,
    description:
      'Who may read the report. xlsx: one sheet per view with a totals row; csv: one view, UTF-8 with BOM; pdf: the Decree 30/2020 layout with embedded fonts.',
    parameters: [
      ...params,
      { ...query('format', 'xlsx, csv or pdf', { enum: [...EXPORT_FORMATS] }), required: true },
      query('view', 'The view a CSV file holds (default scorecards)', { enum: [...REPORT_VIEW_NAMES] }),
      correlationId,
    ],
    responses: {
      200: {
        description: 'The file',
        content: {
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
          'text/csv': { schema: { type: 'string' } },
          'application/pdf': { schema: { type: 'string', format: 'binary' } },
        },
      },
      ...errors,
    },
  },
});
const reportId = path('reportId');

/** The reporting context's routes (docs/reporting.md): calendar, regimes, periodic reports, roll-ups, issued reports, reminders. */
export function reportingPaths() {
  return {
    '/api/v1/calendar': read('Days off (holidays, nghỉ bù, extra days off) and make-up working days of a year', calendarResponse, [
      { ...query('year', 'The year YYYY'), required: true },
    ]),
    '/api/v1/calendar/day': read('Whether a date is a working day, and why', calendarDayResponse, [
      { ...query('date', 'A date YYYY-MM-DD', { format: 'date' }), required: true },
    ]),
    '/api/v1/calendar/adjustments': command(
      'Record a make-up working day or an extra day off',
      'An admin',
      calendarAdjustmentRequest,
      calendarAdjustedResponse,
    ),
    '/api/v1/reporting/regimes/{directiveId}': {
      ...scopedRead("A directive's reporting regime, with each duty's periods, cut-offs and due dates", regimeResponse, [
        path('directiveId'),
        query('until', 'List periods whose cut-off is on or before this date (default the end of this year)', { format: 'date' }),
      ]),
      put: {
        ...command('Set the reporting regime of a directive (replaces the one before)', office, regimeRequest, reportingWriteResponse, [
          path('directiveId'),
        ]).post,
        responses: { 200: { description: 'Written', content: json(reportingWriteResponse) }, ...errors },
      },
    },
    '/api/v1/reporting/regimes/{directiveId}/submissions': command(
      'Submit a periodic report (báo cáo định kỳ) with its file; the file’s SHA-256 is recorded in the event',
      "The reporting agency's officer; a monitoring officer records an agency's paper report (incomingDocument)",
      periodicReportRequest,
      reportingWriteResponse,
      [path('directiveId')],
    ),
    '/api/v1/reporting/submissions': scopedRead('Periodic reports submitted, in the order recorded', submissionsResponse, [
      query('directiveId', 'One directive'),
      query('agencyId', 'One agency (an agency officer: their own)'),
      query('period', 'One period'),
      ...pageParams,
    ]),
    '/api/v1/reporting/compliance': scopedRead(
      'Periodic reports due in a window: each on time, late, missing or pending, and completeness and timeliness per agency; a page holds the instances, then the agencies’ rows',
      complianceResponse,
      [
        query('directiveId', 'One directive'),
        query('agencyId', 'One agency (an agency officer: their own)'),
        query('from', 'Reports due on or after (default 1 January of asOf)', { format: 'date' }),
        query('to', 'Reports due on or before (default asOf)', { format: 'date' }),
        query('asOf', 'Judged as of this date (default today)', { format: 'date' }),
        ...pageParams,
      ],
    ),
    '/api/v1/reporting/attachments/{hash}': {
      get: {
        summary: 'A submitted file, by its SHA-256 (checked again when read)',
        description: 'Who may read a submission that carries it.',
        parameters: [path('hash'), correlationId],
        responses: { 200: { description: 'The file', content: { '*/*': { schema: { type: 'string', format: 'binary' } } } }, ...errors },
      },
    },
    '/api/v1/reports/rollup': scopedRead(
      'A period rolled up: each agency by name, each registry group as of the period’s end, and the whole scope',
      rollupResponse,
      [period, calendar, query('directiveId', 'One directive'), knownAt],
    ),
    '/api/v1/reports/issued': {
      ...scopedRead('Issued reports, newest first, with their revisions', issuedReportsResponse, [
        query('directiveId', 'One directive'),
        query('period', 'One period'),
        ...pageParams,
      ]),
      ...command(
        'Issue a period’s report: computed at a checkpoint taken for it and frozen; issuing it again is a new revision and needs a reason',
        `${office}; without a directive, the office’s report on every directive it follows`,
        issueReportRequest,
        issueReportResponse,
      ),
    },
    '/api/v1/reports/issued/{reportId}': scopedRead('The latest revision of an issued report, as frozen', issuedRevisionResponse, [
      reportId,
    ]),
    '/api/v1/reports/issued/{reportId}/revisions/{revision}': scopedRead(
      'One revision of an issued report, as frozen',
      issuedRevisionResponse,
      [reportId, path('revision')],
    ),
    '/api/v1/reports/issued/{reportId}/diff': scopedRead('What changed between two revisions, figure by figure', reportDiffResponse, [
      reportId,
      { ...query('from', 'A revision'), required: true },
      { ...query('to', 'A revision'), required: true },
    ]),
    '/api/v1/reports/export': file('A period’s report as a file, computed now and not issued (numbered DỰ THẢO unless told)', [
      period,
      calendar,
      query('directiveId', 'One directive'),
      query('number', 'The number shown (default DỰ THẢO)'),
      query('place', 'The place shown (default the province)'),
    ]),
    '/api/v1/reports/issued/{reportId}/export': file('The latest revision as a file', [reportId]),
    '/api/v1/reports/issued/{reportId}/revisions/{revision}/export': file('One revision as a file', [reportId, path('revision')]),
    '/api/v1/reminders': {
      ...scopedRead('Reminders (đôn đốc), newest first, with their deliveries', remindersResponse, [
        query('agencyId', 'One agency (an agency officer: their own)'),
        query('directiveId', 'One directive'),
        query('assignmentId', 'One assignment'),
        query('kind', 'One kind', { enum: [...REMINDER_KINDS] }),
        query('limit', 'At most this many (default 200, at most 1000)'),
      ]),
      ...command('Send a reminder with the office’s own text', office, manualReminderRequest, reminderWrittenResponse),
    },
    '/api/v1/reminders/{id}': scopedRead('One reminder with its deliveries', reminderSchema, [path('id')]),
    '/api/v1/admin/urging/run': {
      post: {
        summary: 'Run the urging scheduler now',
        description: 'An admin.',
        parameters: [correlationId],
        responses: { 200: { description: 'Run', content: json(urgingRunResponse) }, ...errors },
      },
    },
  };
}
