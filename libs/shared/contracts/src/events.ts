import { z } from 'zod';

/** Kafka topics and the stream categories they carry (DESIGN.md §3 "Events"). */
export const TOPICS = {
  directives: 'monitoring.directives.v1',
  progress: 'monitoring.progress.v1',
} as const;

export const STREAM_PREFIX = {
  directive: 'directive-',
  assignment: 'assignment-',
} as const;

export const directiveStreamId = (directiveId: string) => `${STREAM_PREFIX.directive}${directiveId}`;
export const assignmentStreamId = (assignmentId: string) => `${STREAM_PREFIX.assignment}${assignmentId}`;

export function topicForStream(streamId: string): string {
  if (streamId.startsWith(STREAM_PREFIX.assignment)) return TOPICS.progress;
  return TOPICS.directives;
}

export const EVENT_TYPES = {
  directiveIssued: 'directive.issued',
  taskDeadlineChanged: 'directive.task-deadline-changed',
  taskCancelled: 'directive.task-cancelled',
  progressReported: 'assignment.progress-reported',
  completionReported: 'assignment.completion-reported',
  completionConfirmed: 'assignment.completion-confirmed',
  completionReturned: 'assignment.completion-returned',
} as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');
export const TASK_MODES = ['giao', 'yeu-cau', 'de-nghi'] as const;
export const ASSIGNMENT_ROLES = ['lead', 'coordinating'] as const;

export const taskSchema = z.object({
  number: z.string().min(1),
  text: z.string(),
  mode: z.enum(TASK_MODES),
  lead: z.array(z.string()),
  coordinating: z.array(z.string()),
  deadline: isoDate.nullable(),
  reportDuty: z.string().nullable().optional(),
});
export type Task = z.infer<typeof taskSchema>;

export const resolvedAssignmentSchema = z.object({
  id: z.string(),
  taskNumber: z.string(),
  agencyId: z.string(),
  role: z.enum(ASSIGNMENT_ROLES),
  /** The group the agency was reached through, or null when named directly. */
  viaGroup: z.string().nullable(),
});
export type ResolvedAssignment = z.infer<typeof resolvedAssignmentSchema>;

export const signerSchema = z.object({ name: z.string(), capacity: z.string().nullable().optional(), title: z.string() });

export const directiveIssuedV1 = z.object({
  directiveId: z.string(),
  number: z.string(),
  type: z.string(),
  issuer: z.string(),
  issuedOn: isoDate,
  subject: z.string(),
  legalBasis: z.array(z.string()),
  addressees: z.array(z.string()),
  signer: signerSchema,
  monitoringAgency: z.string(),
  /** The issuer's office, allowed to act for the issuing body. */
  issuerOffice: z.string().nullable(),
  registryVersion: z.string(),
  tasks: z.array(taskSchema),
  assignments: z.array(resolvedAssignmentSchema),
});
export type DirectiveIssued = z.infer<typeof directiveIssuedV1>;

export const taskDeadlineChangedV1 = z.object({
  directiveId: z.string(),
  taskNumber: z.string(),
  /** The task's assignments at the time, so consumers need no lookup. */
  assignmentIds: z.array(z.string()),
  previousDeadline: isoDate.nullable(),
  deadline: isoDate.nullable(),
  reason: z.string(),
  authorizingDocument: z.string(),
  changedOn: isoDate,
});
export type TaskDeadlineChanged = z.infer<typeof taskDeadlineChangedV1>;

export const taskCancelledV1 = z.object({
  directiveId: z.string(),
  taskNumber: z.string(),
  assignmentIds: z.array(z.string()),
  reason: z.string(),
  authorizingDocument: z.string().nullable(),
  cancelledOn: isoDate,
});
export type TaskCancelled = z.infer<typeof taskCancelledV1>;

const assignmentRef = {
  assignmentId: z.string(),
  directiveId: z.string(),
  taskNumber: z.string(),
  agencyId: z.string(),
};

export const progressReportedV1 = z.object({
  ...assignmentRef,
  reportedOn: isoDate,
  summary: z.string(),
  percent: z.number().min(0).max(100).nullable(),
  difficulties: z.string().nullable(),
  proposals: z.string().nullable(),
});
export type ProgressReported = z.infer<typeof progressReportedV1>;

export const completionReportedV1 = z.object({
  ...assignmentRef,
  completedOn: isoDate,
  summary: z.string(),
  evidence: z.string().nullable(),
});
export type CompletionReported = z.infer<typeof completionReportedV1>;

export const completionConfirmedV1 = z.object({
  ...assignmentRef,
  completedOn: isoDate,
  confirmedOn: isoDate,
});
export type CompletionConfirmed = z.infer<typeof completionConfirmedV1>;

export const completionReturnedV1 = z.object({
  ...assignmentRef,
  completedOn: isoDate,
  reason: z.string(),
  returnedOn: isoDate,
});
export type CompletionReturned = z.infer<typeof completionReturnedV1>;

/** Schema of each integration event's data, by type and schema version. */
export const EVENT_SCHEMAS: Record<string, Record<number, z.ZodTypeAny>> = {
  [EVENT_TYPES.directiveIssued]: { 1: directiveIssuedV1 },
  [EVENT_TYPES.taskDeadlineChanged]: { 1: taskDeadlineChangedV1 },
  [EVENT_TYPES.taskCancelled]: { 1: taskCancelledV1 },
  [EVENT_TYPES.progressReported]: { 1: progressReportedV1 },
  [EVENT_TYPES.completionReported]: { 1: completionReportedV1 },
  [EVENT_TYPES.completionConfirmed]: { 1: completionConfirmedV1 },
  [EVENT_TYPES.completionReturned]: { 1: completionReturnedV1 },
};

export type DirectiveEvent =
  | { type: typeof EVENT_TYPES.directiveIssued; data: DirectiveIssued }
  | { type: typeof EVENT_TYPES.taskDeadlineChanged; data: TaskDeadlineChanged }
  | { type: typeof EVENT_TYPES.taskCancelled; data: TaskCancelled };

export type AssignmentEvent =
  | { type: typeof EVENT_TYPES.progressReported; data: ProgressReported }
  | { type: typeof EVENT_TYPES.completionReported; data: CompletionReported }
  | { type: typeof EVENT_TYPES.completionConfirmed; data: CompletionConfirmed }
  | { type: typeof EVENT_TYPES.completionReturned; data: CompletionReturned };
