import { z } from 'zod';
import { agencyId } from './common';
import { ASSIGNMENT_ROLES, TASK_MODES } from './directives';
import { actorSchema } from './envelope-schema';
import { checkpointsNamed, knownAtEcho, LIFECYCLE_STAGES, OFFICIAL_STATUSES, rateSchema, recordInstant } from './reporting';

/** The annual review (kiểm điểm): its query and answer (docs/domain.md, "The annual review"). */

const YEAR_MESSAGE = 'must be a year YYYY from 1900 to 2100';

/** A year `YYYY` from 1900 to 2100, as a query parameter. */
export const reviewYear = z
  .string({ required_error: 'is required', invalid_type_error: YEAR_MESSAGE })
  .regex(/^\d{4}$/, YEAR_MESSAGE)
  .transform(Number)
  .refine((year) => year >= 1900 && year <= 2100, YEAR_MESSAGE);

/** The annual review of one agency (`agencyId`), or of every agency with an assignment that year; as known at `knownAt`. */
export const annualReviewQuery = z.object({
  year: reviewYear,
  agencyId: agencyId.optional(),
  knownAt: recordInstant.optional(),
});
export type AnnualReviewQuery = z.infer<typeof annualReviewQuery>;

export const ANNUAL_REVIEW_FORMATS = ['csv', 'jsonl'] as const;
/** The export: CSV (one row per assignment) or JSON lines (one line per agency review); CSV by default. */
export const annualReviewExportQuery = annualReviewQuery.extend({ format: z.enum(ANNUAL_REVIEW_FORMATS).default('csv') });

/** What the review flags on an assignment; each is defined in docs/domain.md, "The annual review". */
export const REVIEW_FLAGS = ['late', 'overdue', 'extendedAfterDue', 'returned', 'recordedLate'] as const;
export type ReviewFlag = (typeof REVIEW_FLAGS)[number];

export const reviewFlagsSchema = z.object({
  /** Completed after the deadline in force on its completion date: its status at the cut-off is completedLate. */
  late: z.boolean(),
  /** Open past its deadline at the cut-off: its status then is overdue. */
  overdue: z.boolean(),
  /** Lead, with a deadline change dated within the year after the deadline it replaced had passed. */
  extendedAfterDue: z.boolean(),
  /** A completion returned by the monitoring office, dated within the year. */
  returned: z.boolean(),
  /** A report dated within the year recorded more than the allowed working days after its date. */
  recordedLate: z.boolean(),
});
export type ReviewFlags = z.infer<typeof reviewFlagsSchema>;

/** One assignment of the year with its state at the cut-off (31/12) and its flags. */
export const annualReviewAssignmentSchema = z.object({
  assignmentId: z.string(),
  directiveId: z.string(),
  directiveNumber: z.string(),
  issuedOn: z.string(),
  taskNumber: z.string(),
  /** The task's text as of the cut-off, or null when the directive is not known. */
  taskText: z.string().nullable(),
  role: z.enum(ASSIGNMENT_ROLES),
  mode: z.enum(TASK_MODES),
  assignedOn: z.string(),
  /** As deriveStatus gives it as of the cut-off. */
  status: z.enum(OFFICIAL_STATUSES).nullable(),
  statusLabel: z.string().nullable(),
  lifecycle: z.enum(LIFECYCLE_STAGES),
  lifecycleLabel: z.string(),
  /** The deadline in force at the cut-off, D(31/12). */
  deadline: z.string().nullable(),
  /** The deadline in force on the completion date, D(C), which judged it. */
  deadlineAtCompletion: z.string().nullable(),
  completedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  /** completedLate: days from D(C) to C. */
  daysLate: z.number().int().nullable(),
  /** overdue: days from D(31/12) to 31/12. */
  daysOverdue: z.number().int().nullable(),
  /** Completions returned, dated within the year. */
  returns: z.number().int(),
  /** Reports dated within the year and recorded late. */
  recordedLateReports: z.number().int(),
  flags: reviewFlagsSchema,
});
export type AnnualReviewAssignment = z.infer<typeof annualReviewAssignmentSchema>;

/** One event of a flagged assignment's timeline, as the review reads it: who did what, on which business date, recorded when. */
export const annualReviewEntrySchema = z.object({
  eventId: z.string(),
  type: z.string(),
  /** The business date the event states (reportedOn, completedOn, confirmedOn, returnedOn, changedOn, …). */
  on: z.string(),
  /** When the system recorded it (an ISO instant). */
  recordedAt: z.string(),
  actor: actorSchema,
  /** The agency a monitoring officer recorded this report for (its paper report), or null. */
  onBehalfOf: z.string().nullable(),
  /** Reports only: recorded more than the allowed working days after `on`; null on other events. */
  recordedLate: z.boolean().nullable(),
  /** Progress and completion reports: what the agency reported. */
  summary: z.string().nullable(),
  percent: z.number().nullable(),
  /** A recurring task's period the completion or decision is for. */
  period: z.string().nullable(),
  /** Completions and their decisions: the completion date reported or decided on. */
  completedOn: z.string().nullable(),
  /** Deadline changes: this assignment's deadline before the change. */
  previousDeadline: z.string().nullable(),
  /** Deadline changes: the new deadline; the assignment's start: its first deadline. */
  deadline: z.string().nullable(),
  /** Deadline changes: changed after the deadline it replaced had passed. */
  extendedAfterDue: z.boolean().nullable(),
  /** Why: a deadline change, a return, a reopening, a cancellation, an amendment or a transfer. */
  reason: z.string().nullable(),
  /** The document that authorised a change (deadline, cancellation, amendment, transfer). */
  authorizingDocument: z.string().nullable(),
  /** The paper report a monitoring officer recorded. */
  incomingDocument: z.object({ number: z.string(), date: z.string() }).nullable(),
});
export type AnnualReviewEntry = z.infer<typeof annualReviewEntrySchema>;

/** A flagged assignment with its timeline up to the cut-off (oldest first, by record time). */
export const annualReviewFlaggedSchema = z.object({
  assignmentId: z.string(),
  directiveNumber: z.string(),
  taskNumber: z.string(),
  role: z.enum(ASSIGNMENT_ROLES),
  flags: z.array(z.enum(REVIEW_FLAGS)),
  timeline: z.array(annualReviewEntrySchema),
});
export type AnnualReviewFlagged = z.infer<typeof annualReviewFlaggedSchema>;

/** How many assignments the review holds, by role, and how many carry each flag. */
export const annualReviewCountsSchema = z.object({
  assignments: z.number().int(),
  lead: z.number().int(),
  coordinating: z.number().int(),
  late: z.number().int(),
  overdue: z.number().int(),
  extendedAfterDue: z.number().int(),
  returned: z.number().int(),
  recordedLate: z.number().int(),
});

/** One agency's review of one year. */
export const agencyReviewSchema = z.object({
  agencyId: z.string(),
  counts: annualReviewCountsSchema,
  /** The official block's rates, each naming what it divides (the summary's five, then the review's three). */
  rates: z.array(rateSchema),
  /** Every assignment of the year, lead and coordinating. */
  assignments: z.array(annualReviewAssignmentSchema),
  /** The assignments with at least one flag, each with its timeline. */
  flagged: z.array(annualReviewFlaggedSchema),
});
export type AgencyReview = z.infer<typeof agencyReviewSchema>;

const annualReviewHeader = {
  year: z.number().int(),
  from: z.string(),
  to: z.string(),
  /** The cut-off: every status is judged as of 31/12 of the year. */
  asOf: z.string(),
  ...knownAtEcho,
  ...checkpointsNamed,
  /** A monitoring officer's read: only the assignments of directives this agency monitors, and its own. Null: all. */
  monitoredBy: z.string().nullable(),
};

/** GET /api/v1/reports/annual-review: one review per agency, sorted by agency id (one when agencyId is given). */
export const annualReviewResponse = z.object({ ...annualReviewHeader, reviews: z.array(agencyReviewSchema) });
export type AnnualReviewResponse = z.infer<typeof annualReviewResponse>;

/** One line of the JSON lines export: an agency's review with the header of the answer. */
export const annualReviewLineSchema = agencyReviewSchema.extend(annualReviewHeader);
