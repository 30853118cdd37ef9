import type { LifecycleStage, OfficialStatus, ReportAssignmentRow } from '@dm/contracts';

/** The same words as the reporting domain's (libs/reporting/domain/src/assignments/status.ts). */
export const STATUS_LABELS: Readonly<Record<OfficialStatus, string>> = {
  completedOnTime: 'Hoàn thành đúng hạn',
  completedLate: 'Hoàn thành quá hạn',
  inProgressWithinDeadline: 'Đang thực hiện trong hạn',
  overdue: 'Quá hạn chưa hoàn thành',
  noDeadline: 'Không có thời hạn',
};

export const LIFECYCLE_LABELS: Readonly<Record<LifecycleStage, string>> = {
  notStarted: 'Chưa thực hiện',
  inProgress: 'Đang thực hiện',
  awaitingConfirmation: 'Chờ xác nhận',
  returned: 'Trả lại',
  completed: 'Đã hoàn thành',
  cancelled: 'Đã hủy',
  superseded: 'Đã được thay thế',
  revoked: 'Đã thu hồi',
};

/** The stages a live assignment can be in; they partition the live ones. */
export const LIVE_STAGES = ['notStarted', 'inProgress', 'awaitingConfirmation', 'returned', 'completed'] as const;
export const CLOSED_STAGES = ['cancelled', 'superseded', 'revoked'] as const;

/** What a listed assignment's status column shows: its official status, or its stage when it has none (closed). */
export function statusTextOf(row: ReportAssignmentRow): string {
  if (row.statusLabel) return row.statusLabel;
  return row.status ? STATUS_LABELS[row.status] : LIFECYCLE_LABELS[row.lifecycle];
}
