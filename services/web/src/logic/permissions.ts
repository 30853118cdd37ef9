import type { LifecycleStage, UserRole } from '@dm/contracts/web';

/**
 * What the assignment page offers whom (docs/domain.md, "Who may do what"):
 * the server decides; the page only leaves out what it would refuse.
 */

interface Reader {
  roles: readonly UserRole[];
  agencyId: string | null;
}

interface AssignmentFacts {
  agencyId: string;
  role: 'lead' | 'coordinating';
  lifecycle: LifecycleStage;
  recurrence: unknown;
  obligations: Array<{ period: string; lifecycle: LifecycleStage }>;
}

/** An agency officer reports for its own agency; a monitoring officer records a paper report on the agency's behalf. */
export function reportingMode(
  reader: Reader,
  assignment: Pick<AssignmentFacts, 'agencyId' | 'lifecycle' | 'recurrence'>,
): 'own' | 'onBehalf' | null {
  if (['cancelled', 'superseded', 'revoked'].includes(assignment.lifecycle)) return null;
  // Once a one-off completion is accepted nothing more is reported, unless the office reopens it.
  if (assignment.lifecycle === 'completed' && !assignment.recurrence) return null;
  if (reader.roles.includes('agency_officer') && reader.agencyId === assignment.agencyId) return 'own';
  if (reader.roles.includes('monitoring_officer')) return 'onBehalf';
  return null;
}

const OPEN: LifecycleStage[] = ['notStarted', 'inProgress', 'returned'];

/** A lead agency completes; a one-off assignment only while open, a recurring one while a period is. */
export function mayReportCompletion(assignment: AssignmentFacts): boolean {
  if (assignment.role !== 'lead') return false;
  return assignment.recurrence ? openPeriods(assignment).length > 0 : OPEN.includes(assignment.lifecycle);
}

/** The periods of a recurring assignment a completion may be reported for. */
export const openPeriods = (assignment: Pick<AssignmentFacts, 'obligations'>): string[] =>
  assignment.obligations.filter((o) => OPEN.includes(o.lifecycle)).map((o) => o.period);

/** The periods whose completion awaits the office's decision. */
export const awaitingPeriods = (assignment: Pick<AssignmentFacts, 'obligations'>): string[] =>
  assignment.obligations.filter((o) => o.lifecycle === 'awaitingConfirmation').map((o) => o.period);

export const mayDecide = (reader: Reader, assignment: AssignmentFacts): boolean =>
  reader.roles.includes('monitoring_officer') &&
  (assignment.lifecycle === 'awaitingConfirmation' || awaitingPeriods(assignment).length > 0);

export const mayReopen = (reader: Reader, assignment: AssignmentFacts): boolean =>
  reader.roles.includes('monitoring_officer') && assignment.role === 'lead' && assignment.lifecycle === 'completed';
