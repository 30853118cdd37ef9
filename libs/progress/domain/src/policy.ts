import type { Principal } from '@dm/contracts';
import type { Permission } from '@dm/eventsourcing';
import type { AssignmentContext } from './assignment';

/** The parties of a directive who decide on its completions: its monitoring agency, its issuer and the issuer's office. */
const decidingParties = (a: AssignmentContext) => [a.monitoringAgency, a.issuer, a.issuerOffice].filter((id): id is string => !!id);

/**
 * Who may act on an assignment (docs/architecture.md, "Where each rule lives").
 * Reading assignments is the reporting context's (libs/reporting/domain/src/policy.ts).
 */
export const progressPolicy = {
  /** Progress and completion: an agency officer of the assigned agency. */
  report: {
    roles: ['agency_officer'],
    rule: (principal: Principal, a: AssignmentContext) =>
      principal.agencyId === a.agencyId
        ? null
        : `Assignment ${a.assignmentId} belongs to ${a.agencyId}; you report for ${principal.agencyId ?? 'no agency'}`,
  } satisfies Permission<AssignmentContext>,
  /** Accepting or returning a completion: a monitoring officer of the monitoring agency, the issuer or its office. */
  decideCompletion: {
    roles: ['monitoring_officer'],
    rule: (principal: Principal, a: AssignmentContext) =>
      principal.agencyId && decidingParties(a).includes(principal.agencyId)
        ? null
        : `Only a monitoring officer of ${decidingParties(a).join(', ')} may confirm or return completions of directive ${a.directiveNumber}`,
  } satisfies Permission<AssignmentContext>,
};
