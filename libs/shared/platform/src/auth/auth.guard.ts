import { CanActivate, createParamDecorator, ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '@dm/contracts';
import { assertMayAttempt, type Permission } from '@dm/eventsourcing';
import { problems } from '../http/problem';
import { TokenService } from './token-service';

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

type AuthenticatedRequest = FastifyRequest & { principal?: Principal };

/** Every route that is not public needs a valid bearer token, and the role its permission names. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_SERVICE) private readonly tokens: TokenService,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7).trim() : null;
    const principal = token ? this.tokens.verify(token) : null;
    if (!principal) throw problems.unauthenticated();
    request.principal = principal;
    const permission = this.reflector.getAllAndOverride<Permission<any> | undefined>(PERMISSION, targets);
    if (!permission) throw new Error(`route ${request.method} ${request.routeOptions?.url} has no permission (@Allow) and is not @Public`);
    assertMayAttempt(permission, principal);
    return true;
  }
}

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
