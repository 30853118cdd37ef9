import { z } from 'zod';
import { TASK_MODES } from './events';

/** Request bodies and queries of API v1 (DESIGN.md §5); the OpenAPI document is built from these. */

const isRealDate = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};
export const isoDateString = z
  .string({ required_error: 'is required', invalid_type_error: 'must be a date YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine(isRealDate, 'is not a calendar date');
const text = (max: number) =>
  z.string({ required_error: 'is required', invalid_type_error: 'must be a string' }).trim().min(1, 'must not be empty').max(max);
const optionalText = (max: number) =>
  z.string({ invalid_type_error: 'must be a string' }).trim().max(max).nullable().optional().transform((v) => (v ? v : null));
const agencyId = z.string({ invalid_type_error: 'must be an agency or group id' }).regex(/^[a-z0-9][a-z0-9-]*$/, 'must be an agency or group id');

export const taskRequest = z.object({
  number: text(20),
  text: text(20_000),
  mode: z.enum(TASK_MODES, { errorMap: () => ({ message: `must be one of ${TASK_MODES.join(', ')}` }) }),
  lead: z.array(agencyId).min(1, 'needs at least one lead agency or group'),
  coordinating: z.array(agencyId).default([]),
  deadline: isoDateString.nullable(),
  reportDuty: optionalText(2_000),
});

export const issueDirectiveRequest = z.object({
  number: text(100),
  type: text(40),
  issuer: agencyId,
  issuedOn: isoDateString,
  subject: text(2_000),
  legalBasis: z.array(text(1_000)).default([]),
  addressees: z.array(agencyId).default([]),
  signer: z.object({ name: text(200), capacity: optionalText(100), title: text(200) }),
  monitoringAgency: agencyId,
  tasks: z.array(taskRequest).min(1, 'needs at least one task').max(500),
});
export type IssueDirectiveRequest = z.infer<typeof issueDirectiveRequest>;

export const changeDeadlineRequest = z.object({
  deadline: isoDateString.nullable(),
  reason: text(2_000),
  authorizingDocument: text(300),
  changedOn: isoDateString.optional(),
});
export type ChangeDeadlineRequest = z.infer<typeof changeDeadlineRequest>;

export const cancelTaskRequest = z.object({
  reason: text(2_000),
  authorizingDocument: optionalText(300),
  cancelledOn: isoDateString.optional(),
});
export type CancelTaskRequest = z.infer<typeof cancelTaskRequest>;

export const progressRequest = z.object({
  reportedOn: isoDateString,
  summary: text(20_000),
  percent: z.number({ invalid_type_error: 'must be a number from 0 to 100' }).min(0, 'must be at least 0').max(100, 'must be at most 100').nullable().optional().transform((v) => v ?? null),
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

export const CALENDARS = ['decree09', 'calendar'] as const;
export const summaryQuery = z.object({
  period: text(20),
  calendar: z.enum(CALENDARS).default('decree09'),
  agencyId: z.string().optional(),
  directiveId: z.string().optional(),
});

export const OFFICIAL_STATUSES = ['completedOnTime', 'completedLate', 'inProgressWithinDeadline', 'overdue', 'noDeadline'] as const;
export const assignmentsQuery = z.object({
  agencyId: z.string().optional(),
  directiveId: z.string().optional(),
  status: z.enum(OFFICIAL_STATUSES).optional(),
  asOf: isoDateString.optional(),
});

export const asOfQuery = z.object({ asOf: isoDateString.optional() });
