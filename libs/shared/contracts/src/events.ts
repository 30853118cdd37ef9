import type { z } from 'zod';
import { DIRECTIVE_EVENT_TYPES, directiveIssuedV1, taskCancelledV1, taskDeadlineChangedV1 } from './directives';
import { ASSIGNMENT_EVENT_TYPES, completionConfirmedV1, completionReportedV1, completionReturnedV1, progressReportedV1 } from './progress';

/** Every integration event type of the system. */
export const EVENT_TYPES = { ...DIRECTIVE_EVENT_TYPES, ...ASSIGNMENT_EVENT_TYPES } as const;

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
