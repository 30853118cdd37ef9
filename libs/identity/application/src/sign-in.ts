import type { Account } from '@dm/contracts';
import { SignInThrottle } from '@dm/identity-domain';
import { problems } from '@dm/platform';
import type { AccountDirectory } from './account-directory';
import type { Credentials } from './credentials';
import type { SessionStore } from './session-store';

export interface SignedIn {
  account: Account;
  sessionId: string;
  csrfToken: string;
  expiresAt: string;
}

/**
 * Signing in with a username and password: the same answer for an unknown
 * username as for a wrong password (and as slow), and repeated failures
 * slowed down by the throttle, the right password included.
 */
export class PasswordSignIn {
  constructor(
    private readonly directory: AccountDirectory,
    private readonly credentials: Credentials,
    private readonly sessions: SessionStore,
    private readonly throttle = new SignInThrottle(),
    private readonly now: () => number = Date.now,
  ) {}

  async signIn(typed: string, password: string, address: string): Promise<SignedIn> {
    const keys = { username: typed.trim().toLowerCase().normalize('NFC'), address };
    const wait = this.throttle.retryAfter(keys, this.now());
    if (wait > 0) throw problems.tooManyRequests(`Too many failed sign-ins; try again in ${wait} s`, wait);
    const account = await this.directory.get(keys.username);
    const matches = await this.credentials.verify(keys.username, password);
    if (!account || !matches || account.source !== 'local') {
      this.throttle.failed(keys, this.now());
      throw problems.unauthenticated('The username or the password is wrong');
    }
    if (account.disabled) throw problems.forbidden('This account is disabled');
    this.throttle.succeeded(keys);
    return { account, ...(await this.sessions.start(account.username, 'password')) };
  }
}
