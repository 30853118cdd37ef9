import type { z } from 'zod';
import {
  DIRECTIVE_EVENT_TYPES,
  directiveIssuedV1,
  directiveRevokedV1,
  directiveSupersededV1,
  taskAddedV1,
  taskAgencyAddedV1,
  taskCancelledV1,
  taskDeadlineChangedV1,
  taskLeadChangedV1,
  taskTextCorrectedV1,
  assignmentsTransferredV1,
  monitoringTransferredV1,
} from './directives';
import {
  agencyCreatedV1,
  agencyEndedV1,
  agencyRenamedV1,
  groupCreatedV1,
  groupEndedV1,
  groupMembersChangedV1,
  REGISTRY_EVENT_TYPES,
} from './registry';
import {
  ASSIGNMENT_EVENT_TYPES,
  completionConfirmedV1,
  completionReopenedV1,
  completionReportedV1,
  completionReturnedV1,
  progressReportedV1,
} from './progress';
import {
  DIRECTIVE_IMPORT_EVENT_TYPES,
  directiveImportCorrectedV1,
  directiveImportDiscardedV1,
  directiveImportDraftedV1,
  directiveImportIssuedV1,
} from './directive-import-events';

/** Every integration event type of the system. */
export const EVENT_TYPES = { ...DIRECTIVE_EVENT_TYPES, ...ASSIGNMENT_EVENT_TYPES, ...REGISTRY_EVENT_TYPES } as const;

/** Schema of each integration event's data, by type and schema version. */
export const EVENT_SCHEMAS: Record<string, Record<number, z.ZodTypeAny>> = {
  [EVENT_TYPES.directiveIssued]: { 1: directiveIssuedV1 },
  [EVENT_TYPES.taskDeadlineChanged]: { 1: taskDeadlineChangedV1 },
  [EVENT_TYPES.taskCancelled]: { 1: taskCancelledV1 },
  [EVENT_TYPES.taskAdded]: { 1: taskAddedV1 },
  [EVENT_TYPES.taskAgencyAdded]: { 1: taskAgencyAddedV1 },
  [EVENT_TYPES.taskLeadChanged]: { 1: taskLeadChangedV1 },
  [EVENT_TYPES.taskTextCorrected]: { 1: taskTextCorrectedV1 },
  [EVENT_TYPES.directiveSuperseded]: { 1: directiveSupersededV1 },
  [EVENT_TYPES.directiveRevoked]: { 1: directiveRevokedV1 },
  [EVENT_TYPES.assignmentsTransferred]: { 1: assignmentsTransferredV1 },
  [EVENT_TYPES.monitoringTransferred]: { 1: monitoringTransferredV1 },
  [EVENT_TYPES.agencyCreated]: { 1: agencyCreatedV1 },
  [EVENT_TYPES.agencyRenamed]: { 1: agencyRenamedV1 },
  [EVENT_TYPES.agencyEnded]: { 1: agencyEndedV1 },
  [EVENT_TYPES.groupCreated]: { 1: groupCreatedV1 },
  [EVENT_TYPES.groupEnded]: { 1: groupEndedV1 },
  [EVENT_TYPES.groupMembersChanged]: { 1: groupMembersChangedV1 },
  [EVENT_TYPES.progressReported]: { 1: progressReportedV1 },
  [EVENT_TYPES.completionReported]: { 1: completionReportedV1 },
  [EVENT_TYPES.completionConfirmed]: { 1: completionConfirmedV1 },
  [EVENT_TYPES.completionReturned]: { 1: completionReturnedV1 },
  [EVENT_TYPES.completionReopened]: { 1: completionReopenedV1 },
  // An import's review (docs/import.md): task-assignment's own streams, audited with its store, never published.
  [DIRECTIVE_IMPORT_EVENT_TYPES.drafted]: { 1: directiveImportDraftedV1 },
  [DIRECTIVE_IMPORT_EVENT_TYPES.corrected]: { 1: directiveImportCorrectedV1 },
  [DIRECTIVE_IMPORT_EVENT_TYPES.issued]: { 1: directiveImportIssuedV1 },
  [DIRECTIVE_IMPORT_EVENT_TYPES.discarded]: { 1: directiveImportDiscardedV1 },
};
