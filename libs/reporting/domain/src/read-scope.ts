import { EVENT_TYPES, hasRole, type Principal } from '@dm/contracts';
import { factsOf, type AssignmentDoc } from './assignments/assignment-doc';
import type { DirectiveDoc } from './directives/directives.projection';

/**
 * Who reads what of the report projection (docs/domain.md, "Who reads
 * what"): inspectors and admins everything; anyone else what concerns their
 * agency. An agency officer reads the directives addressed to its agency
 * (an assignment, lead or coordinating, its agency holds or has held: assigned
 * to it or transferred to it) and, of them, its own assignments only. A
 * monitoring officer reads the same, and besides all of every directive its
 * agency issued or monitors, or has monitored (before a monitoring
 * transfer). Who may read is decided on what is known now; `knownAt` and
 * `asOf` choose only what the answer shows.
 */
export type ReadScope = { all: true } | { all: false; agencyId: string | null; monitors: boolean };

export function readScopeOf(principal: Principal): ReadScope {
  if (hasRole(principal, 'inspector') || hasRole(principal, 'admin')) return { all: true };
  return { all: false, agencyId: principal.agencyId, monitors: hasRole(principal, 'monitoring_officer') };
}

/** Whether the agency holds or has held the assignment: assigned to it, or a successor it was transferred to (holderOn). */
export const hasHeld = (doc: Pick<AssignmentDoc, 'agencyId' | 'heldBy'>, agencyId: string): boolean =>
  doc.agencyId === agencyId || doc.heldBy?.[agencyId] === true;

const transferParties = (facts: Array<{ type: string; data: Record<string, unknown> }>): string[] =>
  facts.filter((f) => f.type === EVENT_TYPES.monitoringTransferred).flatMap((f) => [String(f.data.from), String(f.data.to)]);

/**
 * The agencies whose monitoring officers read all of an assignment's
 * directive: its issuer and every agency that has monitored it (the one
 * named at issue, each monitoring transfer's predecessor and successor).
 */
export function overseersOfAssignment(
  doc: Pick<AssignmentDoc, 'issuer' | 'issuerOffice' | 'monitoringAgency' | 'facts'>,
): Array<string | undefined> {
  return [doc.issuer, doc.issuerOffice ?? undefined, doc.monitoringAgency, ...transferParties(factsOf(doc, 'd'))];
}

/** The same agencies, from the directive's document: its issuer, the monitoring agency at issue, every monitoring transfer's parties. */
export function overseersOfDirective(doc: Pick<DirectiveDoc, 'issuer' | 'issuerOffice' | 'monitoringAgency' | 'changes'>): string[] {
  return [
    doc.issuer,
    ...(doc.issuerOffice ? [doc.issuerOffice] : []),
    doc.monitoringAgency,
    ...transferParties(Object.values(doc.changes ?? {})),
  ];
}

/** An assignment: its agency's officers (now or before a transfer), and the monitoring officers of its directive's overseers. */
export function mayReadAssignment(principal: Principal, doc: AssignmentDoc): boolean {
  const scope = readScopeOf(principal);
  if (scope.all) return true;
  if (!scope.agencyId) return false;
  return hasHeld(doc, scope.agencyId) || (scope.monitors && overseersOfAssignment(doc).includes(scope.agencyId));
}

/**
 * A directive (its header and tasks; its assignments each by
 * mayReadAssignment): the agencies it is addressed to (one of
 * `assignmentsOfIt` is held by theirs, now or before), and the monitoring
 * officers of its issuer and of every agency that has monitored it.
 */
export function mayReadDirective(principal: Principal, directive: DirectiveDoc, assignmentsOfIt: AssignmentDoc[]): boolean {
  const scope = readScopeOf(principal);
  if (scope.all) return true;
  if (!scope.agencyId) return false;
  const agencyId = scope.agencyId;
  return (scope.monitors && overseersOfDirective(directive).includes(agencyId)) || assignmentsOfIt.some((a) => hasHeld(a, agencyId));
}

/**
 * The agency a list of assignments, a summary or the scorecards are
 * narrowed to: the one asked for; when none is, an agency officer's own
 * (monitoring officers, inspectors and admins: none, their whole scope).
 */
export function agencyFilterOf(principal: Principal, asked: string | undefined): string | undefined {
  const scope = readScopeOf(principal);
  if (asked !== undefined || scope.all || scope.monitors) return asked;
  return scope.agencyId ?? undefined;
}

const reads = (scope: { monitors: boolean }) =>
  scope.monitors
    ? 'a monitoring officer reads the directives addressed to its agency (their assignments of it) and all of those its agency issued or monitors'
    : "an agency officer reads the directives addressed to its agency, and of them its agency's assignments only";

const noAgency = 'Your token names no agency, and only inspectors and admins read without one';

/** Why the caller may not narrow a list to `agencyId` (an agency officer names its own agency only), or null. */
export function agencyFilterRefusal(principal: Principal, agencyId: string | undefined): string | null {
  const scope = readScopeOf(principal);
  if (scope.all || scope.monitors || agencyId === undefined || agencyId === scope.agencyId) return null;
  if (!scope.agencyId) return noAgency;
  return `An agency officer of ${scope.agencyId} reads the assignments, summary and scorecard of its own agency, not of ${agencyId}`;
}

/** Why the caller may not read this assignment (its timeline, its state), or null. */
export function assignmentRefusal(principal: Principal, doc: AssignmentDoc): string | null {
  if (mayReadAssignment(principal, doc)) return null;
  const scope = readScopeOf(principal) as Extract<ReadScope, { all: false }>;
  if (!scope.agencyId) return noAgency;
  return `Assignment ${doc._id} (task ${doc.taskNumber} of ${doc.directiveNumber}) is not held by ${scope.agencyId}, nor was it: ${reads(scope)}`;
}

/** Why the caller may not read this directive, or null. */
export function directiveRefusal(principal: Principal, resource: { directive: DirectiveDoc; assignments: AssignmentDoc[] }): string | null {
  if (mayReadDirective(principal, resource.directive, resource.assignments)) return null;
  const scope = readScopeOf(principal) as Extract<ReadScope, { all: false }>;
  if (!scope.agencyId) return noAgency;
  const why = scope.monitors ? ', nor issued or monitored by it' : '';
  return `Directive ${resource.directive.number} is not addressed to ${scope.agencyId}${why}: ${reads(scope)}`;
}

/** Why the caller may not read a task's timeline (none of its assignments is readable), or null. */
export function taskRefusal(principal: Principal, task: { taskNumber: string; assignments: AssignmentDoc[] }): string | null {
  const scope = readScopeOf(principal);
  if (scope.all || task.assignments.some((doc) => mayReadAssignment(principal, doc))) return null;
  if (!scope.agencyId) return noAgency;
  const [first] = task.assignments;
  const of = first ? ` of ${first.directiveNumber}` : '';
  return `No assignment of task ${task.taskNumber}${of} is held by ${scope.agencyId}, nor was one: ${reads(scope)}`;
}
