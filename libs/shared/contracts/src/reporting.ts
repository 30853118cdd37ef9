import { z } from 'zod';
import { keyText, nextField, pageFields } from './pages';
import { agencyId, isoDateString, text } from './common';
import { ASSIGNMENT_ROLES, CLOSURES, directiveHeaderSchema, recurrenceSchema, signerSchema, TASK_MODES, taskSchema } from './directives';
import { actorSchema } from './envelope-schema';

/**
 * The reporting context's contract: the queries of its read routes and what
 * they answer. The reporting domain's types are these schemas' types.
 */

export const CALENDARS = ['decree09', 'calendar'] as const;

/** The official status of an assignment (docs/domain.md, "Statuses"): at most one applies; none to a coordinating or closed assignment. */
export const OFFICIAL_STATUSES = ['completedOnTime', 'completedLate', 'inProgressWithinDeadline', 'overdue', 'noDeadline'] as const;
export type OfficialStatus = (typeof OFFICIAL_STATUSES)[number];

/** The stage of the assignment's life, beside its official status. */
export const LIFECYCLE_STAGES = ['notStarted', 'inProgress', 'awaitingConfirmation', 'returned', 'completed', ...CLOSURES] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

const INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const INSTANT_MESSAGE = 'must be an ISO 8601 instant (2017-04-05T10:00:00Z, or with an offset such as +07:00) or a date YYYY-MM-DD';

/**
 * The instant a record time names, in UTC with milliseconds, or null: an
 * ISO 8601 instant with `Z` or an offset (digits past the millisecond are
 * dropped), or a date `YYYY-MM-DD`, the end of that day in Asia/Ho_Chi_Minh
 * (23:59:59.999+07:00).
 */
export function parseRecordInstant(value: string): string | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value))
    return isoDateString.safeParse(value).success ? new Date(`${value}T23:59:59.999+07:00`).toISOString() : null;
  const m = INSTANT.exec(value);
  if (!m) return null;
  const [, date, hh, mm, ss = '00', fraction = '', offset] = m;
  if (!isoDateString.safeParse(date).success || +hh > 23 || +mm > 59 || +ss > 59) return null;
  if (offset !== 'Z' && (+offset.slice(1, 3) > 23 || +offset.slice(4) > 59)) return null;
  const t = Date.parse(`${date}T${hh}:${mm}:${ss}.${fraction.slice(1, 4).padEnd(3, '0')}${offset}`);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/** A record time (docs/domain.md, "As known at a time"), normalised to a UTC instant. */
export const recordInstant = z.string({ invalid_type_error: INSTANT_MESSAGE }).transform((value, ctx) => {
  const instant = parseRecordInstant(value);
  if (instant === null) ctx.addIssue({ code: z.ZodIssueCode.custom, message: INSTANT_MESSAGE });
  return instant ?? z.NEVER;
});

/** `knownAt`: answer from the events recorded by then only. */
export const knownAtQuery = z.object({ knownAt: recordInstant.optional() });

export const summaryQuery = z.object({
  period: text(20),
  calendar: z.enum(CALENDARS).default('decree09'),
  agencyId: agencyId.optional(),
  directiveId: z.string().optional(),
  knownAt: recordInstant.optional(),
});

export const agenciesQuery = summaryQuery.omit({ agencyId: true });

export const assignmentsQuery = z.object({
  agencyId: agencyId.optional(),
  directiveId: z.string().optional(),
  status: z.enum(OFFICIAL_STATUSES).optional(),
  /** Closed stages (cancelled, superseded, revoked) are listed only when asked for here. */
  lifecycle: z.enum(LIFECYCLE_STAGES).optional(),
  /** Coordinating assignments are listed only when asked for. */
  role: z.enum(ASSIGNMENT_ROLES).default('lead'),
  asOf: isoDateString.optional(),
  knownAt: recordInstant.optional(),
});

export const directiveQuery = assignmentsQuery.pick({ asOf: true, role: true, knownAt: true });

export const asOfQuery = z.object({ asOf: isoDateString.optional() });

/** GET /api/v1/directives: as known at a record time, a page after [issuedOn, id]. */
export const directivesQuery = knownAtQuery.extend(pageFields(z.tuple([keyText, keyText])));

/** GET /api/v1/assignments: the filters, and a page after [directiveId, taskNumber, agencyId, id]. */
export const assignmentsListQuery = assignmentsQuery.extend(pageFields(z.tuple([keyText, keyText, keyText, keyText])));

/** GET /api/v1/reports/agencies: a page of scorecards after [agencyId]. */
export const scorecardsQuery = agenciesQuery.extend(pageFields(z.tuple([keyText])));

/** GET /api/v1/agencies: as of a date, a page of agencies then groups, each in the registry's order: after [0 or 1, position]. */
export const registryListQuery = asOfQuery.extend(
  pageFields(z.tuple([z.union([z.literal(0), z.literal(1)]), z.number().int().min(0).max(10_000_000)])),
);

/** An assignment's state: as of a business date, as known at a record time. */
export const stateQuery = asOfQuery.merge(knownAtQuery);

/** Every read answer of the reporting context echoes its record time: normalised to UTC, or null when not asked. */
export const knownAtEcho = { knownAt: z.string().nullable() };

// ---- what the read routes answer -------------------------------------------

/** One period's obligation of a recurring task, judged as of the same date. */
export const obligationStatusSchema = z.object({
  period: z.string(),
  dueOn: z.string(),
  status: z.enum(OFFICIAL_STATUSES),
  statusLabel: z.string(),
  lifecycle: z.enum(LIFECYCLE_STAGES),
  completedOn: z.string().nullable(),
});
export type ObligationStatus = z.infer<typeof obligationStatusSchema>;

export const assignmentStatusSchema = z.object({
  assignmentId: z.string(),
  directiveId: z.string(),
  taskNumber: z.string(),
  agencyId: z.string(),
  role: z.enum(ASSIGNMENT_ROLES),
  mode: z.enum(TASK_MODES),
  viaGroup: z.string().nullable(),
  issuedOn: z.string(),
  /** The business date the assignment started: the issue date, or the amendment's that added it. */
  assignedOn: z.string(),
  asOf: z.string(),
  /** Null for a coordinating assignment, and for one closed (cancelled, superseded, revoked) by asOf. */
  status: z.enum(OFFICIAL_STATUSES).nullable(),
  statusLabel: z.string().nullable(),
  /** Completed with no deadline: counted as on time, with its own sub-count. */
  completedWithoutDeadline: z.boolean(),
  lifecycle: z.enum(LIFECYCLE_STAGES),
  lifecycleLabel: z.string(),
  /** The deadline in force on asOf, or null. */
  deadline: z.string().nullable(),
  /** The deadline in force on the completion date, which judged it; null when not completed. */
  deadlineAtCompletion: z.string().nullable(),
  /** A deadline change effective by asOf was decided after the deadline it replaced had passed. */
  extendedAfterDue: z.boolean(),
  /** The date the assignment closed (cancelled, superseded, revoked), when by asOf. */
  closedOn: z.string().nullable(),
  /** C, the accepted completion date, when C ≤ asOf and not reopened by asOf; else null. */
  completedOn: z.string().nullable(),
  /** The latest progress report or reported completion dated ≤ asOf. */
  lastReportedOn: z.string().nullable(),
  /** The percent of the latest progress report dated ≤ asOf that gave one. */
  latestPercent: z.number().nullable(),
  /** No deadline, not completed, and nothing reported for more than 90 days (counted from issuedOn when nothing was). */
  staleNoReport: z.boolean(),
  /** Reports dated ≤ asOf that were recorded more than the allowed working days after their date. */
  recordedLateReports: z.number().int(),
  /** The task's recurring deadline, or null for a one-off one. */
  recurrence: recurrenceSchema.nullable(),
  /**
   * A recurring task's obligations begun by asOf, oldest first; the status
   * above is the first overdue one's, else the latest's. Empty for a one-off task.
   */
  obligations: z.array(obligationStatusSchema),
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
  status: z.enum(OFFICIAL_STATUSES).nullable(),
  lifecycle: z.enum(LIFECYCLE_STAGES),
  state: assignmentStatusSchema,
});

export const assignmentsResponse = z.object({
  asOf: z.string().optional(),
  ...knownAtEcho,
  assignments: z.array(assignmentRowSchema),
  ...nextField,
});

export const stateResponse = assignmentRefSchema.merge(assignmentStatusSchema).extend(knownAtEcho);

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
  /** Sub-count of total: a deadline change was decided after the deadline it replaced had passed. */
  extendedAfterDue: z.number().int(),
  total: z.number().int(),
});
export type StatusCounts = z.infer<typeof statusCountsSchema>;

/** Lifecycle of the live assignments (the first five partition them), and the closed ones beside. */
export const lifecycleCountsSchema = z.object({
  notStarted: z.number().int(),
  inProgress: z.number().int(),
  awaitingConfirmation: z.number().int(),
  returned: z.number().int(),
  completed: z.number().int(),
  cancelled: z.number().int(),
  superseded: z.number().int(),
  revoked: z.number().int(),
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
  /** Accepted completions reopened with reopenedOn in the window. */
  reopenings: z.number().int(),
  /** Reports (progress, completion) dated in the window and recorded more than the allowed working days after their date. */
  recordedLate: z.number().int(),
});
export type ActivityCounts = z.infer<typeof activityCountsSchema>;

/** A block of assignments: `assigned` (started by the end) = counts.total (live) + the closed ones in `lifecycle`. */
export const summaryBlockSchema = z.object({
  assigned: z.number().int(),
  counts: statusCountsSchema,
  /** counts split: assigned before the window (tồn đọng, carried over) and within it; the two add up to counts. */
  carriedOver: statusCountsSchema,
  assignedInWindow: statusCountsSchema,
  lifecycle: lifecycleCountsSchema,
  rates: z.array(rateSchema),
  activity: activityCountsSchema,
});
export type SummaryBlock = z.infer<typeof summaryBlockSchema>;

/** Coordinating assignments carry no official status: only how many, their stages and their activity. */
export const coordinatingBlockSchema = z.object({
  assigned: z.number().int(),
  total: z.number().int(),
  lifecycle: lifecycleCountsSchema,
  activity: activityCountsSchema,
});
export type CoordinatingBlock = z.infer<typeof coordinatingBlockSchema>;

const windowSchema = z.object({ period: z.string(), kind: z.string(), calendar: z.enum(CALENDARS), from: z.string(), to: z.string() });

/** A signed checkpoint a report names: the latest of each store at or before its knownAt (now, without one); docs/audit.md, "Checkpoints". */
export const checkpointRefSchema = z.object({
  store: z.string(),
  treeSize: z.number().int(),
  rootHash: z.string(),
  time: z.string(),
  keyId: z.string(),
});
export type CheckpointRef = z.infer<typeof checkpointRefSchema>;
export const checkpointsNamed = { checkpoints: z.array(checkpointRefSchema) };

export const summaryResponse = windowSchema.merge(summaryBlockSchema).extend({
  filter: z.object({ agencyId: z.string().optional(), directiveId: z.string().optional() }),
  /** Every status is evaluated as of the end of the window. */
  asOf: z.string(),
  ...knownAtEcho,
  ...checkpointsNamed,
  /** Requests (đề nghị) to bodies outside the issuer's authority: tracked, outside the official counts and rates. */
  requests: summaryBlockSchema,
  coordinating: coordinatingBlockSchema,
});

export const scorecardSchema = summaryBlockSchema.extend({ agencyId: z.string(), requests: summaryBlockSchema });
export const scorecardsResponse = windowSchema.extend({
  filter: z.object({ directiveId: z.string().optional() }),
  ...knownAtEcho,
  ...checkpointsNamed,
  agencies: z.array(scorecardSchema),
  ...nextField,
});

export const timelineEntrySchema = z.object({
  type: z.string(),
  occurredAt: z.string(),
  recordedAt: z.string(),
  actor: actorSchema,
  data: z.record(z.unknown()),
  /** `d`: the directive's stream; `a`: the assignment's own; `r`: a reminder of the reporting store. */
  source: z.enum(['d', 'a', 'r']),
  streamId: z.string(),
  revision: z.number().int(),
  eventId: z.string(),
  /** A report recorded more than the allowed working days after its business date. */
  recordedLate: z.boolean().optional(),
  /** The agency a monitoring officer recorded this report for (from its paper report). */
  onBehalfOf: z.string().optional(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const timelineResponse = assignmentRefSchema.extend({ ...knownAtEcho, events: z.array(timelineEntrySchema) });

/** A task's timeline: its assignments' events, each of its own events naming the assignment, agency and role. */
export const taskTimelineResponse = z.object({
  directiveId: z.string(),
  taskNumber: z.string(),
  ...knownAtEcho,
  events: z.array(
    timelineEntrySchema.extend({
      assignmentId: z.string().nullable(),
      agencyId: z.string().nullable(),
      role: z.enum(ASSIGNMENT_ROLES).nullable(),
    }),
  ),
});

export const directiveListResponse = z.object({
  ...knownAtEcho,
  directives: z.array(
    directiveHeaderSchema.extend({
      taskCount: z.number().int(),
      assignmentCount: z.number().int(),
    }),
  ),
  ...nextField,
});

export const taskViewSchema = taskSchema.extend({
  /** The date an amendment added the task, or null for a task issued with the directive. */
  addedOn: z.string().nullable(),
  cancelled: z.boolean(),
  cancelledOn: z.string().nullable(),
  /** Every amendment of the task, oldest first: added agencies, lead changes, text corrections, one-agency changes. */
  amendments: z.array(z.object({ type: z.string(), effectiveOn: z.string(), reason: z.string(), data: z.record(z.unknown()) })),
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
  /** The legal bases that are recorded directives. */
  basedOn: z.array(z.object({ directiveId: z.string(), number: z.string(), issuer: z.string(), issuedOn: z.string() })),
  addressees: z.array(z.string()),
  signer: signerSchema,
  registryVersion: z.string(),
  assignmentCount: z.number().int(),
  asOf: z.string(),
  ...knownAtEcho,
  /** Superseded or revoked by asOf, or null. */
  closed: z.object({ kind: z.enum(['superseded', 'revoked']), effectiveOn: z.string(), supersededBy: z.string().nullable() }).nullable(),
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
