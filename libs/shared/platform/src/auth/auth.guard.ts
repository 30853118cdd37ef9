import { CanActivate, createParamDecorator, ExecutionContext, Inject, Injectable, Optional, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '@dm/contracts';
import { assertMayAttempt, type Permission } from '@dm/eventsourcing';
import { problems } from '../http/problem';
import { TokenService } from './token-service';
import { csrfHolds, SESSION_RESOLVER, sessionIdOf, type ResolvedSession, type SessionResolver } from './sessions';

export const TOKEN_SERVICE = Symbol('TokenService');
const PUBLIC = 'dm:public';
const PERMISSION = 'dm:permission';

/** Routes anyone may call (health, metrics, docs). */
export const Public = () => SetMetadata(PUBLIC, true);

/**
 * The permission of a route, from its context's policy module. The guard
 * checks its roles before the request is read; the route checks its rule on
 * the resource (`authorize`) before the body is validated.
 */
export const Allow = (permission: Permission<any>) => SetMetadata(PERMISSION, permission);

type AuthenticatedRequest = FastifyRequest & { principal?: Principal; session?: ResolvedSession };

/**
 * Every route that is not public needs a caller, and the role its permission
 * names. The caller is a valid bearer token's, else the browser session its
 * cookie names; a write on a session must echo its CSRF token.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_SERVICE) private readonly tokens: TokenService,
    @Optional() @Inject(SESSION_RESOLVER) private readonly sessions?: SessionResolver,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = await this.callerOf(request);
    request.principal = principal;
    const permission = this.reflector.getAllAndOverride<Permission<any> | undefined>(PERMISSION, targets);
    if (!permission) throw new Error(`route ${request.method} ${request.routeOptions?.url} has no permission (@Allow) and is not @Public`);
    assertMayAttempt(permission, principal);
    return true;
  }

  private async callerOf(request: AuthenticatedRequest): Promise<Principal> {
    const header = request.headers.authorization;
    if (typeof header === 'string' && header.startsWith('Bearer ')) {
      const bearer = header.slice(7).trim();
      const verified = this.tokens.verifyIssued(bearer);
      if (!verified) throw problems.unauthenticated();
      if (verified.tokenId && this.sessions && !(await this.sessions.tokenHolds(verified.principal, verified.tokenId, bearer)))
        throw problems.unauthenticated('This token was issued to an account that is disabled or no longer holds it');
      return verified.principal;
    }
    const sessionId = this.sessions ? sessionIdOf(request.headers) : null;
    const session = sessionId ? await this.sessions!.resolve(sessionId) : null;
    if (!session) throw problems.unauthenticated('Sign in, or send a valid bearer token');
    if (!csrfHolds(request.method, request.headers, session))
      throw problems.forbidden('A write from a browser session must carry its CSRF token in X-CSRF-Token');
    request.session = session;
    return session.principal;
  }
}

/** The session of a request signed in with a cookie, or null (a bearer token, a public route). */
export const sessionOf = (request: FastifyRequest): ResolvedSession | null => (request as AuthenticatedRequest).session ?? null;

export function principalOf(request: FastifyRequest): Principal {
  const principal = (request as AuthenticatedRequest).principal;
  if (!principal) throw problems.unauthenticated();
  return principal;
}

/** The authenticated caller, as a handler parameter. */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext) =>
  principalOf(context.switchToHttp().getRequest<FastifyRequest>()),
);

/** A command sent to a route: who sent it, the path parameters, the body as sent (not yet validated), the request. */
export interface CommandCall {
  principal: Principal;
  params: Record<string, string>;
  body: unknown;
  request: FastifyRequest;
}

/** The command call, as a handler parameter. */
export const Call = createParamDecorator((_: unknown, context: ExecutionContext): CommandCall => {
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  return { principal: principalOf(request), params: request.params as Record<string, string>, body: request.body, request };
});
