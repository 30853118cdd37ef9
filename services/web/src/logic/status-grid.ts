import type { LifecycleStage, OfficialStatus } from '@dm/contracts/web';
import { compareTaskNumbers } from './assignments';

/** What the grid needs of a directive's assignment rows. */
export interface GridAssignment {
  id: string;
  taskNumber: string;
  agencyId: string;
  status: OfficialStatus | null;
  lifecycle: LifecycleStage;
}

export interface StatusGrid<A extends GridAssignment> {
  tasks: string[];
  agencies: string[];
  /** The assignment of a task for an agency, if it has one. */
  cell: (agencyId: string, taskNumber: string) => A | undefined;
}

/**
 * A directive's tasks × agencies: columns the tasks in number order, rows the
 * agencies holding an assignment, sorted by name in Vietnamese order.
 */
export function statusGrid<A extends GridAssignment>(assignments: A[], tasks: string[], nameOf: (id: string) => string): StatusGrid<A> {
  const cells = new Map(assignments.map((a) => [`${a.agencyId}|${a.taskNumber}`, a]));
  const collator = new Intl.Collator('vi');
  const agencies = [...new Set(assignments.map((a) => a.agencyId))].sort((a, b) => collator.compare(nameOf(a), nameOf(b)));
  return {
    tasks: [...tasks].sort(compareTaskNumbers),
    agencies,
    cell: (agencyId, taskNumber) => cells.get(`${agencyId}|${taskNumber}`),
  };
}

/** How many assignments the grid shows in each official status (none for the stages without one). */
export function tallyStatuses(assignments: GridAssignment[]): Partial<Record<OfficialStatus, number>> {
  const tally: Partial<Record<OfficialStatus, number>> = {};
  for (const a of assignments) if (a.status) tally[a.status] = (tally[a.status] ?? 0) + 1;
  return tally;
}
