import { directiveStreamId, type DirectiveEvent } from '@dm/contracts';
import * as directives from '@dm/directives-domain';
import type { EventStore } from '@dm/event-store';
import type { Decider } from '@dm/platform';

export type DirectiveState = ReturnType<typeof directives.evolve>;

export const directiveDecider: Decider<DirectiveState, DirectiveEvent> = {
  initialState: () => (typeof directives.initialState === 'function' ? (directives.initialState as () => DirectiveState)() : directives.initialState) as DirectiveState,
  evolve: directives.evolve as (s: DirectiveState, e: DirectiveEvent) => DirectiveState,
};

/** Folds a directive's stream into its current state (for authorisation checks and reads). */
export async function loadDirective(store: EventStore, directiveId: string): Promise<DirectiveState> {
  let state = directiveDecider.initialState();
  for await (const event of store.readStream(directiveStreamId(directiveId))) {
    state = directiveDecider.evolve(state, event as unknown as DirectiveEvent);
  }
  return state;
}
