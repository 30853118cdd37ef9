import { hasRole, type Principal } from '@dm/contracts';
import type { Permission } from '@dm/eventsourcing';
import { holderOn, type AssignmentDoc } from './assignments/assignment-doc';
import { overseersOfAssignment, readScopeOf } from './read-scope';

/** What a caller asks of the annual review: one agency's, or (absent) every agency's. */
export interface AnnualReviewAsk {
  agencyId?: string;
}

/**
 * What the caller reads: the agency (an agency officer who names none reads
 * their own), and, for a monitoring officer, the agency whose directives
 * bound the read (null: everything).
 */
export interface AnnualReviewScope {
  agencyId?: string;
  monitoredBy: string | null;
}

const readsEverything = (principal: Principal) => readScopeOf(principal).all;

/**
 * Who may read an annual review (docs/domain.md, "The annual review"):
 * inspectors and admins any agency's; a monitoring officer any agency's,
 * restricted to the directives their agency issued or monitors (and their
 * agency's own assignments); an agency officer only their own agency's.
 */
export const annualReviewPolicy = {
  read: {
    roles: ['agency_officer', 'monitoring_officer', 'inspector', 'admin'],
    rule: (principal: Principal, ask: AnnualReviewAsk) => {
      if (readsEverything(principal)) return null;
      if (!principal.agencyId) return 'An officer without an agency has no annual review to read';
      if (hasRole(principal, 'monitoring_officer')) return null;
      if (ask.agencyId !== undefined && ask.agencyId !== principal.agencyId)
        return `The annual review of ${ask.agencyId} is read by its own officers, monitoring officers, inspectors and admins; you are an officer of ${principal.agencyId}`;
      return null;
    },
  } satisfies Permission<AnnualReviewAsk>,
};

/** The scope of an allowed read (call after authorize). */
export function annualReviewScope(principal: Principal, ask: AnnualReviewAsk): AnnualReviewScope {
  if (readsEverything(principal)) return { agencyId: ask.agencyId, monitoredBy: null };
  const own = principal.agencyId as string;
  if (hasRole(principal, 'monitoring_officer')) return { agencyId: ask.agencyId, monitoredBy: own };
  return { agencyId: ask.agencyId ?? own, monitoredBy: null };
}

/**
 * Whether the scope shows the assignment: always, but to a monitoring
 * officer only the assignments of directives their agency issued or
 * monitors (or has monitored), and their agency's own (held on the cut-off).
 */
export function inReviewScope(scope: AnnualReviewScope, doc: AssignmentDoc, asOf: string): boolean {
  if (scope.monitoredBy === null) return true;
  return overseersOfAssignment(doc).includes(scope.monitoredBy) || holderOn(doc, asOf) === scope.monitoredBy;
}
