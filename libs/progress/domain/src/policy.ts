import { hasRole, type Principal } from '@dm/contracts';
import type { Permission } from '@dm/eventsourcing';
import type { AssignmentContext } from './assignment';

/** The parties of a directive who decide on its completions: its monitoring agency, its issuer and the issuer's office. */
const decidingParties = (a: AssignmentContext) => [a.monitoringAgency, a.issuer, a.issuerOffice].filter((id): id is string => !!id);

const isOwnOfficer = (principal: Principal, a: AssignmentContext) =>
  hasRole(principal, 'agency_officer') && principal.agencyId === a.agencyId;
const isDecider = (principal: Principal, a: AssignmentContext) =>
  hasRole(principal, 'monitoring_officer') && !!principal.agencyId && decidingParties(a).includes(principal.agencyId);

/** A report is recorded for the agency by a monitoring officer (from its paper report) rather than by the agency itself. */
export const recordsOnBehalf = (principal: Principal, a: AssignmentContext) => !isOwnOfficer(principal, a) && isDecider(principal, a);

/**
 * Who may act on an assignment (docs/architecture.md, "Where each rule lives").
 * Reading assignments is the reporting context's (libs/reporting/domain/src/policy.ts).
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
};
