import type { Event } from '@dm/contracts';
import type { CommandMetadata } from '../command';
import type { Decider } from '../decider';

type ErrorClass = abstract new (...args: any[]) => Error;

export interface DeciderThen<E> {
  /** The command decides exactly these events. */
  then(expected: E[]): void;
  /** The command decides nothing. */
  thenNothingHappened(): void;
  /** The command is refused with this error, and `check` may look at it. */
  thenThrows<T extends Error>(errorType: abstract new (...args: any[]) => T, check?: (error: T) => void): void;
}

/**
 * Given/When/Then for a decider: the given events are folded with `evolve`
 * from `initialState`, then `decide` answers the command.
 *
 *   const given = DeciderSpecification.for(assignmentDecider);
 *   given([issued]).when(reportProgress).then([progressReported]);
 */
export const DeciderSpecification = {
  for<State, C, E extends Event>(decider: Decider<State, C, E>) {
    return (givenEvents: E[]) => ({
      when(command: C): DeciderThen<E> {
        const decide = () =>
          decider.decide(
            command,
            givenEvents.reduce((s, e) => decider.evolve(s, e), decider.initialState()),
          );
        return {
          then: (expected) => expect(decide()).toEqual(expected),
          thenNothingHappened: () => expect(decide()).toEqual([]),
          thenThrows: (errorType: ErrorClass, check?: (error: any) => void) => {
            let thrown: unknown = null;
            try {
              decide();
            } catch (error) {
              thrown = error;
            }
            expect(thrown).toBeInstanceOf(errorType);
            check?.(thrown);
          },
        };
      },
    });
  },
};

/** Metadata for commands in specs, where the decider does not look at it. */
export function specMetadata(overrides: Partial<CommandMetadata> = {}): CommandMetadata {
  return {
    commandId: '00000000-0000-7000-8000-000000000000',
    bodyHash: 'spec',
    keyed: false,
    actor: { userId: 'spec', agencyId: null, role: 'system' },
    correlationId: 'spec',
    occurredAt: '2017-03-01T00:00:00+07:00',
    ...overrides,
  };
}
