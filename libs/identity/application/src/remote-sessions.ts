import { sessionAnswer, SESSION_COOKIE } from '@dm/contracts';
import { problems, type ResolvedSession, type SessionResolver } from '@dm/platform';

/**
 * The session check of a service that does not keep sessions itself (in the
 * distributed form, all but task-assignment): it asks the identity context's
 * `GET /api/v1/auth/session`, with the cookie, on every request.
 */
export class RemoteSessions implements SessionResolver {
  constructor(
    private readonly identityUrl: string,
    private readonly timeoutMs = 3000,
  ) {}

  async resolve(sessionId: string): Promise<ResolvedSession | null> {
    const answer = await fetch(new URL('/api/v1/auth/session', this.identityUrl), {
      headers: { cookie: `${SESSION_COOKIE}=${sessionId}` },
      signal: AbortSignal.timeout(this.timeoutMs),
    }).catch((error: Error) => {
      throw problems.unavailable(`The identity service cannot check the session: ${error.message}`);
    });
    if (answer.status === 401 || answer.status === 403) return null;
    if (!answer.ok) throw problems.unavailable(`The identity service answered ${answer.status} to a session check`);
    const session = sessionAnswer.parse(await answer.json());
    if (session.via !== 'session' || !session.csrfToken || !session.expiresAt) return null;
    const { username, displayName, agencyId, roles } = session.account;
    return { principal: { sub: username, name: displayName, agencyId, roles }, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
  }
}
