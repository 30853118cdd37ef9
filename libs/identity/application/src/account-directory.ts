import { IDENTITY_EVENT_TYPES as T, type Account, type Principal, type RecordedEvent } from '@dm/contracts';
import { accountDecider, type AccountEvent } from '@dm/identity-domain';
import type { EventStore } from '@dm/eventsourcing';

/**
 * Every account, folded in memory from the identity store and caught up
 * before each answer (the store is small: one stream per person). The
 * account's fields come from its decider's fold; the directory adds when
 * things happened.
 */
export class AccountDirectory {
  private readonly accounts = new Map<string, Account>();
  private position = 0;
  private running: Promise<void> | null = null;

  constructor(private readonly store: EventStore) {}

  async get(username: string): Promise<Account | null> {
    await this.catchUp();
    return this.accounts.get(username) ?? null;
  }

  async list(): Promise<Account[]> {
    await this.catchUp();
    return [...this.accounts.values()].sort((a, b) => a.username.localeCompare(b.username));
  }

  /** The caller an enabled account signs in as; null when it is missing or disabled. */
  async principalOf(username: string): Promise<Principal | null> {
    const account = await this.get(username);
    if (!account || account.disabled) return null;
    return { sub: account.username, name: account.displayName, agencyId: account.agencyId, roles: account.roles };
  }

  catchUp(): Promise<void> {
    this.running ??= this.readNew().finally(() => (this.running = null));
    return this.running;
  }

  private async readNew(): Promise<void> {
    for await (const event of this.store.readAll({ after: this.position })) {
      this.apply(event as RecordedEvent<AccountEvent>);
      this.position = event.globalPosition;
    }
  }

  private apply(event: RecordedEvent<AccountEvent>) {
    const username = event.data.username;
    const before = this.accounts.get(username) ?? null;
    const fields = accountDecider.evolve(before, event);
    if (!fields) return;
    const account: Account = {
      createdAt: before?.createdAt ?? event.recordedAt,
      passwordSetAt: before?.passwordSetAt ?? null,
      tokens: before?.tokens ?? [],
      ...fields,
    };
    if (event.type === T.passwordSet) account.passwordSetAt = event.recordedAt;
    if (event.type === T.tokenIssued) {
      const { tokenId, label, expiresAt } = event.data;
      account.tokens = [...account.tokens, { tokenId, label, expiresAt, issuedAt: event.recordedAt, issuedBy: event.actor.userId }];
    }
    this.accounts.set(username, account);
  }
}
