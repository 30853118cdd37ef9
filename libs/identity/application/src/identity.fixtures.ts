import { InMemoryEventStore } from '@dm/eventsourcing';
import { specMetadata } from '@dm/eventsourcing/testing';
import { InMemoryReadStore } from '@dm/read-store';
import type { UserRole } from '@dm/contracts';
import { CreateAccount, DisableAccount } from '@dm/identity-domain';
import { AccountDirectory } from './account-directory';
import { Credentials } from './credentials';
import { executeDirectly } from './direct-execution';

/** The identity context's stores in memory, with cheap password hashes. */
export function identityInMemory() {
  const events = new InMemoryEventStore({ name: 'identity' });
  const reads = new InMemoryReadStore();
  const execute = executeDirectly(events);
  const directory = new AccountDirectory(events);
  const credentials = new Credentials(reads, { logN: 10, r: 8, p: 1 });
  const account = async (
    username: string,
    password: string,
    roles: UserRole[] = ['agency_officer'],
    agencyId: string | null = 'h-muong-lat',
  ) => {
    await credentials.set(username, password, new Date());
    await execute(
      new CreateAccount(
        { username, displayName: username, agencyId, roles, source: 'local' },
        specMetadata({ commandId: `create-${username}` }),
      ),
    );
  };
  const disable = (username: string) =>
    execute(new DisableAccount({ username, reason: 'Chuyển công tác' }, specMetadata({ commandId: `disable-${username}` })));
  return { events, reads, execute, directory, credentials, account, disable };
}
