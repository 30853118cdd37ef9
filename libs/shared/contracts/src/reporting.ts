import { z } from 'zod';
import { isoDateString, text } from './common';

/** The reporting context's contract: the queries of its read routes. */

export const CALENDARS = ['decree09', 'calendar'] as const;
export const OFFICIAL_STATUSES = ['completedOnTime', 'completedLate', 'inProgressWithinDeadline', 'overdue', 'noDeadline'] as const;

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
