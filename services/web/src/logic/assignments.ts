import type { LifecycleStage, OfficialStatus } from '@dm/contracts/web';
import { deadlineStanding, type DeadlineStanding } from './dates';

/** What the lists need of an assignment row (assignmentRowSchema and its state). */
export interface AssignmentLike {
  id: string;
  directiveNumber: string;
  taskNumber: string;
  status: OfficialStatus | null;
  lifecycle: LifecycleStage;
  state: { deadline: string | null; completedOn: string | null };
}

const URGENCY: Record<OfficialStatus, number> = {
  overdue: 0,
  inProgressWithinDeadline: 1,
  noDeadline: 2,
  completedLate: 3,
  completedOnTime: 4,
};
const STAGE_URGENCY: Partial<Record<LifecycleStage, number>> = { returned: -1, awaitingConfirmation: 1.5 };

const urgency = (a: AssignmentLike) => STAGE_URGENCY[a.lifecycle] ?? (a.status ? URGENCY[a.status] : 9);

/** Task numbers as numbers where they are ("2" before "10"), else as text. */
export const compareTaskNumbers = (a: string, b: string) => a.localeCompare(b, 'vi', { numeric: true });

/**
 * What needs doing first: returned completions, overdue work, work due
 * soonest, then the rest; ties by directive and task number.
 */
export function byUrgency(a: AssignmentLike, b: AssignmentLike): number {
  return (
    urgency(a) - urgency(b) ||
    (a.state.deadline ?? '9999').localeCompare(b.state.deadline ?? '9999') ||
    a.directiveNumber.localeCompare(b.directiveNumber, 'vi') ||
    compareTaskNumbers(a.taskNumber, b.taskNumber)
  );
}

/** Where an assignment stands against its deadline on a day; nothing once it is completed or closed. */
export function standingOf(assignment: Pick<AssignmentLike, 'status' | 'state'>, on: string): DeadlineStanding {
  if (assignment.state.completedOn || !assignment.status) return { kind: 'none' };
  return deadlineStanding(assignment.state.deadline, on);
}

export type AssignmentFilter = 'all' | 'open' | 'overdue' | 'returned' | 'awaiting' | 'done';

const FILTERS: Record<AssignmentFilter, (a: AssignmentLike) => boolean> = {
  all: () => true,
  open: (a) => ['notStarted', 'inProgress', 'returned'].includes(a.lifecycle),
  overdue: (a) => a.status === 'overdue',
  returned: (a) => a.lifecycle === 'returned',
  awaiting: (a) => a.lifecycle === 'awaitingConfirmation',
  done: (a) => a.lifecycle === 'completed',
};

export const filterAssignments = <A extends AssignmentLike>(rows: A[], filter: AssignmentFilter): A[] => rows.filter(FILTERS[filter]);

/** How many rows each filter keeps, for the filter's badges. */
export function countByFilter(rows: AssignmentLike[]): Record<AssignmentFilter, number> {
  return Object.fromEntries(Object.entries(FILTERS).map(([name, keep]) => [name, rows.filter(keep).length])) as Record<
    AssignmentFilter,
    number
  >;
}
