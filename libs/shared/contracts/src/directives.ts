import { z } from 'zod';
import { agencyId, isoDateString, optionalText, storedDate, text } from './common';

/** The directive context's contract: its events (the directive topic) and the bodies of its commands. */

export const DIRECTIVE_EVENT_TYPES = {
  directiveIssued: 'directive.issued',
  taskDeadlineChanged: 'directive.task-deadline-changed',
  taskCancelled: 'directive.task-cancelled',
} as const;

export const TASK_MODES = ['giao', 'yeu-cau', 'de-nghi'] as const;
export const ASSIGNMENT_ROLES = ['lead', 'coordinating'] as const;
export type AssignmentRole = (typeof ASSIGNMENT_ROLES)[number];

export const taskSchema = z.object({
  number: z.string().min(1),
  text: z.string(),
  mode: z.enum(TASK_MODES),
  lead: z.array(z.string()),
  coordinating: z.array(z.string()),
  deadline: storedDate.nullable(),
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
  issuedOn: storedDate,
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
  previousDeadline: storedDate.nullable(),
  deadline: storedDate.nullable(),
  reason: z.string(),
  authorizingDocument: z.string(),
  changedOn: storedDate,
});
export type TaskDeadlineChanged = z.infer<typeof taskDeadlineChangedV1>;

export const taskCancelledV1 = z.object({
  directiveId: z.string(),
  taskNumber: z.string(),
  assignmentIds: z.array(z.string()),
  reason: z.string(),
  authorizingDocument: z.string().nullable(),
  cancelledOn: storedDate,
});
export type TaskCancelled = z.infer<typeof taskCancelledV1>;

export type DirectiveEvent =
  | { type: typeof DIRECTIVE_EVENT_TYPES.directiveIssued; data: DirectiveIssued }
  | { type: typeof DIRECTIVE_EVENT_TYPES.taskDeadlineChanged; data: TaskDeadlineChanged }
  | { type: typeof DIRECTIVE_EVENT_TYPES.taskCancelled; data: TaskCancelled };

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

// ---- what the directive routes answer ---------------------------------------

/** A directive's header as issued: what every answer about a directive names. */
export const directiveHeaderSchema = z.object({
  id: z.string(),
  number: z.string(),
  type: z.string(),
  issuer: z.string(),
  issuedOn: z.string(),
  subject: z.string(),
  monitoringAgency: z.string(),
});

export const issuedDirectiveResponse = directiveHeaderSchema.extend({
  registryVersion: z.string(),
  tasks: z.array(taskSchema),
  assignments: z.array(resolvedAssignmentSchema),
});

export const deadlineChangedResponse = taskDeadlineChangedV1.extend({ eventId: z.string() });
export const taskCancelledResponse = taskCancelledV1.extend({ eventId: z.string() });

const dated = { validFrom: z.string(), validTo: z.string().nullable() };
export const registryResponse = z.object({
  version: z.string(),
  agencies: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.string(),
      parent: z.string().nullable(),
      groups: z.array(z.string()),
      aliases: z.array(z.string()),
      ...dated,
    }),
  ),
  groups: z.array(z.object({ id: z.string(), name: z.string(), ...dated })),
});
export const groupResponse = z.object({
  id: z.string(),
  name: z.string(),
  asOf: z.string(),
  members: z.array(
    z.object({ id: z.string(), name: z.string(), kind: z.string(), parent: z.string().nullable(), groups: z.array(z.string()) }),
  ),
});
