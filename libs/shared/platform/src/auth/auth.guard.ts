import { CanActivate, ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { problems } from '../http/problem';
import { hasRole, type Principal, type UserRole } from './principal';
import { TokenService } from './token-service';

export const TOKEN_SERVICE = Symbol('TokenService');
const PUBLIC = 'dm:public';
const ROLES_KEY = 'dm:roles';

/** Routes anyone may call (health, metrics, docs). */
export const Public = () => SetMetadata(PUBLIC, true);
/** Roles allowed on a route; checked before the body is looked at. */
export const Roles = (...roles: UserRole[]) => SetMetadata(ROLES_KEY, roles);

type AuthenticatedRequest = FastifyRequest & { principal?: Principal };

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
    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.some((r) => hasRole(principal, r))) {
      throw problems.forbidden(`This action needs the role ${roles.join(' or ')}`);
    }
    return true;
  }
}

export function principalOf(request: FastifyRequest): Principal {
  const principal = (request as AuthenticatedRequest).principal;
  if (!principal) throw problems.unauthenticated();
  return principal;
}

import { createParamDecorator } from '@nestjs/common';

/** The authenticated caller, as a handler parameter. */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext) =>
  principalOf(context.switchToHttp().getRequest<FastifyRequest>()),
);
