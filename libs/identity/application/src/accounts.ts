import { randomUUID } from 'node:crypto';
import type { Account, ChangeAccountRequest, CreateAccountRequest, IssueTokenRequest } from '@dm/contracts';
import { type CommandMetadata, type CommandOutcome, IllegalStateError, NotFoundError, ValidationError } from '@dm/eventsourcing';
import {
  ChangeAccount,
  CreateAccount,
  DisableAccount,
  EnableAccount,
  IssueToken,
  SetPassword,
  type AccountCommand,
  type AccountEvent,
  type AccountState,
} from '@dm/identity-domain';
import type { TokenService } from '@dm/platform';
import type { AccountDirectory } from './account-directory';
import type { Credentials } from './credentials';
import type { SessionStore } from './session-store';

/** Runs an account command through its decider (the command bus in a service; directly in the CLI). */
export type ExecuteAccountCommand = (command: AccountCommand) => Promise<CommandOutcome<AccountState, AccountEvent>>;

/** Whether an agency id names an agency of the registry (absent: any well-formed id is taken). */
export type KnownAgency = (agencyId: string) => Promise<boolean>;

const DAY_MS = 86_400_000;
const MIN_TOKEN_SECONDS = 3600;

/**
 * What is done to accounts, in one place for the routes and the CLI: the
 * credential table and the account's stream kept in step, and sessions ended
 * when an account is disabled or its password set.
 */
export class Accounts {
  private readonly locks = new Map<string, Promise<unknown>>();

  constructor(
    private readonly execute: ExecuteAccountCommand,
    readonly directory: AccountDirectory,
    private readonly credentials: Credentials,
    private readonly sessions: SessionStore,
    private readonly tokens: TokenService,
    private readonly knownAgency: KnownAgency = async () => true,
    private readonly now: () => Date = () => new Date(),
  ) {}

  create(request: CreateAccountRequest, metadata: CommandMetadata): Promise<Account> {
    const { password, ...fields } = request;
    return this.one(fields.username, async () => {
      await this.checkAgency(fields.agencyId);
      if (await this.directory.get(fields.username))
        throw new IllegalStateError(`The account ${fields.username} already exists`, 'username', 'is taken');
      // Hashed first (slow), saved only once the account's event is written: a refused creation leaves no password behind.
      const credential = await this.credentials.hash(fields.username, password, this.now());
      await this.execute(new CreateAccount({ ...fields, source: 'local' }, metadata));
      await this.credentials.save(credential);
      return this.current(fields.username);
    });
  }

  async change(username: string, request: ChangeAccountRequest, metadata: CommandMetadata): Promise<Account> {
    await this.checkAgency(request.agencyId);
    await this.execute(new ChangeAccount({ username, ...request }, metadata));
    return this.current(username);
  }

  /**
   * Sets a password: the holder's own (the current one must match), or an
   * admin's reset of another's. Every session of the account ends but the
   * one that made the change.
   */
  setPassword(
    username: string,
    change: { password: string; currentPassword?: string; reset: boolean; keepSession?: string },
    metadata: CommandMetadata,
  ): Promise<Account> {
    return this.one(username, async () => {
      const account = await this.current(username);
      if (account.source !== 'local')
        throw new IllegalStateError(
          `${username} signs in with the identity provider and has no password here`,
          'password',
          'cannot be set',
        );
      if (!change.reset && !(await this.credentials.verify(username, change.currentPassword ?? '')))
        throw new ValidationError('The current password is wrong', 'currentPassword', 'is wrong');
      // The new password holds only once its event is written: a refused change leaves the old one.
      const credential = await this.credentials.hash(username, change.password, this.now());
      await this.execute(new SetPassword({ username, reset: change.reset }, metadata));
      await this.credentials.save(credential);
      await this.sessions.endAllOf(username, change.keepSession);
      return this.current(username);
    });
  }

  async disable(username: string, reason: string, metadata: CommandMetadata): Promise<Account> {
    await this.execute(new DisableAccount({ username, reason }, metadata));
    await this.sessions.endAllOf(username);
    return this.current(username);
  }

  async enable(username: string, metadata: CommandMetadata): Promise<Account> {
    await this.execute(new EnableAccount({ username }, metadata));
    return this.current(username);
  }

  /**
   * A bearer token for an API client acting as the account, recorded (never
   * the token itself) on the account's stream. It lives 1 hour to 366 days,
   * and is signed before it is recorded: a token that cannot be made is
   * never recorded as issued.
   */
  async issueToken(username: string, request: IssueTokenRequest, metadata: CommandMetadata) {
    const account = await this.current(username);
    const tokenId = randomUUID();
    const expiresInSeconds = Math.round((request.expiresInDays * DAY_MS) / 1000);
    if (!(expiresInSeconds >= MIN_TOKEN_SECONDS))
      throw new ValidationError('A token lives at least one hour', 'expiresInDays', 'must be at least 1 hour (0.0417 days)');
    const expiresAt = new Date(this.now().getTime() + expiresInSeconds * 1000).toISOString();
    const token = this.tokens.sign(
      { sub: account.username, name: account.displayName, agencyId: account.agencyId, roles: account.roles, jti: tokenId },
      expiresInSeconds,
    );
    await this.execute(new IssueToken({ username, tokenId, label: request.label, expiresAt }, metadata));
    return { tokenId, token, expiresAt };
  }

  private async current(username: string): Promise<Account> {
    const account = await this.directory.get(username);
    if (!account) throw new NotFoundError(`There is no account ${username}`);
    return account;
  }

  private async checkAgency(agencyId: string | null) {
    if (agencyId && !(await this.knownAgency(agencyId)))
      throw new ValidationError(`${agencyId} is not an agency of the registry`, 'agencyId', 'is not an agency of the registry');
  }

  /** One change of an account's password or creation at a time, so the credential table and the stream cannot cross. */
  private one<T>(username: string, work: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(username) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(work);
    this.locks.set(username, next);
    void next.finally(() => this.locks.get(username) === next && this.locks.delete(username)).catch(() => undefined);
    return next;
  }
}
