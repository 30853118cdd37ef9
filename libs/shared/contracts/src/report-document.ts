import { z } from 'zod';
import { ASSIGNMENT_ROLES, signerSchema, TASK_MODES } from './directives';
import {
  CALENDARS,
  checkpointRefSchema,
  coordinatingBlockSchema,
  LIFECYCLE_STAGES,
  OFFICIAL_STATUSES,
  rateSchema,
  statusCountsSchema,
  summaryBlockSchema,
} from './reporting';

/**
 * A period's report as issued: everything its exports (xlsx, csv, pdf) and
 * its readers show, frozen at the record time and checkpoints it was
 * computed at (docs/reporting.md, "Issued reports"). Agencies and groups are
 * named as the registry named them at the period's end.
 */

/** The heading block of an administrative report (Decree 30/2020/NĐ-CP, Appendix I). */
export const reportHeadingSchema = z.object({
  /** The body above the issuer, upper case in the layout (e.g. "UBND TỈNH THANH HÓA"); null for none. */
  parentBody: z.string().nullable(),
  /** The issuing body (e.g. "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"). */
  issuingBody: z.string(),
  /** Number and symbol (e.g. "15/BC-SLĐTBXH"). */
  number: z.string(),
  /** Place of issue (e.g. "Thanh Hóa"). */
  place: z.string(),
  /** Date of issue, YYYY-MM-DD (shown "Thanh Hóa, ngày 05 tháng 4 năm 2017"). */
  date: z.string(),
  /** The report's title line below "BÁO CÁO". */
  title: z.string(),
  /** Nơi nhận. */
  recipients: z.array(z.string()),
  signer: signerSchema.nullable(),
});
export type ReportHeading = z.infer<typeof reportHeadingSchema>;

export const reportDirectiveSchema = z.object({
  directiveId: z.string(),
  number: z.string(),
  subject: z.string(),
  issuer: z.string(),
  issuedOn: z.string(),
});

/** The period and its cut-off dates (`from`..`to`, both inclusive); statuses are as of `to`. */
export const reportPeriodSchema = z.object({
  period: z.string(),
  kind: z.string(),
  calendar: z.enum(CALENDARS),
  from: z.string(),
  to: z.string(),
});

/** One block of counts, named: the province, a group, an agency. */
export const rollupRowSchema = summaryBlockSchema.extend({
  /** `province`, a group's id, or an agency's id. */
  id: z.string(),
  name: z.string(),
  /** Agencies counted in the row (1 for an agency's own). */
  agencies: z.number().int(),
  requests: summaryBlockSchema,
});
export type RollupRow = z.infer<typeof rollupRowSchema>;

/** An assignment listed by name (late and overdue, requests). */
export const reportAssignmentRowSchema = z.object({
  assignmentId: z.string(),
  directiveNumber: z.string(),
  taskNumber: z.string(),
  taskText: z.string(),
  mode: z.enum(TASK_MODES),
  role: z.enum(ASSIGNMENT_ROLES),
  agencyId: z.string(),
  agencyName: z.string(),
  status: z.enum(OFFICIAL_STATUSES).nullable(),
  statusLabel: z.string().nullable(),
  lifecycle: z.enum(LIFECYCLE_STAGES),
  deadline: z.string().nullable(),
  completedOn: z.string().nullable(),
  /** Days past the deadline: to the completion (completed late) or to the period's end (overdue); 0 otherwise. */
  daysLate: z.number().int(),
  latestPercent: z.number().nullable(),
});
export type ReportAssignmentRow = z.infer<typeof reportAssignmentRowSchema>;

/** An agency's periodic report duties in the period (docs/reporting.md, "Periodic reports"). */
export const submissionRowSchema = z.object({
  agencyId: z.string(),
  agencyName: z.string(),
  due: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  missing: z.number().int(),
  /** Not yet due at the period's end. */
  pending: z.number().int(),
  completeness: rateSchema,
  timeliness: rateSchema,
});
export type SubmissionRow = z.infer<typeof submissionRowSchema>;

export const reportContentSchema = z.object({
  heading: reportHeadingSchema,
  /** The directive reported on, or null for every directive in scope (province-wide). */
  directive: reportDirectiveSchema.nullable(),
  period: reportPeriodSchema,
  /** Every status is evaluated as of this date (the period's end). */
  asOf: z.string(),
  /** The record time the figures were computed at (UTC). */
  knownAt: z.string(),
  checkpoints: z.array(checkpointRefSchema),
  /** The official block of the whole scope. */
  summary: summaryBlockSchema,
  requests: summaryBlockSchema,
  coordinating: coordinatingBlockSchema,
  /** One row per agency holding a lead assignment, by name. */
  scorecards: z.array(rollupRowSchema),
  /** One row per registry group with members holding assignments, then the province. */
  groups: z.array(rollupRowSchema),
  province: rollupRowSchema,
  /** Lead assignments completed late or overdue at the period's end (official and requests). */
  lateAndOverdue: z.array(reportAssignmentRowSchema),
  /** Lead assignments of requests (đề nghị), whatever their status. */
  requestRows: z.array(reportAssignmentRowSchema),
  /** Periodic report duties, one row per reporting agency. */
  submissions: z.array(submissionRowSchema),
});
export type ReportContent = z.infer<typeof reportContentSchema>;

export type StatusCountsOf = z.infer<typeof statusCountsSchema>;
