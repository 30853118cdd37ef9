import { z } from 'zod';
import { agencyId, isoDateString, optionalText, storedDate, text } from './common';

/** The directive context's contract: its events (the directive topic) and the bodies of its commands. */

export const DIRECTIVE_EVENT_TYPES = {
  directiveIssued: 'directive.issued',
  taskDeadlineChanged: 'directive.task-deadline-changed',
  taskCancelled: 'directive.task-cancelled',
  taskAdded: 'directive.task-added',
  taskAgencyAdded: 'directive.task-agency-added',
  taskLeadChanged: 'directive.task-lead-changed',
  taskTextCorrected: 'directive.task-text-corrected',
  directiveSuperseded: 'directive.superseded',
  directiveRevoked: 'directive.revoked',
  assignmentsTransferred: 'directive.assignments-transferred',
  monitoringTransferred: 'directive.monitoring-transferred',
} as const;

/** How an assignment ends before it is done: its task or it alone cancelled (an agency removed, a lead replaced), or its directive superseded or revoked. */
export const CLOSURES = ['cancelled', 'superseded', 'revoked'] as const;
export type Closure = (typeof CLOSURES)[number];

export const TASK_MODES = ['giao', 'yeu-cau', 'de-nghi'] as const;
export const ASSIGNMENT_ROLES = ['lead', 'coordinating'] as const;
export type AssignmentRole = (typeof ASSIGNMENT_ROLES)[number];

/**
 * A recurring deadline (hằng năm, hằng quý, hằng tháng, or thường xuyên with
 * a periodic report duty): one obligation per period, due on `day` of the
 * due month (docs/domain.md, "Recurring tasks").
 */
export const recurrenceSchema = z.object({
  every: z.enum(['year', 'quarter', 'month']),
  day: z.number().int().min(1).max(31),
  /** A year's due month (default 12); a quarter's month within it, 1-3 (default 3). */
  month: z.number().int().min(1).max(12).optional(),
  /** Thường xuyên: ongoing work whose obligation each period is its report. */
  continuous: z.boolean().optional(),
  /** The directive's own words, e.g. "hằng năm, trước ngày 15/12". */
  phrase: z.string().nullable().optional(),
});
export type Recurrence = z.infer<typeof recurrenceSchema>;

export const taskSchema = z.object({
  number: z.string().min(1),
  text: z.string(),
  mode: z.enum(TASK_MODES),
  lead: z.array(z.string()),
  coordinating: z.array(z.string()),
  deadline: storedDate.nullable(),
  reportDuty: z.string().nullable().optional(),
  /** A recurring deadline instead of `deadline` (absent before 0.2). */
  recurrence: recurrenceSchema.nullable().optional(),
});
export type Task = z.infer<typeof taskSchema>;

export const resolvedAssignmentSchema = z.object({
  id: z.string(),
  taskNumber: z.string(),
  agencyId: z.string(),
  role: z.enum(ASSIGNMENT_ROLES),
  /** The group the agency was reached through, or null when named directly. */
  viaGroup: z.string().nullable(),
  /** This assignment's mode when it differs from its task's: a party body addressed by a state body is requested (đề nghị). */
  mode: z.enum(TASK_MODES).optional(),
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
  /** The legal bases that are recorded directives (absent before 0.3). */
  basedOn: z.array(z.object({ directiveId: z.string(), number: z.string(), issuer: z.string(), issuedOn: storedDate })).optional(),
  addressees: z.array(z.string()),
  signer: signerSchema,
  monitoringAgency: z.string(),
  /** The issuer's office, allowed to act for the issuing body. */
  issuerOffice: z.string().nullable(),
  registryVersion: z.string(),
  tasks: z.array(taskSchema),
  assignments: z.array(resolvedAssignmentSchema),
  /** The import draft it was issued from (docs/import.md; absent when typed in). */
  importDraftId: z.string().optional(),
});
export type DirectiveIssued = z.infer<typeof directiveIssuedV1>;

export const taskDeadlineChangedV1 = z.object({
  directiveId: z.string(),
  taskNumber: z.string(),
  /** The one agency whose assignment changes, or null (absent before 0.2) for the whole task. */
  agencyId: z.string().nullable().optional(),
  /** The assignments changed (the task's live ones, or the one agency's), so consumers need no lookup. */
  assignmentIds: z.array(z.string()),
  /** The deadline in force before the change (the task's, or the one agency's). */
  previousDeadline: storedDate.nullable(),
  deadline: storedDate.nullable(),
  reason: z.string(),
  authorizingDocument: z.string(),
  /** The business date the change takes effect on. */
  changedOn: storedDate,
  /** Decided after a deadline it replaces had passed (absent before 0.2). */
  extendedAfterDue: z.boolean().optional(),
});
export type TaskDeadlineChanged = z.infer<typeof taskDeadlineChangedV1>;

export const taskCancelledV1 = z.object({
  directiveId: z.string(),
  taskNumber: z.string(),
  /** The one agency whose assignment is cancelled (removed from the task), or null (absent before 0.2) for the whole task. */
  agencyId: z.string().nullable().optional(),
  assignmentIds: z.array(z.string()),
  reason: z.string(),
  authorizingDocument: z.string().nullable(),
  cancelledOn: storedDate,
});
export type TaskCancelled = z.infer<typeof taskCancelledV1>;

/** What every amendment after issue carries: why, on whose authority, from when. */
const amendment = {
  directiveId: z.string(),
  reason: z.string(),
  authorizingDocument: z.string(),
  /** The business date the amendment takes effect on. */
  effectiveOn: storedDate,
};

/** The directive as issued, on every event that starts assignments, so consumers need no lookup. */
export const directiveRefSchema = z.object({
  number: z.string(),
  issuer: z.string(),
  issuerOffice: z.string().nullable(),
  issuedOn: storedDate,
  monitoringAgency: z.string(),
});
export type DirectiveRef = z.infer<typeof directiveRefSchema>;

export const taskAddedV1 = z.object({
  ...amendment,
  directive: directiveRefSchema,
  task: taskSchema,
  assignments: z.array(resolvedAssignmentSchema),
});
export type TaskAdded = z.infer<typeof taskAddedV1>;

/** New assignments of an existing task, each starting with the deadline `deadline`. */
export const taskAgencyAddedV1 = z.object({
  ...amendment,
  directive: directiveRefSchema,
  taskNumber: z.string(),
  mode: z.enum(TASK_MODES),
  assignments: z.array(resolvedAssignmentSchema),
  deadline: storedDate.nullable(),
  recurrence: recurrenceSchema.nullable().optional(),
});
export type TaskAgencyAdded = z.infer<typeof taskAgencyAddedV1>;

/** The lead of a task replaced: the old lead assignments end (cancelled), new ones start. */
export const taskLeadChangedV1 = z.object({
  ...amendment,
  directive: directiveRefSchema,
  taskNumber: z.string(),
  mode: z.enum(TASK_MODES),
  previousLead: z.array(z.string()),
  lead: z.array(z.string()),
  endedAssignmentIds: z.array(z.string()),
  assignments: z.array(resolvedAssignmentSchema),
  deadline: storedDate.nullable(),
  recurrence: recurrenceSchema.nullable().optional(),
});
export type TaskLeadChanged = z.infer<typeof taskLeadChangedV1>;

export const taskTextCorrectedV1 = z.object({ ...amendment, taskNumber: z.string(), previousText: z.string(), text: z.string() });
export type TaskTextCorrected = z.infer<typeof taskTextCorrectedV1>;

/** The directive replaced by another: its open assignments close as superseded. */
export const directiveSupersededV1 = z.object({
  ...amendment,
  supersededBy: z.string(),
  supersededByNumber: z.string(),
  assignmentIds: z.array(z.string()),
});
export type DirectiveSuperseded = z.infer<typeof directiveSupersededV1>;

/** The directive revoked (thu hồi): its open assignments close as revoked. */
export const directiveRevokedV1 = z.object({ ...amendment, assignmentIds: z.array(z.string()) });
export type DirectiveRevoked = z.infer<typeof directiveRevokedV1>;

/** What a transfer carries: from which ended agency to which successor, from when, why. */
const transfer = {
  directiveId: z.string(),
  from: z.string(),
  to: z.string(),
  /** The first business date the successor holds what is moved. */
  transferredOn: storedDate,
  /** The day the successor took over the ended agency's duties (the day after its end): its own reports may be dated from then. */
  successorFrom: storedDate.optional(),
  reason: z.string(),
  authorizingDocument: z.string(),
};

/** The open assignments of an ended agency moved to its successor: the same assignments, held by the successor from `transferredOn`. */
export const assignmentsTransferredV1 = z.object({ ...transfer, assignmentIds: z.array(z.string()) });
export type AssignmentsTransferred = z.infer<typeof assignmentsTransferredV1>;

/** The directive's monitoring moved to the successor; `assignmentIds` are all the directive's assignments, so consumers need no lookup. */
export const monitoringTransferredV1 = z.object({ ...transfer, assignmentIds: z.array(z.string()) });
export type MonitoringTransferred = z.infer<typeof monitoringTransferredV1>;

export type DirectiveEvent =
  | { type: typeof DIRECTIVE_EVENT_TYPES.directiveIssued; data: DirectiveIssued }
  | { type: typeof DIRECTIVE_EVENT_TYPES.taskDeadlineChanged; data: TaskDeadlineChanged }
  | { type: typeof DIRECTIVE_EVENT_TYPES.taskCancelled; data: TaskCancelled }
  | { type: typeof DIRECTIVE_EVENT_TYPES.taskAdded; data: TaskAdded }
  | { type: typeof DIRECTIVE_EVENT_TYPES.taskAgencyAdded; data: TaskAgencyAdded }
  | { type: typeof DIRECTIVE_EVENT_TYPES.taskLeadChanged; data: TaskLeadChanged }
  | { type: typeof DIRECTIVE_EVENT_TYPES.taskTextCorrected; data: TaskTextCorrected }
  | { type: typeof DIRECTIVE_EVENT_TYPES.directiveSuperseded; data: DirectiveSuperseded }
  | { type: typeof DIRECTIVE_EVENT_TYPES.directiveRevoked; data: DirectiveRevoked }
  | { type: typeof DIRECTIVE_EVENT_TYPES.assignmentsTransferred; data: AssignmentsTransferred }
  | { type: typeof DIRECTIVE_EVENT_TYPES.monitoringTransferred; data: MonitoringTransferred };

export const recurrenceRequest = z
  .object({
    every: z.enum(['year', 'quarter', 'month'], { errorMap: () => ({ message: 'must be one of year, quarter, month' }) }),
    day: z.number({ invalid_type_error: 'must be a day 1-31' }).int().min(1).max(31),
    month: z.number({ invalid_type_error: 'must be a month 1-12' }).int().min(1).max(12).optional(),
    continuous: z.boolean().optional(),
    phrase: optionalText(300),
  })
  .refine((r) => r.every !== 'quarter' || r.month === undefined || r.month <= 3, {
    message: "a quarter's due month is 1, 2 or 3 (its last month by default)",
    path: ['month'],
  });

export const taskRequest = z
  .object({
    number: text(20),
    text: text(20_000),
    mode: z.enum(TASK_MODES, { errorMap: () => ({ message: `must be one of ${TASK_MODES.join(', ')}` }) }),
    lead: z.array(agencyId).min(1, 'needs at least one lead agency or group').max(500),
    coordinating: z.array(agencyId).max(500).default([]),
    deadline: isoDateString.nullable(),
    reportDuty: optionalText(2_000),
    /** A recurring deadline (hằng năm, hằng quý, hằng tháng, thường xuyên) instead of a one-off one. */
    recurrence: recurrenceRequest.optional(),
  })
  .refine((t) => !t.recurrence || t.deadline === null, {
    message: 'a recurring task has its rule for a deadline: give deadline null',
    path: ['deadline'],
  });

export const issueDirectiveRequest = z.object({
  number: text(100),
  type: text(40),
  issuer: agencyId,
  issuedOn: isoDateString,
  subject: text(2_000),
  /** Each basis as text, or linked to a recorded directive (its id, with the text as cited). */
  legalBasis: z
    .array(
      z.union(
        [
          text(1_000),
          z
            .object({
              /** The basis as cited; the linked directive's number when left out. */
              text: text(1_000).optional(),
              directiveId: z
                .string({ required_error: 'is required' })
                .uuid('must be the id of a directive')
                .transform((id) => id.toLowerCase()),
            })
            .strict(),
        ],
        { errorMap: () => ({ message: 'must be a text, or { directiveId, text? } linking a recorded directive' }) },
      ),
    )
    .max(100)
    .default([]),
  /** Recorded directives this one rests on, besides (or instead of) linking them in `legalBasis`. */
  basedOn: z
    .array(
      z
        .string()
        .uuid('must be the id of a directive')
        .transform((id) => id.toLowerCase()),
    )
    .max(100)
    .optional(),
  addressees: z.array(agencyId).max(500).default([]),
  signer: z.object({ name: text(200), capacity: optionalText(100), title: text(200) }),
  monitoringAgency: agencyId,
  tasks: z.array(taskRequest).min(1, 'needs at least one task').max(500),
  /** The import draft this directive is issued from (docs/import.md): its stream records the issue and how the request differs from it. */
  importDraftId: z
    .string({ invalid_type_error: 'must be the id of an import draft' })
    .uuid('must be the id of an import draft')
    .transform((id) => id.toLowerCase())
    .optional(),
});
export type IssueDirectiveRequest = z.infer<typeof issueDirectiveRequest>;

export const changeDeadlineRequest = z.object({
  deadline: isoDateString.nullable(),
  reason: text(2_000),
  authorizingDocument: text(300),
  changedOn: isoDateString.optional(),
  /** Change one agency's assignment only. */
  agencyId: agencyId.optional(),
});
export type ChangeDeadlineRequest = z.infer<typeof changeDeadlineRequest>;

export const cancelTaskRequest = z.object({
  reason: text(2_000),
  authorizingDocument: optionalText(300),
  cancelledOn: isoDateString.optional(),
  /** Cancel one agency's assignment only (remove the agency from the task). */
  agencyId: agencyId.optional(),
});

/** Every amendment's body: why, on whose authority, and from when (default today). */
const amendmentRequest = { reason: text(2_000), authorizingDocument: text(300), effectiveOn: isoDateString.optional() };

export const addTaskRequest = taskRequest.and(z.object(amendmentRequest));
export const addAgencyRequest = z.object({
  agencyId,
  role: z.enum(ASSIGNMENT_ROLES, { errorMap: () => ({ message: `must be one of ${ASSIGNMENT_ROLES.join(', ')}` }) }).default('lead'),
  ...amendmentRequest,
});
export const changeLeadRequest = z.object({
  lead: z.array(agencyId).min(1, 'needs at least one lead agency or group'),
  ...amendmentRequest,
});
export const correctTextRequest = z.object({ text: text(20_000), ...amendmentRequest });
export const supersedeRequest = z.object({
  supersededBy: z.string({ required_error: 'is required' }).uuid('must be the id of a directive'),
  ...amendmentRequest,
});
export const revokeRequest = z.object(amendmentRequest);
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
  /** The import draft it was issued from, when it was. */
  importDraftId: z.string().optional(),
});

export const deadlineChangedResponse = taskDeadlineChangedV1.extend({ eventId: z.string() });
export const taskCancelledResponse = taskCancelledV1.extend({ eventId: z.string() });
/** What an amendment answers: the event it wrote, its type and data. */
export const amendmentResponse = z.object({ eventId: z.string(), type: z.string(), data: z.record(z.unknown()) });
