import { z } from 'zod';
import { attachmentRequest, attachmentSchema } from './attachments';
import { isoDateString, optionalText, storedDate, text } from './common';

/** The progress context's contract: an assignment's events (the progress topic) and the bodies of its commands. */

export const ASSIGNMENT_EVENT_TYPES = {
  progressReported: 'assignment.progress-reported',
  completionReported: 'assignment.completion-reported',
  completionConfirmed: 'assignment.completion-confirmed',
  completionReturned: 'assignment.completion-returned',
  completionReopened: 'assignment.completion-reopened',
} as const;

/** A paper report an agency sent, which a monitoring officer records on its behalf. */
export const incomingDocumentSchema = z.object({ number: z.string(), date: storedDate });
export type IncomingDocument = z.infer<typeof incomingDocumentSchema>;
/** Set when a monitoring officer recorded the report on the agency's behalf (absent before 0.2). */
const onBehalf = { incomingDocument: incomingDocumentSchema.nullable().optional() };
/** The file the report carries: its name, media type, size and SHA-256 (absent when it carries none, as on every event written before reports carried files). */
const withFile = { attachment: attachmentSchema.nullable().optional() };

const assignmentRef = {
  assignmentId: z.string(),
  directiveId: z.string(),
  taskNumber: z.string(),
  agencyId: z.string(),
};

export const progressReportedV1 = z.object({
  ...assignmentRef,
  reportedOn: storedDate,
  summary: z.string(),
  percent: z.number().min(0).max(100).nullable(),
  difficulties: z.string().nullable(),
  proposals: z.string().nullable(),
  ...onBehalf,
  ...withFile,
});
export type ProgressReported = z.infer<typeof progressReportedV1>;

/** The period a completion is for, on an assignment of a recurring task (absent on a one-off one). */
const forPeriod = { period: z.string().optional() };

export const completionReportedV1 = z.object({
  ...assignmentRef,
  ...forPeriod,
  completedOn: storedDate,
  summary: z.string(),
  evidence: z.string().nullable(),
  ...onBehalf,
  ...withFile,
});
export type CompletionReported = z.infer<typeof completionReportedV1>;

export const completionConfirmedV1 = z.object({
  ...assignmentRef,
  ...forPeriod,
  completedOn: storedDate,
  confirmedOn: storedDate,
});
export type CompletionConfirmed = z.infer<typeof completionConfirmedV1>;

export const completionReturnedV1 = z.object({
  ...assignmentRef,
  ...forPeriod,
  completedOn: storedDate,
  reason: z.string(),
  returnedOn: storedDate,
});
export type CompletionReturned = z.infer<typeof completionReturnedV1>;

/** The monitoring office reopens an accepted completion: from `reopenedOn` the assignment is not completed. */
export const completionReopenedV1 = z.object({
  ...assignmentRef,
  ...forPeriod,
  completedOn: storedDate,
  reason: z.string(),
  reopenedOn: storedDate,
});
export type CompletionReopened = z.infer<typeof completionReopenedV1>;

export type AssignmentEvent =
  | { type: typeof ASSIGNMENT_EVENT_TYPES.progressReported; data: ProgressReported }
  | { type: typeof ASSIGNMENT_EVENT_TYPES.completionReported; data: CompletionReported }
  | { type: typeof ASSIGNMENT_EVENT_TYPES.completionConfirmed; data: CompletionConfirmed }
  | { type: typeof ASSIGNMENT_EVENT_TYPES.completionReturned; data: CompletionReturned }
  | { type: typeof ASSIGNMENT_EVENT_TYPES.completionReopened; data: CompletionReopened };

/** The paper report a monitoring officer records on an agency's behalf: its number and date. */
const incomingDocumentRequest = z.object({ number: text(100), date: isoDateString }).optional();

export const progressRequest = z.object({
  reportedOn: isoDateString,
  summary: text(20_000),
  percent: z
    .number({ invalid_type_error: 'must be a number from 0 to 100' })
    .min(0, 'must be at least 0')
    .max(100, 'must be at most 100')
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  difficulties: optionalText(20_000),
  proposals: optionalText(20_000),
  incomingDocument: incomingDocumentRequest,
  /** A file the report carries (at most MAX_ATTACHMENT_BYTES), base64 in the body; its event records its SHA-256. */
  attachment: attachmentRequest.optional(),
});
export type ProgressRequest = z.infer<typeof progressRequest>;

/** The period of a recurring task's obligation: `2017`, `2017-Q2` or `2017-05`, by its rule. */
const periodRequest = z
  .string({ invalid_type_error: 'must be a period: YYYY, YYYY-Q1..Q4 or YYYY-MM' })
  .regex(/^\d{4}(-Q[1-4]|-\d{2})?$/, 'must be a period: YYYY, YYYY-Q1..Q4 or YYYY-MM')
  .optional();

export const completionRequest = z.object({
  period: periodRequest,
  completedOn: isoDateString,
  summary: text(20_000),
  evidence: optionalText(1_000),
  incomingDocument: incomingDocumentRequest,
  /** A file the report carries (at most MAX_ATTACHMENT_BYTES), base64 in the body; its event records its SHA-256. */
  attachment: attachmentRequest.optional(),
});

export const reopenRequest = z.object({ reason: text(2_000), reopenedOn: isoDateString.optional(), period: periodRequest });
export type CompletionRequest = z.infer<typeof completionRequest>;

export const confirmationRequest = z.discriminatedUnion(
  'accepted',
  [
    z.object({ accepted: z.literal(true), confirmedOn: isoDateString.optional(), period: periodRequest }),
    z.object({ accepted: z.literal(false), reason: text(2_000), returnedOn: isoDateString.optional(), period: periodRequest }),
  ],
  { errorMap: () => ({ message: 'accepted must be true or false' }) },
);
export type ConfirmationRequest = z.infer<typeof confirmationRequest>;

/** What a command on an assignment answers: the event it wrote (or wrote before, on a replay). */
export const writtenEventResponse = z.object({
  assignmentId: z.string(),
  eventId: z.string(),
  type: z.enum([
    ASSIGNMENT_EVENT_TYPES.progressReported,
    ASSIGNMENT_EVENT_TYPES.completionReported,
    ASSIGNMENT_EVENT_TYPES.completionConfirmed,
    ASSIGNMENT_EVENT_TYPES.completionReturned,
    ASSIGNMENT_EVENT_TYPES.completionReopened,
  ]),
  revision: z.number().int(),
  recordedAt: z.string(),
  data: z.record(z.unknown()),
});
