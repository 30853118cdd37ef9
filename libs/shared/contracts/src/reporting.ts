import { z } from 'zod';
import { isoDateString, text } from './common';
import { ASSIGNMENT_ROLES, directiveHeaderSchema, signerSchema, taskSchema } from './directives';
import { actorSchema } from './envelope-schema';

/**
 * The reporting context's contract: the queries of its read routes and what
 * they answer. The reporting domain's types are these schemas' types.
 */

export const CALENDARS = ['decree09', 'calendar'] as const;

/** The official status of an assignment (docs/domain.md, "Statuses, as of a business date T"): exactly one applies. */
export const OFFICIAL_STATUSES = ['completedOnTime', 'completedLate', 'inProgressWithinDeadline', 'overdue', 'noDeadline'] as const;
export type OfficialStatus = (typeof OFFICIAL_STATUSES)[number];

/** The stage of the assignment's life, beside its official status. */
export const LIFECYCLE_STAGES = [
  'notIssued',
  'notStarted',
  'inProgress',
  'awaitingConfirmation',
  'returned',
  'completed',
  'cancelled',
] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

export const summaryQuery = z.object({
  period: text(20),
  calendar: z.enum(CALENDARS).default('decree09'),
  agencyId: z.string().optional(),
  directiveId: z.string().optional(),
});

export const agenciesQuery = summaryQuery.omit({ agencyId: true });

export const assignmentsQuery = z.object({
  agencyId: z.string().optional(),
  directiveId: z.string().optional(),
  status: z.enum(OFFICIAL_STATUSES).optional(),
  asOf: isoDateString.optional(),
});

export const asOfQuery = z.object({ asOf: isoDateString.optional() });

// ---- what the read routes answer -------------------------------------------

export const assignmentStatusSchema = z.object({
  assignmentId: z.string(),
  directiveId: z.string(),
  taskNumber: z.string(),
  agencyId: z.string(),
  role: z.enum(ASSIGNMENT_ROLES),
  viaGroup: z.string().nullable(),
  issuedOn: z.string(),
  asOf: z.string(),
  status: z.enum(OFFICIAL_STATUSES),
  statusLabel: z.string(),
  /** Completed with no deadline: counted as on time, with its own sub-count. */
  completedWithoutDeadline: z.boolean(),
  lifecycle: z.enum(LIFECYCLE_STAGES),
  lifecycleLabel: z.string(),
  /** D: the deadline as last changed, or null. */
  deadline: z.string().nullable(),
  /** C, the accepted completion date, when C ≤ asOf; else null. */
  completedOn: z.string().nullable(),
  /** The latest progress report or reported completion dated ≤ asOf. */
  lastReportedOn: z.string().nullable(),
  /** The percent of the latest progress report dated ≤ asOf that gave one. */
  latestPercent: z.number().nullable(),
  /** No deadline, not completed, and nothing reported for more than 90 days (counted from issuedOn when nothing was). */
  staleNoReport: z.boolean(),
});
export type AssignmentStatus = z.infer<typeof assignmentStatusSchema>;

/** An assignment as every list and audit answer names it. */
export const assignmentRefSchema = z.object({
  id: z.string(),
  directiveId: z.string(),
  directiveNumber: z.string(),
  taskNumber: z.string(),
  agencyId: z.string(),
  role: z.enum(ASSIGNMENT_ROLES),
  viaGroup: z.string().nullable(),
});

export const assignmentRowSchema = assignmentRefSchema.extend({
  asOf: z.string(),
  status: z.enum(OFFICIAL_STATUSES),
  lifecycle: z.enum(LIFECYCLE_STAGES),
  state: assignmentStatusSchema,
});

export const assignmentsResponse = z.object({ asOf: z.string().optional(), assignments: z.array(assignmentRowSchema) });

export const stateResponse = assignmentRefSchema.merge(assignmentStatusSchema);

/** A rate that names what is divided by what. */
export const rateSchema = z.object({
  name: z.string(),
  label: z.string(),
  numerator: z.number().int(),
  denominator: z.number().int(),
  /** numerator ÷ denominator rounded to 4 decimals, or null when the denominator is 0. */
  value: z.number().nullable(),
});
export type Rate = z.infer<typeof rateSchema>;

/** Official counts of live assignments; the five statuses partition `total`. */
export const statusCountsSchema = z.object({
  completedOnTime: z.number().int(),
  completedLate: z.number().int(),
  inProgressWithinDeadline: z.number().int(),
  overdue: z.number().int(),
  noDeadline: z.number().int(),
  /** Sub-count of completedOnTime: completed tasks that had no deadline. */
  completedWithoutDeadline: z.number().int(),
  total: z.number().int(),
});
export type StatusCounts = z.infer<typeof statusCountsSchema>;

/** Lifecycle of the live assignments (the first five partition them), and the cancelled ones beside. */
export const lifecycleCountsSchema = z.object({
  notStarted: z.number().int(),
  inProgress: z.number().int(),
  awaitingConfirmation: z.number().int(),
  returned: z.number().int(),
  completed: z.number().int(),
  cancelled: z.number().int(),
});
export type LifecycleCounts = z.infer<typeof lifecycleCountsSchema>;

/** What happened within [from, to], by the business dates the facts carry. */
export const activityCountsSchema = z.object({
  /** Progress reports with reportedOn in the window. */
  progressReports: z.number().int(),
  /** Completions reported with completedOn in the window. */
  completionsReported: z.number().int(),
  /** Completions accepted with confirmedOn in the window. */
  confirmations: z.number().int(),
  /** Completions returned with returnedOn in the window. */
  returns: z.number().int(),
});
export type ActivityCounts = z.infer<typeof activityCountsSchema>;

export const summaryBlockSchema = z.object({
  counts: statusCountsSchema,
  lifecycle: lifecycleCountsSchema,
  rates: z.array(rateSchema),
  activity: activityCountsSchema,
});
export type SummaryBlock = z.infer<typeof summaryBlockSchema>;

const windowSchema = z.object({ period: z.string(), kind: z.string(), calendar: z.enum(CALENDARS), from: z.string(), to: z.string() });

export const summaryResponse = windowSchema.merge(summaryBlockSchema).extend({
  filter: z.object({ agencyId: z.string().optional(), directiveId: z.string().optional() }),
  /** Every status is evaluated as of the end of the window. */
  asOf: z.string(),
  coordinating: summaryBlockSchema,
});

export const scorecardSchema = summaryBlockSchema.extend({ agencyId: z.string() });
export const scorecardsResponse = windowSchema.extend({
  filter: z.object({ directiveId: z.string().optional() }),
  agencies: z.array(scorecardSchema),
});

export const timelineEntrySchema = z.object({
  type: z.string(),
  occurredAt: z.string(),
  recordedAt: z.string(),
  actor: actorSchema,
  data: z.record(z.unknown()),
  /** `d`: the directive's stream; `a`: the assignment's own. */
  source: z.enum(['d', 'a']),
  streamId: z.string(),
  revision: z.number().int(),
  eventId: z.string(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const timelineResponse = assignmentRefSchema.extend({ events: z.array(timelineEntrySchema) });

export const directiveListResponse = z.object({
  directives: z.array(
    directiveHeaderSchema.extend({
      taskCount: z.number().int(),
      assignmentCount: z.number().int(),
    }),
  ),
});

export const taskViewSchema = taskSchema.extend({
  cancelled: z.boolean(),
  cancelledOn: z.string().nullable(),
  deadlineChanges: z.array(
    z.object({
      from: z.string().nullable(),
      to: z.string().nullable(),
      reason: z.string(),
      authorizingDocument: z.string(),
      changedOn: z.string(),
    }),
  ),
});
export type TaskView = z.infer<typeof taskViewSchema>;

export const directiveResponse = directiveHeaderSchema.extend({
  directiveId: z.string(),
  legalBasis: z.array(z.string()),
  addressees: z.array(z.string()),
  signer: signerSchema,
  registryVersion: z.string(),
  assignmentCount: z.number().int(),
  asOf: z.string(),
  tasks: z.array(taskViewSchema),
  assignments: z.array(assignmentRowSchema),
});

export const rebuildStatusSchema = z.object({
  generation: z.number().int(),
  state: z.enum(['replaying', 'switched', 'failed']),
  startedAt: z.string(),
  lag: z.number().int().nullable(),
  switchedAt: z.string().optional(),
  error: z.string().optional(),
});
export type RebuildStatus = z.infer<typeof rebuildStatusSchema>;
export const rebuildResponse = z.object({ servedGeneration: z.number().int(), rebuild: rebuildStatusSchema.nullable() });
