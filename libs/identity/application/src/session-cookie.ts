import type { FastifyReply, FastifyRequest } from 'fastify';
import { serialize } from 'cookie';
import { SESSION_COOKIE } from '@dm/contracts';

/** Secure when the request came over HTTPS (directly, or as the proxy in front says). */
const overHttps = (request: FastifyRequest) =>
  request.protocol === 'https' ||
  String(request.headers['x-forwarded-proto'] ?? '')
    .split(',')[0]
    .trim() === 'https';

/** The session cookie: httpOnly, SameSite=Strict, the whole site, until the session's absolute end. */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, sessionId: string, expiresAt: string): void {
  const maxAge = Math.max(0, Math.floor((Date.parse(expiresAt) - Date.now()) / 1000));
  reply.header(
    'set-cookie',
    serialize(SESSION_COOKIE, sessionId, { httpOnly: true, sameSite: 'strict', path: '/', maxAge, secure: overHttps(request) }),
  );
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.header(
    'set-cookie',
    serialize(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'strict', path: '/', maxAge: 0, secure: overHttps(request) }),
  );
}
