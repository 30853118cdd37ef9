import { join } from 'node:path';
import type { EventStore } from '@dm/eventsourcing';
import { IdentityContext } from '@dm/identity';
import type { TokenService } from '@dm/platform';
import type { ReadStore } from '@dm/read-store';
import { RegistryProjection } from '@dm/task-assignment';
import { IDENTITY_STORE } from '@dm/contracts';
import { openReadStore, sqliteEventStore, SqliteEventStore, SqliteReadStore } from './adapters';
import { openNamedEventStore } from './audit-wiring';
import { oidcSignInOf } from './identity-config';
import type { ServiceConfig } from './service-config';

export const IDENTITY_READ_FILE = 'identity.db';

/** The identity store and the table of credentials and sessions: files of the embedded data directory. */
export function embeddedIdentityStores(dataDir: string): { eventStore: SqliteEventStore; readStore: SqliteReadStore } {
  return {
    eventStore: sqliteEventStore(IDENTITY_STORE, join(dataDir, 'identity.events.db')),
    readStore: new SqliteReadStore({ file: join(dataDir, IDENTITY_READ_FILE) }),
  };
}

/** … or where a service's configuration keeps its events and read models (KurrentDB, MongoDB). */
export async function serviceIdentityStores(config: ServiceConfig): Promise<{ eventStore: EventStore; readStore: ReadStore }> {
  return {
    eventStore: await openNamedEventStore(config, IDENTITY_STORE, null),
    readStore: await openReadStore(config, IDENTITY_READ_FILE),
  };
}

/** The identity context over its stores; agencies are checked against the registry of `directives` (task-assignment's store). */
export function identityContextOf(
  stores: { eventStore: EventStore; readStore: ReadStore },
  directives: EventStore,
  tokens: TokenService,
  env: NodeJS.ProcessEnv = process.env,
): IdentityContext {
  const registry = new RegistryProjection(directives);
  const knownAgency = async (id: string) => (await registry.registry()).agency(id) !== undefined;
  return new IdentityContext({ ...stores, tokens, knownAgency, oidc: (directory) => oidcSignInOf(env, directory, knownAgency) });
}

export { executeDirectly, type Accounts } from '@dm/identity';
export { seedDefaultRegistry } from '@dm/task-assignment';
