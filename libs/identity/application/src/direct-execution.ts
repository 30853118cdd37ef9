import { accountStreamId } from '@dm/contracts';
import { handleCommand, type EventStore } from '@dm/eventsourcing';
import { accountDecider } from '@dm/identity-domain';
import type { ExecuteAccountCommand } from './accounts';

/** Account commands decided and appended without a command bus (the CLI). */
export const executeDirectly =
  (store: EventStore): ExecuteAccountCommand =>
  (command) =>
    handleCommand(store, accountStreamId(command.data.username), accountDecider, command, command.metadata);
