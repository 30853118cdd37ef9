import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExecutionContext } from '@nestjs/common';
import type { Principal } from '@dm/contracts';
import { ForbiddenError } from '@dm/eventsourcing';
import { ProblemError } from '../http/problem';
import { RouteConfig } from '@nestjs/platform-fastify';
import { Allow, AuthGuard, principalOf, Public, routePolicyOf, routePolicyOfConfig, sessionOf } from './auth.guard';
import type { ResolvedSession, SessionResolver } from './sessions';
import { TokenService } from './token-service';

const tokens = TokenService.holdingKeys(mkdtempSync(join(tmpdir(), 'dm-guard-keys-')));
const officer: Principal = { sub: 'cb', name: 'Cán bộ', agencyId: 'h-muong-lat', roles: ['agency_officer'] };
const sessionId = 's'.repeat(43);
const session: ResolvedSession = { principal: officer, csrfToken: 'c'.repeat(43), expiresAt: '2099-01-01T00:00:00.000Z' };
const revoked = 'revoked-token-id';
const sessions: SessionResolver = {
  resolve: async (id) => (id === sessionId ? session : null),
  // Asked only about a token issued to an account (one with an id).
  tokenHolds: async (_principal, tokenId) => typeof tokenId === 'string' && tokenId !== revoked,
};

class Routes {
  @Allow({ roles: ['agency_officer', 'admin'] })
  officers() {}
  @Allow({ roles: ['admin'] })
  admins() {}
  @Public()
  open() {}
  unmarked() {}
}

function contextOf(handler: keyof Routes, request: { method?: string; headers?: Record<string, string> }) {
  const req = { method: 'GET', headers: {}, routeOptions: { url: '/x' }, ...request } as any;
  const context = {
    getHandler: () => Routes.prototype[handler],
    getClass: () => Routes,
    switchToHttp: () => ({ getRequest: () => req }),
  } as unknown as ExecutionContext;
  return { context, req };
}

const outcome = (promise: Promise<boolean>) =>
  promise.then(
    (ok) => ok,
    (error: Error) => (error instanceof ProblemError ? error.status : error instanceof ForbiddenError ? 403 : error.message),
  );

describe('AuthGuard', () => {
  const guard = new AuthGuard(tokens, sessions);
  const bearer = (principal: Principal, jti?: string) => ({
    authorization: `Bearer ${tokens.sign({ ...principal, name: principal.name ?? undefined, jti })}`,
  });
  const cookie = { cookie: `dm_session=${sessionId}` };

  it('lets anyone through a public route', async () => {
    expect(await outcome(guard.canActivate(contextOf('open', {}).context))).toBe(true);
  });

  it('takes a valid bearer token, and refuses a forged one without looking at the cookie', async () => {
    const { context, req } = contextOf('officers', { headers: bearer(officer) });
    expect(await outcome(guard.canActivate(context))).toBe(true);
    expect(req.principal).toEqual(officer);
    expect(sessionOf(req)).toBeNull();
    const forged = contextOf('officers', { headers: { authorization: 'Bearer x.y.z', ...cookie } });
    expect(await outcome(guard.canActivate(forged.context))).toBe(401);
  });

  it('asks the identity context whether a token issued to an account still holds', async () => {
    expect(await outcome(guard.canActivate(contextOf('officers', { headers: bearer(officer, 'issued-token-id') }).context))).toBe(true);
    expect(await outcome(guard.canActivate(contextOf('officers', { headers: bearer(officer, revoked) }).context))).toBe(401);
    await expect(guard.canActivate(contextOf('officers', { headers: bearer(officer, revoked) }).context)).rejects.toThrow(
      /disabled or no longer holds it/,
    );
  });

  it('takes the session of the cookie, for reads without a CSRF token, for writes with it', async () => {
    const read = contextOf('officers', { headers: cookie });
    expect(await outcome(guard.canActivate(read.context))).toBe(true);
    expect(read.req.principal).toEqual(officer);
    expect(sessionOf(read.req)).toBe(session);
    expect(await outcome(guard.canActivate(contextOf('officers', { method: 'POST', headers: cookie }).context))).toBe(403);
    await expect(guard.canActivate(contextOf('officers', { method: 'POST', headers: cookie }).context)).rejects.toThrow(
      /CSRF token in X-CSRF-Token/,
    );
    const write = contextOf('officers', { method: 'POST', headers: { ...cookie, 'x-csrf-token': session.csrfToken } });
    expect(await outcome(guard.canActivate(write.context))).toBe(true);
  });

  it('reads a bearer token with spaces around it, and takes another scheme as no token', async () => {
    const token = tokens.sign({ ...officer, name: 'Cán bộ' });
    expect(await outcome(guard.canActivate(contextOf('officers', { headers: { authorization: `Bearer   ${token}  ` } }).context))).toBe(
      true,
    );
    expect(
      await outcome(guard.canActivate(contextOf('officers', { headers: { authorization: 'Basic Y2I6eA==', ...cookie } }).context)),
    ).toBe(true);
    expect(await outcome(guard.canActivate(contextOf('officers', { headers: { authorization: 'Basic Y2I6eA==' } }).context))).toBe(401);
  });

  it('answers 401 without a caller, or for a session that is unknown or ended', async () => {
    expect(await outcome(guard.canActivate(contextOf('officers', {}).context))).toBe(401);
    await expect(guard.canActivate(contextOf('officers', {}).context)).rejects.toThrow(/Sign in, or send a valid bearer token/);
    expect(await outcome(guard.canActivate(contextOf('officers', { headers: { cookie: `dm_session=${'t'.repeat(43)}` } }).context))).toBe(
      401,
    );
    const withoutSessions = new AuthGuard(tokens);
    expect(await outcome(withoutSessions.canActivate(contextOf('officers', { headers: cookie }).context))).toBe(401);
  });

  it('checks the role the route names, whichever way the caller came', async () => {
    expect(await outcome(guard.canActivate(contextOf('admins', { headers: cookie }).context))).toBe(403);
    expect(await outcome(guard.canActivate(contextOf('admins', { headers: bearer(officer) }).context))).toBe(403);
    expect(await outcome(guard.canActivate(contextOf('admins', { headers: bearer({ ...officer, roles: ['admin'] }) }).context))).toBe(true);
  });

  it('gives a handler the caller, and 401 where there is none', () => {
    const { req } = contextOf('officers', {});
    expect(() => principalOf(req)).toThrow(ProblemError);
    req.principal = officer;
    expect(principalOf(req)).toBe(officer);
  });

  it("marks every method of a controller with its policy, a method's own mark first", () => {
    const read = { roles: ['inspector'] as const };
    const write = { roles: ['admin'] as const };
    @Allow(read)
    class Controller {
      list() {}
      @Allow(write)
      change() {}
      @Public()
      health() {}
    }
    expect(routePolicyOf(Controller.prototype.list)).toEqual({ public: false, permission: read });
    expect(routePolicyOf(Controller.prototype.change)).toEqual({ public: false, permission: write });
    expect(routePolicyOf(Controller.prototype.health)).toEqual({ public: true });
    expect(routePolicyOf(Routes.prototype.unmarked)).toBeNull();
    // …and hands it to the Fastify route, whose handler is a wrapper without these marks.
    const config = Reflect.getMetadata('__fastify_route_config__', Controller.prototype.change);
    expect(routePolicyOfConfig(config)).toEqual({ public: false, permission: write });
    expect(routePolicyOfConfig(Reflect.getMetadata('__fastify_route_config__', Controller.prototype.list))).toEqual({
      public: false,
      permission: read,
    });
    expect(routePolicyOfConfig(Reflect.getMetadata('__fastify_route_config__', Controller.prototype.health))).toEqual({ public: true });
    expect(routePolicyOfConfig(undefined)).toBeNull();
    expect(routePolicyOfConfig({ url: '/x' })).toBeNull();
  });

  it('keeps a route config set by another decorator beside the policy', () => {
    class Controller {
      @Allow({ roles: ['admin'] })
      @RouteConfig({ rawBody: true })
      change() {}
    }
    expect(Reflect.getMetadata('__fastify_route_config__', Controller.prototype.change)).toEqual({
      rawBody: true,
      policy: { public: false, permission: { roles: ['admin'] } },
    });
  });

  it('uses the principal an earlier hook admitted, without verifying again', async () => {
    const { context, req } = contextOf('officers', { headers: { authorization: 'Bearer not-a-token' } });
    req.principal = officer;
    expect(await outcome(guard.canActivate(context))).toBe(true);
  });

  it('refuses a route that names no permission and is not public', async () => {
    expect(await outcome(guard.canActivate(contextOf('unmarked', { headers: bearer(officer) }).context))).toMatch(/has no permission/);
  });
});
