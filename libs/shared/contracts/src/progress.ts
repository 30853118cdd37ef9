import { z } from 'zod';
import { isoDateString, optionalText, storedDate, text } from './common';

/** The progress context's contract: an assignment's events (the progress topic) and the bodies of its commands. */

export const ASSIGNMENT_EVENT_TYPES = {
  progressReported: 'assignment.progress-reported',
  completionReported: 'assignment.completion-reported',
  completionConfirmed: 'assignment.completion-confirmed',
  completionReturned: 'assignment.completion-returned',
} as const;

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
});
export type ProgressReported = z.infer<typeof progressReportedV1>;

export const completionReportedV1 = z.object({
  ...assignmentRef,
  completedOn: storedDate,
  summary: z.string(),
  evidence: z.string().nullable(),
});
export type CompletionReported = z.infer<typeof completionReportedV1>;

export const completionConfirmedV1 = z.object({
  ...assignmentRef,
  completedOn: storedDate,
  confirmedOn: storedDate,
});
export type CompletionConfirmed = z.infer<typeof completionConfirmedV1>;

export const completionReturnedV1 = z.object({
  ...assignmentRef,
  completedOn: storedDate,
  reason: z.string(),
  returnedOn: storedDate,
});
export type CompletionReturned = z.infer<typeof completionReturnedV1>;

export type AssignmentEvent =
  | { type: typeof ASSIGNMENT_EVENT_TYPES.progressReported; data: ProgressReported }
  | { type: typeof ASSIGNMENT_EVENT_TYPES.completionReported; data: CompletionReported }
  | { type: typeof ASSIGNMENT_EVENT_TYPES.completionConfirmed; data: CompletionConfirmed }
  | { type: typeof ASSIGNMENT_EVENT_TYPES.completionReturned; data: CompletionReturned };

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
});
export type ProgressRequest = z.infer<typeof progressRequest>;

export const completionRequest = z.object({
  completedOn: isoDateString,
  summary: text(20_000),
  evidence: optionalText(1_000),
});
export type CompletionRequest = z.infer<typeof completionRequest>;

export const confirmationRequest = z.discriminatedUnion(
  'accepted',
  [
    z.object({ accepted: z.literal(true), confirmedOn: isoDateString.optional() }),
    z.object({ accepted: z.literal(false), reason: text(2_000), returnedOn: isoDateString.optional() }),
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
  ]),
  revision: z.number().int(),
  recordedAt: z.string(),
  data: z.record(z.unknown()),
});
