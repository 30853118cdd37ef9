import { directiveStreamId, type DirectiveEvent } from '@dm/contracts';
import { evolve, initialState, type DirectiveState, type IssuedDirective } from '@dm/directives-domain';
import type { EventStore } from '@dm/event-store';
import { problems, type Decider, type Principal } from '@dm/platform';

export const directiveDecider: Decider<DirectiveState, DirectiveEvent> = {
  initialState: () => initialState,
  evolve,
};

/** Folds a directive's stream into its current state. */
export async function loadDirective(store: EventStore, directiveId: string): Promise<DirectiveState> {
  let state = initialState;
  for await (const event of store.readStream(directiveStreamId(directiveId))) {
    state = evolve(state, event as unknown as DirectiveEvent);
  }
  return state;
}

/**
 * Changes on a directive are made by a monitoring officer of its monitoring
 * agency, or of its issuing body or that body's office.
 */
export function assertMayChangeDirective(principal: Principal, directive: DirectiveState, directiveId: string): IssuedDirective {
  if (!directive.exists) throw problems.notFound(`No directive ${directiveId}`);
  const allowed = [directive.monitoringAgency, directive.issuer, directive.issuerOffice].filter(Boolean);
  if (!principal.agencyId || !allowed.includes(principal.agencyId)) {
    throw problems.forbidden(`Only a monitoring officer of ${allowed.join(', ')} may change directive ${directive.number}`);
  }
  return directive;
}
