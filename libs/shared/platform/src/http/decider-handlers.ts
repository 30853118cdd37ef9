import { Inject, type Type } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import type { Event } from '@dm/contracts';
import { handleCommand, type Command, type CommandOutcome, type Decider, type EventStore } from '@dm/eventsourcing';

/**
 * The @nestjs/cqrs handlers of a decider's commands: each decides its command
 * on the stream `streamOf` names, in the event store provided as `store`.
 * The command the route built is the one the decider gets, metadata included.
 */
export function deciderHandlers<State, C extends Command, E extends Event>(
  store: symbol,
  decider: Decider<State, C, E>,
  streamOf: (command: C) => string,
  commands: Array<abstract new (...args: any[]) => C>,
): Type[] {
  return commands.map((command) => {
    @CommandHandler(command)
    class DeciderCommandHandler {
      constructor(@Inject(store) readonly events: EventStore) {}

      execute(issued: C): Promise<CommandOutcome<State, E>> {
        return handleCommand(this.events, streamOf(issued), decider, issued, issued.metadata);
      }
    }
    Object.defineProperty(DeciderCommandHandler, 'name', { value: `${command.name}Handler` });
    return DeciderCommandHandler;
  });
}
