import type { Event } from '@dm/contracts';

/**
 * A pure decision model of one stream: `decide` answers a command with the
 * events it causes (or throws a DomainError), `evolve` folds an event into
 * the state, and `initialState` is the state of a stream with no events.
 */
export interface Decider<State, Command, E extends Event> {
  decide(command: Command, state: State): E[];
  evolve(state: State, event: E): State;
  initialState(): State;
}
