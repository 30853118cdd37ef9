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
  /** Folds several events at once where that is cheaper than one `evolve` each; the same state as folding them one by one. */
  evolveMany?(state: State, events: E[]): State;
}

/** The state after the events: the decider's `evolveMany` when it has one, else `evolve` for each. */
export function foldEvents<State, E extends Event>(
  decider: Pick<Decider<State, unknown, E>, 'evolve' | 'evolveMany'>,
  state: State,
  events: E[],
): State {
  if (!events.length) return state;
  return decider.evolveMany ? decider.evolveMany(state, events) : events.reduce((s, e) => decider.evolve(s, e), state);
}
