import { hasRole, type Principal } from '@dm/contracts';
import type { Permission } from '@dm/eventsourcing';
import type { AssignmentContext } from './assignment';

/** The parties of a directive who decide on its completions: its monitoring agency, its issuer and the issuer's office. */
const decidingParties = (a: AssignmentContext) => [a.monitoringAgency, a.issuer, a.issuerOffice].filter((id): id is string => !!id);

const isOwnOfficer = (principal: Principal, a: AssignmentContext) =>
  hasRole(principal, 'agency_officer') && principal.agencyId === a.agencyId;
const isDecider = (principal: Principal, a: AssignmentContext) =>
  hasRole(principal, 'monitoring_officer') && !!principal.agencyId && decidingParties(a).includes(principal.agencyId);

/**
 * Who reads an assignment's timeline, as progress-events knows the assignment
 * (its view of the directive topic): inspectors and admins; an officer of the
 * agency holding it; a monitoring officer of the monitoring agency, the
 * issuer or its office. The reporting context's rule (reportingPolicy.readAssignment,
 * libs/reporting/domain/src/read-scope.ts) lets besides the agency that held
 * it before a transfer, and every agency that monitored it before, read:
 * this view keeps only who holds and monitors it now, so they are refused here.
 */
const mayRead = (principal: Principal, a: AssignmentContext) =>
  hasRole(principal, 'inspector') ||
  hasRole(principal, 'admin') ||
  (!!principal.agencyId &&
    (principal.agencyId === a.agencyId || (hasRole(principal, 'monitoring_officer') && decidingParties(a).includes(principal.agencyId))));

const readRefusal = (principal: Principal, a: AssignmentContext) => {
  if (mayRead(principal, a)) return null;
  if (!principal.agencyId) return 'Your token names no agency, and only inspectors and admins read without one';
  return `Assignment ${a.assignmentId} (task ${a.taskNumber} of ${a.directiveNumber}) is held by ${a.agencyId} and overseen by ${decidingParties(a).join(', ')}: ${principal.agencyId} may not read its files`;
};

/** A report is recorded for the agency by a monitoring officer (from its paper report) rather than by the agency itself. */
export const recordsOnBehalf = (principal: Principal, a: AssignmentContext) => !isOwnOfficer(principal, a) && isDecider(principal, a);

/**
 * Who may act on an assignment (docs/architecture.md, "Where each rule lives").
 * Reading assignments is the reporting context's (libs/reporting/domain/src/policy.ts),
 * but for the files reports carry, which progress-events keeps and serves.
 */
export const progressPolicy = {
  /**
   * Progress and completion: an agency officer of the assigned agency; or a
   * monitoring officer who may decide on its completions, recording a report
   * the agency sent on paper (the body then names that document).
   */
  report: {
    roles: ['agency_officer', 'monitoring_officer'],
    rule: (principal: Principal, a: AssignmentContext) =>
      isOwnOfficer(principal, a) || isDecider(principal, a)
        ? null
        : `Assignment ${a.assignmentId} belongs to ${a.agencyId}; you report for ${principal.agencyId ?? 'no agency'}`,
  } satisfies Permission<AssignmentContext>,
  /** Accepting, returning or reopening a completion: a monitoring officer of the monitoring agency, the issuer or its office. */
  decideCompletion: {
    roles: ['monitoring_officer'],
    rule: (principal: Principal, a: AssignmentContext) =>
      isDecider(principal, a)
        ? null
        : `Only a monitoring officer of ${decidingParties(a).join(', ')} may confirm, return or reopen completions of directive ${a.directiveNumber}`,
  } satisfies Permission<AssignmentContext>,
  /**
   * A file a progress or completion report of the assignment carries: who
   * reads the assignment's timeline, as this service knows the assignment (mayRead).
   */
  readAttachment: {
    roles: ['agency_officer', 'monitoring_officer', 'inspector', 'admin'],
    rule: readRefusal,
  } satisfies Permission<AssignmentContext>,
};
