import type { EventStore } from '@dm/eventsourcing';
import type { TokenService } from '@dm/platform';
import type { ReadStore } from '@dm/read-store';
import { AccountDirectory } from './account-directory';
import { Accounts, type ExecuteAccountCommand, type KnownAgency } from './accounts';
import { Credentials } from './credentials';
import type { OidcSignIn } from './oidc/oidc-sign-in';
import { SESSIONS, SessionStore } from './session-store';
import { PasswordSignIn } from './sign-in';

export const IDENTITY = Symbol('IdentityContext');
export const IDENTITY_EVENTS = Symbol('IdentityEventStore');

export interface IdentityOptions {
  /** The identity store (`identity`): one stream per account. */
  eventStore: EventStore;
  /** Where credentials and sessions are kept (never rebuilt). */
  readStore: ReadStore;
  tokens: TokenService;
  knownAgency?: KnownAgency;
  /** Sign-in with the province's identity provider, where configured. */
  oidc?: (directory: AccountDirectory) => OidcSignIn | null;
}

/** The identity context's parts, made once per process: the routes, the CLI and the session check share them. */
export class IdentityContext {
  readonly directory: AccountDirectory;
  readonly credentials: Credentials;
  readonly sessions: SessionStore;
  readonly passwordSignIn: PasswordSignIn;
  readonly oidc: OidcSignIn | null;

  constructor(readonly options: IdentityOptions) {
    this.directory = new AccountDirectory(options.eventStore);
    this.credentials = new Credentials(options.readStore);
    this.sessions = new SessionStore(options.readStore, this.directory);
    this.passwordSignIn = new PasswordSignIn(this.directory, this.credentials, this.sessions);
    this.oidc = options.oidc?.(this.directory) ?? null;
  }

  get eventStore(): EventStore {
    return this.options.eventStore;
  }

  accounts(execute: ExecuteAccountCommand): Accounts {
    return new Accounts(execute, this.directory, this.credentials, this.sessions, this.options.tokens, this.options.knownAgency);
  }

  async start(): Promise<void> {
    await this.options.readStore.ensureIndexes(SESSIONS, [['username', 'endedAt']]);
    await this.directory.catchUp();
  }
}
