import { sessionAnswer, SESSION_COOKIE, type Principal } from '@dm/contracts';
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
    const answer = await this.ask({ cookie: `${SESSION_COOKIE}=${sessionId}` });
    if (!answer) return null;
    const session = sessionAnswer.parse(await answer.json());
    if (session.via !== 'session' || !session.csrfToken || !session.expiresAt) return null;
    const { username, displayName, agencyId, roles } = session.account;
    return { principal: { sub: username, name: displayName, agencyId, roles }, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
  }

  /** The identity service checks the token itself: it answers 401 to one that no longer holds. */
  async tokenHolds(_principal: Principal, _tokenId: string, bearer: string): Promise<boolean> {
    return (await this.ask({ authorization: `Bearer ${bearer}` })) !== null;
  }

  /** Its answer about the caller those headers name, or null when it knows none. */
  private async ask(headers: Record<string, string>): Promise<Response | null> {
    const answer = await fetch(new URL('/api/v1/auth/session', this.identityUrl), {
      headers,
      signal: AbortSignal.timeout(this.timeoutMs),
    }).catch((error: Error) => {
      throw problems.unavailable(`The identity service cannot check the caller: ${error.message}`);
    });
    if (answer.status === 401 || answer.status === 403) return null;
    if (!answer.ok) throw problems.unavailable(`The identity service answered ${answer.status} to a check of the caller`);
    return answer;
  }
}
