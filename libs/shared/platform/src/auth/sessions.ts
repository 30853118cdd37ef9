import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { parse } from 'cookie';
import { CSRF_HEADER, SESSION_COOKIE, type Principal } from '@dm/contracts';

export const SESSION_RESOLVER = Symbol('SessionResolver');

/** A browser's signed-in session: who, the token its writes must echo, until when. */
export interface ResolvedSession {
  principal: Principal;
  csrfToken: string;
  expiresAt: string;
}

/** Finds the session a cookie names (the identity context, in this process or over HTTP). */
export interface SessionResolver {
  resolve(sessionId: string): Promise<ResolvedSession | null>;
  /** Whether a token issued to an account still holds: the account enabled, the token on its record. */
  tokenHolds(principal: Principal, tokenId: string, bearer: string): Promise<boolean>;
}

/** The session id of the request's cookie, or null. */
export function sessionIdOf(headers: IncomingHttpHeaders): string | null {
  const header = headers.cookie;
  if (typeof header !== 'string' || !header.includes(SESSION_COOKIE)) return null;
  const value = parse(header)[SESSION_COOKIE];
  return value && /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : null;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A write on a cookie session must carry the session's CSRF token in X-CSRF-Token (reads need not). */
export function csrfHolds(method: string, headers: IncomingHttpHeaders, session: ResolvedSession): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return true;
  const sent = headers[CSRF_HEADER];
  if (typeof sent !== 'string') return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(session.csrfToken);
  return a.length === b.length && timingSafeEqual(a, b);
}
