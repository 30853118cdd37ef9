import type { ReportAssignmentRow } from '@dm/contracts';
import { LIFECYCLE_LABELS, STATUS_LABELS } from '@dm/reporting-domain';

/** The reporting domain's words for statuses and stages: one place for them. */
export { LIFECYCLE_LABELS, STATUS_LABELS } from '@dm/reporting-domain';

/** The stages a live assignment can be in; they partition the live ones. */
export const LIVE_STAGES = ['notStarted', 'inProgress', 'awaitingConfirmation', 'returned', 'completed'] as const;
export const CLOSED_STAGES = ['cancelled', 'superseded', 'revoked'] as const;

/** What a listed assignment's status column shows: its official status, or its stage when it has none (closed). */
export function statusTextOf(row: ReportAssignmentRow): string {
  if (row.statusLabel) return row.statusLabel;
  return row.status ? STATUS_LABELS[row.status] : LIFECYCLE_LABELS[row.lifecycle];
}
