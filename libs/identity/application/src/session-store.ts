import { createHash, randomBytes } from 'node:crypto';
import type { Principal } from '@dm/contracts';
import type { ResolvedSession, SessionResolver } from '@dm/platform';
import type { Document, ReadStore } from '@dm/read-store';
import type { AccountDirectory } from './account-directory';

export const SESSIONS = 'identity-sessions';

export interface SessionRules {
  /** A session ends this long after sign-in, used or not. */
  absoluteMs: number;
  /** … and this long after its last request. */
  idleMs: number;
}
export const DEFAULT_SESSION_RULES: SessionRules = { absoluteMs: 12 * 3600_000, idleMs: 60 * 60_000 };

interface SessionDoc extends Document {
  username: string;
  csrfToken: string;
  method: 'password' | 'oidc';
  startedAt: string;
  lastSeenAt: string;
  expiresAt: string;
  endedAt: string | null;
}

/** Kept under the SHA-256 of its id: whoever reads the table cannot sign in with what they read. */
const keyOf = (sessionId: string) => createHash('sha256').update(sessionId).digest('hex');
const TOUCH_EVERY_MS = 60_000;

/**
 * Browser sessions on the server: started at sign-in, ended at sign-out, at
 * their expiry, after an idle hour, and whenever their account is disabled or
 * its password set. The cookie holds only a random id.
 */
export class SessionStore implements SessionResolver {
  constructor(
    private readonly store: ReadStore,
    private readonly accounts: AccountDirectory,
    private readonly rules: SessionRules = DEFAULT_SESSION_RULES,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async start(username: string, method: SessionDoc['method']): Promise<{ sessionId: string; csrfToken: string; expiresAt: string }> {
    const sessionId = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    const now = this.now();
    const expiresAt = new Date(now.getTime() + this.rules.absoluteMs).toISOString();
    const doc: SessionDoc = {
      _id: keyOf(sessionId),
      rev: {},
      username,
      csrfToken,
      method,
      startedAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      expiresAt,
      endedAt: null,
    };
    await this.store.putDocuments(SESSIONS, [doc]);
    return { sessionId, csrfToken, expiresAt };
  }

  async resolve(sessionId: string): Promise<ResolvedSession | null> {
    const doc = await this.store.get<SessionDoc>(SESSIONS, keyOf(sessionId));
    const now = this.now();
    if (!doc || doc.endedAt || now.toISOString() >= doc.expiresAt) return null;
    if (now.getTime() - Date.parse(doc.lastSeenAt) > this.rules.idleMs) return null;
    const principal = await this.accounts.principalOf(doc.username);
    if (!principal) return null;
    if (now.getTime() - Date.parse(doc.lastSeenAt) > TOUCH_EVERY_MS)
      await this.store.putDocuments(SESSIONS, [{ ...doc, lastSeenAt: now.toISOString() }]);
    return { principal, csrfToken: doc.csrfToken, expiresAt: doc.expiresAt };
  }

  /** A token issued to an account holds while the account is enabled and its record lists the token. */
  async tokenHolds(principal: Principal, tokenId: string): Promise<boolean> {
    const account = await this.accounts.get(principal.sub);
    return !!account && !account.disabled && account.tokens.some((t) => t.tokenId === tokenId);
  }

  async end(sessionId: string): Promise<void> {
    const doc = await this.store.get<SessionDoc>(SESSIONS, keyOf(sessionId));
    if (doc && !doc.endedAt) await this.store.putDocuments(SESSIONS, [{ ...doc, endedAt: this.now().toISOString() }]);
  }

  /** Ends every open session of an account (disabled, or its password set), but the one named to keep. */
  async endAllOf(username: string, keepSessionId?: string): Promise<number> {
    const kept = keepSessionId ? keyOf(keepSessionId) : null;
    const open = (await this.store.find<SessionDoc>(SESSIONS, { where: { username, endedAt: null } })).filter((doc) => doc._id !== kept);
    const endedAt = this.now().toISOString();
    if (open.length)
      await this.store.putDocuments(
        SESSIONS,
        open.map((doc) => ({ ...doc, endedAt })),
      );
    return open.length;
  }
}
