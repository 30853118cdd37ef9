import { z } from 'zod';
import { keyText, pageFields } from './pages';
import { attachmentRequest, attachmentSchema } from './attachments';
import { agencyId, isoDateString, optionalText, storedDate, text } from './common';
import { signerSchema } from './directives';
import { incomingDocumentSchema } from './progress';
import { reportContentSchema } from './report-document';
import { CALENDARS } from './reporting';

/**
 * What the reporting context records in its own store (`reporting`): the
 * working calendar's adjustments, each directive's reporting regime, the
 * periodic reports agencies submit, the reports the office issues, and the
 * reminders it sends (docs/reporting.md).
 */

export const REPORTING_STORE = 'reporting';

export const REPORTING_EVENT_TYPES = {
  calendarAdjusted: 'reporting.calendar-adjusted',
  regimeSet: 'reporting.regime-set',
  periodicReportSubmitted: 'reporting.periodic-report-submitted',
  reportIssued: 'reporting.report-issued',
  reminderIssued: 'reporting.reminder-issued',
  reminderDelivery: 'reporting.reminder-delivery',
} as const;

export const WORKING_CALENDAR_STREAM = 'working-calendar';
export const regimeStreamId = (directiveId: string) => `reporting-regime-${directiveId}`;
export const submissionsStreamId = (directiveId: string, agency: string) => `periodic-reports-${directiveId}~${agency}`;
export const issuedReportStreamId = (reportId: string) => `issued-report-${reportId}`;

// ---- the working calendar ---------------------------------------------------

/**
 * The dates the working calendar answers for (its holidays are known for
 * 2000–2199, @dm/periods SUPPORTED_HOLIDAY_YEARS), less the last year, whose
 * December reports fall due in the year after.
 */
export const CALENDAR_SPAN = { from: '2000-01-01', to: '2198-12-31' } as const;
export const calendarDate = isoDateString.refine(
  (d) => d >= CALENDAR_SPAN.from && d <= CALENDAR_SPAN.to,
  `must lie between ${CALENDAR_SPAN.from} and ${CALENDAR_SPAN.to}, the years the working calendar knows`,
);

export const CALENDAR_ADJUSTMENT_KINDS = ['workingDay', 'dayOff'] as const;

export const calendarAdjustmentRequest = z
  .object({
    date: calendarDate,
    /** workingDay: a make-up day (ngày làm bù) on a weekend or holiday; dayOff: an extra day off on a working day. */
    kind: z.enum(CALENDAR_ADJUSTMENT_KINDS),
    name: text(200),
    /** The decision that made it (e.g. "Thông báo 6150/TB-LĐTBXH"). */
    authorizingDocument: optionalText(200),
  })
  .strict();
export type CalendarAdjustmentRequest = z.infer<typeof calendarAdjustmentRequest>;

export const calendarAdjustedV1 = z.object({
  date: storedDate,
  kind: z.enum(CALENDAR_ADJUSTMENT_KINDS),
  name: z.string(),
  authorizingDocument: z.string().nullable(),
});
export type CalendarAdjusted = z.infer<typeof calendarAdjustedV1>;

export const calendarQuery = z.object({ year: z.coerce.number().int().min(2000).max(2198) });
export const calendarDayQuery = z.object({ date: calendarDate });

// ---- reporting regimes ------------------------------------------------------

export const REPORT_FREQUENCIES = ['month', 'quarter', 'half-year', 'year'] as const;
export type ReportFrequency = (typeof REPORT_FREQUENCIES)[number];

/** When a period's report is due: a fixed day of the month after the cut-off, or N working days after it. */
export const deadlineRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('dayOfMonth'), day: z.number().int().min(1).max(31) }).strict(),
  z.object({ kind: z.literal('workingDaysAfterCutOff'), days: z.number().int().min(0).max(60) }).strict(),
]);
export type DeadlineRule = z.infer<typeof deadlineRuleSchema>;

const dutyId = z
  .string({ required_error: 'is required', invalid_type_error: 'must be a duty id' })
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be a duty id: lower-case letters, digits and -, at most 40');

export const reportingDutySchema = z
  .object({
    id: dutyId,
    /** What the report is about, as the directive words it. */
    title: optionalText(300),
    /** Agencies and groups that report; a group is read as of each period's cut-off. */
    reporters: z.array(agencyId).min(1, 'needs at least one agency or group').max(500),
    /** Who they report to (the monitoring office). */
    recipient: agencyId,
    frequency: z.enum(REPORT_FREQUENCIES),
    calendar: z.enum(CALENDARS).default('decree09'),
    deadline: deadlineRuleSchema,
    /** The first and last dates whose periods are due (a period counts when its cut-off falls between them). */
    from: calendarDate,
    to: calendarDate.nullable().default(null),
  })
  .strict()
  .refine((d) => d.to === null || d.from <= d.to, { message: 'must not be before from', path: ['to'] });
export type ReportingDuty = z.infer<typeof reportingDutySchema>;

export const regimeRequest = z
  .object({
    duties: z
      .array(reportingDutySchema)
      .max(20)
      .refine((duties) => new Set(duties.map((d) => d.id)).size === duties.length, 'duty ids must differ'),
    reason: optionalText(500),
  })
  .strict();
export type RegimeRequest = z.infer<typeof regimeRequest>;

export const regimeSetV1 = z.object({
  directiveId: z.string(),
  duties: z.array(
    z.object({
      id: z.string(),
      title: z.string().nullable(),
      reporters: z.array(z.string()),
      recipient: z.string(),
      frequency: z.enum(REPORT_FREQUENCIES),
      calendar: z.enum(CALENDARS),
      deadline: deadlineRuleSchema,
      from: storedDate,
      to: storedDate.nullable(),
    }),
  ),
  reason: z.string().nullable(),
});
export type RegimeSet = z.infer<typeof regimeSetV1>;
export type RegimeDuty = RegimeSet['duties'][number];

// ---- periodic reports -------------------------------------------------------

// The attached file's request and record (attachments.ts), kept exported from here as before.
export { MAX_ATTACHMENT_BYTES, attachmentRequest, attachmentSchema, type Attachment } from './attachments';

export const periodicReportRequest = z
  .object({
    dutyId,
    period: text(20),
    /** The agency reporting; an agency officer's own by default. A monitoring officer records for an agency from its paper report. */
    agencyId: agencyId.optional(),
    /** The paper report a monitoring officer records (its number and date, which is the submission's date). */
    incomingDocument: z
      .object({ number: text(100), date: isoDateString })
      .strict()
      .optional(),
    note: optionalText(2000),
    attachment: attachmentRequest,
  })
  .strict();
export type PeriodicReportRequest = z.infer<typeof periodicReportRequest>;

export const periodicReportSubmittedV1 = z.object({
  directiveId: z.string(),
  dutyId: z.string(),
  agencyId: z.string(),
  period: z.string(),
  /** The business date it reached the recipient: the recording day, or the paper report's date. */
  submittedOn: storedDate,
  attachment: attachmentSchema,
  note: z.string().nullable(),
  incomingDocument: incomingDocumentSchema.nullable(),
});
export type PeriodicReportSubmitted = z.infer<typeof periodicReportSubmittedV1>;

export const complianceQuery = z.object({
  directiveId: z.string().optional(),
  agencyId: agencyId.optional(),
  asOf: calendarDate.optional(),
  from: calendarDate.optional(),
  to: calendarDate.optional(),
  /** A page of the instances, then of the agencies' rows: after [0, directiveId, dutyId, period, agencyId, recipient] or [1, agencyName, agencyId]. */
  ...pageFields(z.union([z.tuple([z.literal(0), keyText, keyText, keyText, keyText, keyText]), z.tuple([z.literal(1), keyText, keyText])])),
});

/** GET /api/v1/reporting/submissions: the filters, and a page in the order recorded, after [recordedAt, eventId]. */
export const submissionsQuery = z.object({
  directiveId: z.string().optional(),
  agencyId: z.string().optional(),
  period: z.string().optional(),
  ...pageFields(z.tuple([keyText, keyText])),
});

/** GET /api/v1/reports/issued: the filters, and a page newest first, after [latest revision's recordedAt, reportId]. */
export const issuedReportsQuery = z.object({
  directiveId: z.string().optional(),
  period: z.string().optional(),
  ...pageFields(z.tuple([keyText, keyText])),
});
export const scheduleQuery = z.object({ until: calendarDate.optional() });

// ---- issued reports -----------------------------------------------------------

export const issueReportRequest = z
  .object({
    period: text(20),
    calendar: z.enum(CALENDARS).default('decree09'),
    /** One directive's report; absent for every directive the office follows (province-wide). */
    directiveId: z.string().max(100).optional(),
    number: text(60),
    place: text(100),
    /** The report's date (ngày ban hành); today by default. */
    date: isoDateString.optional(),
    title: optionalText(500),
    issuingBody: optionalText(200),
    parentBody: optionalText(200),
    recipients: z.array(text(300)).max(30).default([]),
    signer: signerSchema.strict().nullable().optional(),
    /** Why a report already issued is issued again; required then. */
    reason: optionalText(1000),
  })
  .strict();
export type IssueReportRequest = z.infer<typeof issueReportRequest>;

export const reportIssuedV1 = z.object({
  reportId: z.string(),
  revision: z.number().int(),
  reason: z.string().nullable(),
  directiveId: z.string().nullable(),
  period: z.string(),
  calendar: z.enum(CALENDARS),
  /** SHA-256 of the content's canonical JSON. */
  contentSha256: z.string(),
  content: reportContentSchema,
});
export type ReportIssued = z.infer<typeof reportIssuedV1>;

export const EXPORT_FORMATS = ['xlsx', 'csv', 'pdf'] as const;
export const REPORT_VIEW_NAMES = ['summary', 'scorecards', 'groups', 'late', 'requests', 'submissions'] as const;
export const exportQuery = z.object({
  format: z.enum(EXPORT_FORMATS),
  /** The view a CSV file holds (one per file); ignored by xlsx and pdf. */
  view: z.enum(REPORT_VIEW_NAMES).default('scorecards'),
});
export const diffQuery = z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) });

// ---- reminders ----------------------------------------------------------------

export const REMINDER_KINDS = ['dueSoon', 'overdue', 'stale', 'periodicDue', 'periodicMissing', 'manual'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export const reminderIssuedV1 = z.object({
  reminderId: z.string(),
  /** The condition and period it is for: one reminder per key, ever. */
  key: z.string(),
  kind: z.enum(REMINDER_KINDS),
  agencyId: z.string(),
  directiveId: z.string().nullable(),
  directiveNumber: z.string().nullable(),
  assignmentId: z.string().nullable(),
  taskNumber: z.string().nullable(),
  deadline: storedDate.nullable(),
  period: z.string().nullable(),
  /** The business date the condition was found on. */
  foundOn: storedDate,
  subject: z.string(),
  text: z.string(),
});
export type ReminderIssued = z.infer<typeof reminderIssuedV1>;

export const reminderDeliveryV1 = z.object({
  reminderId: z.string(),
  channel: z.string(),
  ok: z.boolean(),
  attempts: z.number().int(),
  /** No more attempts will be made (sent, or failed for good). */
  final: z.boolean(),
  error: z.string().nullable(),
});
export type ReminderDelivery = z.infer<typeof reminderDeliveryV1>;

export const manualReminderRequest = z
  .object({
    agencyId,
    subject: optionalText(200),
    text: text(2000),
    directiveId: z.string().max(100).optional(),
    assignmentId: z.string().max(100).optional(),
  })
  .strict();

export const remindersQuery = z.object({
  agencyId: agencyId.optional(),
  directiveId: z.string().optional(),
  assignmentId: z.string().optional(),
  kind: z.enum(REMINDER_KINDS).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export type ReportingEvent =
  | { type: typeof REPORTING_EVENT_TYPES.calendarAdjusted; data: CalendarAdjusted }
  | { type: typeof REPORTING_EVENT_TYPES.regimeSet; data: RegimeSet }
  | { type: typeof REPORTING_EVENT_TYPES.periodicReportSubmitted; data: PeriodicReportSubmitted }
  | { type: typeof REPORTING_EVENT_TYPES.reportIssued; data: ReportIssued }
  | { type: typeof REPORTING_EVENT_TYPES.reminderIssued; data: ReminderIssued }
  | { type: typeof REPORTING_EVENT_TYPES.reminderDelivery; data: ReminderDelivery };
