import { z } from 'zod';
import { nextField } from './pages';
import { actorSchema } from './envelope-schema';
import { rollupRowSchema, submissionRowSchema } from './report-document';
import { checkpointRefSchema, CALENDARS } from './reporting';
import {
  CALENDAR_ADJUSTMENT_KINDS,
  calendarAdjustedV1,
  periodicReportSubmittedV1,
  regimeSetV1,
  reminderDeliveryV1,
  reminderIssuedV1,
  reportIssuedV1,
} from './reporting-duties';

/** What the reporting context's routes answer (docs/reporting.md). */

const recorded = { eventId: z.string(), recordedAt: z.string(), actor: actorSchema };
const dayOff = z.object({ date: z.string(), reason: z.string(), name: z.string().nullable() });

export const calendarResponse = z.object({
  year: z.number().int(),
  daysOff: z.array(dayOff),
  makeUpDays: z.array(z.object({ date: z.string(), name: z.string().nullable() }).passthrough()),
  adjustments: z.array(calendarAdjustedV1),
});
export const calendarDayResponse = z.object({
  date: z.string(),
  working: z.boolean(),
  reason: z.string(),
  name: z.string().nullable(),
  nextWorkingDay: z.string(),
});
export const calendarAdjustedResponse = calendarAdjustedV1.extend({
  eventId: z.string(),
  recordedAt: z.string(),
  kind: z.enum(CALENDAR_ADJUSTMENT_KINDS),
});

/** A reporting event as written: its place and data. */
export const reportingWriteResponse = z.object({
  eventId: z.string(),
  type: z.string(),
  streamId: z.string(),
  revision: z.number().int(),
  recordedAt: z.string(),
  data: z.record(z.unknown()),
});

export const regimeResponse = regimeSetV1.extend({
  ...recorded,
  version: z.number().int(),
  schedule: z.array(
    z.object({
      dutyId: z.string(),
      periods: z.array(z.object({ period: z.string(), from: z.string(), cutOff: z.string(), dueOn: z.string() })),
    }),
  ),
});

export const submissionsResponse = z.object({
  submissions: z.array(periodicReportSubmittedV1.extend({ ...recorded, revision: z.number().int() })),
  ...nextField,
});

export const dutyInstanceSchema = z.object({
  directiveId: z.string(),
  dutyId: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  recipient: z.string(),
  period: z.string(),
  cutOff: z.string(),
  dueOn: z.string(),
  submittedOn: z.string().nullable(),
  outcome: z.enum(['onTime', 'late', 'missing', 'pending']),
});
export const complianceResponse = z.object({
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
  instances: z.array(dutyInstanceSchema),
  agencies: z.array(submissionRowSchema),
  ...nextField,
});

export const rollupResponse = z.object({
  period: z.string(),
  kind: z.string(),
  calendar: z.enum(CALENDARS),
  from: z.string(),
  to: z.string(),
  filter: z.object({ directiveId: z.string().optional() }),
  knownAt: z.string().nullable(),
  checkpoints: z.array(checkpointRefSchema),
  province: rollupRowSchema,
  groups: z.array(rollupRowSchema),
  agencies: z.array(rollupRowSchema),
});

const revisionMeta = z.object({
  revision: z.number().int(),
  reason: z.string().nullable(),
  recordedAt: z.string(),
  issuedBy: actorSchema,
  contentSha256: z.string(),
  number: z.string(),
  date: z.string(),
});

export const issueReportResponse = z.object({
  reportId: z.string(),
  revision: z.number().int(),
  reason: z.string().nullable(),
  contentSha256: z.string(),
  eventId: z.string(),
  recordedAt: z.string(),
  knownAt: z.string(),
  checkpoints: z.array(checkpointRefSchema),
});

export const issuedReportsResponse = z.object({
  reports: z.array(
    z.object({
      reportId: z.string(),
      directiveId: z.string().nullable(),
      period: z.string(),
      calendar: z.string(),
      revisions: z.array(revisionMeta),
      latest: revisionMeta,
    }),
  ),
  ...nextField,
});

/** A revision as its event holds it, with where and by whom it was recorded, and the report's revisions listed. */
export const issuedRevisionResponse = reportIssuedV1.extend({
  eventId: z.string(),
  recordedAt: z.string(),
  issuedBy: actorSchema,
  revisions: z.array(revisionMeta),
});

const comparedRevision = revisionMeta.pick({ revision: true, recordedAt: true, reason: true, contentSha256: true });
export const reportDiffResponse = z.object({
  reportId: z.string(),
  from: comparedRevision,
  to: comparedRevision,
  changes: z.array(z.object({ path: z.string(), from: z.unknown(), to: z.unknown() })),
});

export const reminderSchema = reminderIssuedV1.extend({
  ...recorded,
  deliveries: z.array(reminderDeliveryV1.extend({ recordedAt: z.string() })),
});
export const remindersResponse = z.object({ agencyId: z.string().nullable(), reminders: z.array(reminderSchema) });
export const reminderWrittenResponse = reminderIssuedV1.extend({ eventId: z.string(), recordedAt: z.string() });
export const urgingRunResponse = z.object({ date: z.string(), found: z.number().int(), issued: z.number().int() });
