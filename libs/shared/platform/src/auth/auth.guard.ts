import { CanActivate, createParamDecorator, ExecutionContext, Inject, Injectable, Optional } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '@dm/contracts';
import { assertMayAttempt, type Permission } from '@dm/eventsourcing';
import { problems } from '../http/problem';
import { TokenService } from './token-service';
import { csrfHolds, SESSION_RESOLVER, sessionIdOf, type ResolvedSession, type SessionResolver } from './sessions';

export const TOKEN_SERVICE = Symbol('TokenService');
export const AUTHENTICATOR = Symbol('Authenticator');
const PUBLIC = 'dm:public';
const PERMISSION = 'dm:permission';

/** Where @nestjs/platform-fastify reads a handler's Fastify route config (its `RouteConfig` decorator's key). */
const FASTIFY_ROUTE_CONFIG = '__fastify_route_config__';

/** Marks one method, and hands its policy to the Fastify route (the handler Fastify holds is a wrapper without the marks). */
const mark = (method: object, key: string, value: unknown) => {
  Reflect.defineMetadata(key, value, method);
  const config = (Reflect.getOwnMetadata(FASTIFY_ROUTE_CONFIG, method) as object | undefined) ?? {};
  Reflect.defineMetadata(FASTIFY_ROUTE_CONFIG, { ...config, policy: routePolicyOf(method) }, method);
};

/** Marks a route method, or every method of a controller that marks none itself. */
const markRoutes =
  (key: string, value: unknown) =>
  (target: object, _property?: string | symbol, descriptor?: PropertyDescriptor): void => {
    if (descriptor) return mark(descriptor.value, key, value);
    const prototype = (target as { prototype: object }).prototype;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const method = Object.getOwnPropertyDescriptor(prototype, name)?.value;
      if (name === 'constructor' || typeof method !== 'function') continue;
      if (!Reflect.hasOwnMetadata(PUBLIC, method) && !Reflect.hasOwnMetadata(PERMISSION, method)) mark(method, key, value);
    }
  };

/** The policy Fastify's copy of a route carries (set by @Public/@Allow), or null. */
export const routePolicyOfConfig = (config: unknown): RoutePolicy | null =>
  (config as { policy?: RoutePolicy | null } | undefined)?.policy ?? null;

/** Routes anyone may call (health, metrics, docs, sign-in). */
export const Public = () => markRoutes(PUBLIC, true);

/**
 * The permission of a route, from its context's policy module. Its roles are
 * checked before the request's body is read; the route checks its rule on
 * the resource (`authorize`) before the body is validated.
 */
export const Allow = (permission: Permission<any>) => markRoutes(PERMISSION, permission);

/** Who may call a route: anyone, or the holders of a permission. */
export type RoutePolicy = { public: true } | { public: false; permission: Permission<any> };

/** The policy a route handler was marked with, or null when it has none (which a served route may not be). */
export function routePolicyOf(handler: object): RoutePolicy | null {
  if (Reflect.getMetadata(PUBLIC, handler)) return { public: true };
  const permission = Reflect.getMetadata(PERMISSION, handler) as Permission<any> | undefined;
  return permission ? { public: false, permission } : null;
}

type AuthenticatedRequest = FastifyRequest & { principal?: Principal; session?: ResolvedSession };

/**
 * Who is calling: a valid bearer token's subject, else the browser session
 * its cookie names; a write on a session must echo its CSRF token. Runs as
 * the request arrives, before its body is read.
 */
export class Authenticator {
  constructor(
    private readonly tokens: TokenService,
    private readonly sessions?: SessionResolver,
  ) {}

  /** Sets the request's principal (and session), or throws 401/403/503. */
  async authenticate(request: FastifyRequest): Promise<Principal> {
    const authenticated = request as AuthenticatedRequest;
    if (authenticated.principal) return authenticated.principal;
    const header = request.headers.authorization;
    if (typeof header === 'string' && header.startsWith('Bearer ')) {
      const bearer = header.slice(7).trim();
      const verified = await this.tokens.verifyIssued(bearer);
      if (!verified) throw problems.unauthenticated();
      if (verified.tokenId && this.sessions && !(await this.sessions.tokenHolds(verified.principal, verified.tokenId, bearer)))
        throw problems.unauthenticated('This token was issued to an account that is disabled or no longer holds it');
      authenticated.principal = verified.principal;
      return verified.principal;
    }
    const sessionId = this.sessions ? sessionIdOf(request.headers) : null;
    const session = sessionId ? await this.sessions!.resolve(sessionId) : null;
    if (!session) throw problems.unauthenticated('Sign in, or send a valid bearer token');
    if (!csrfHolds(request.method, request.headers, session))
      throw problems.forbidden('A write from a browser session must carry its CSRF token in X-CSRF-Token');
    authenticated.session = session;
    authenticated.principal = session.principal;
    return session.principal;
  }

  /** The caller of a route, holding a role its policy names (throws otherwise); null for a public route. */
  async admit(request: FastifyRequest, policy: RoutePolicy): Promise<Principal | null> {
    if (policy.public) return null;
    const principal = await this.authenticate(request);
    assertMayAttempt(policy.permission, principal);
    return principal;
  }
}

/**
 * Every route that is not public needs a caller, and the role its permission
 * names. The HTTP app admits the caller as the request arrives (before its
 * body is read); the guard admits it where that did not run.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly authenticator: Authenticator;

  constructor(@Inject(TOKEN_SERVICE) tokens: TokenService, @Optional() @Inject(SESSION_RESOLVER) sessions?: SessionResolver) {
    this.authenticator = new Authenticator(tokens, sessions);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const policy = routePolicyOf(context.getHandler());
    if (!policy) throw new Error(`route ${request.method} ${request.routeOptions?.url} has no permission (@Allow) and is not @Public`);
    await this.authenticator.admit(request, policy);
    return true;
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
