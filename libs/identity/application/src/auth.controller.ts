import { Controller, Get, Inject, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { signInRequest, type SessionAnswer, type SignInMethods } from '@dm/contracts';
import { identityPolicy } from '@dm/identity-domain';
import { Allow, principalOf, ProblemError, problems, Public, sessionIdOf, sessionOf, validateBody } from '@dm/platform';
import { IDENTITY, type IdentityContext } from './identity-context';
import { clearSessionCookie, setSessionCookie } from './session-cookie';

export const OIDC_START = '/api/v1/auth/oidc/start';

/** Signing in and out, and who is signed in (docs/security.md, "Sign-in"). */
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    @Inject(IDENTITY) private readonly identity: IdentityContext,
    readonly commands: CommandBus,
  ) {}

  @Get('methods')
  @Public()
  methods(): SignInMethods {
    const oidc = this.identity.oidc;
    return { local: true, oidc: oidc ? { name: oidc.name, startUrl: OIDC_START } : null };
  }

  @Post('sign-in')
  @Public()
  async signIn(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const { username, password } = validateBody(signInRequest, request.body);
    const signed = await this.identity.passwordSignIn.signIn(username, password, request.ip);
    request.log.info({ username: signed.account.username, address: request.ip }, 'signed in');
    setSessionCookie(request, reply, signed.sessionId, signed.expiresAt);
    const { username: name, displayName, agencyId, roles } = signed.account;
    const answer: SessionAnswer = {
      account: { username: name, displayName, agencyId, roles },
      via: 'session',
      csrfToken: signed.csrfToken,
      expiresAt: signed.expiresAt,
    };
    reply.status(200).header('cache-control', 'no-store').send(answer);
  }

  @Get('session')
  @Allow(identityPolicy.session)
  session(@Req() request: FastifyRequest): SessionAnswer {
    const principal = principalOf(request);
    const session = sessionOf(request);
    return {
      account: {
        username: principal.sub,
        displayName: principal.name ?? principal.sub,
        agencyId: principal.agencyId,
        roles: principal.roles,
      },
      via: session ? 'session' : 'token',
      csrfToken: session?.csrfToken ?? null,
      expiresAt: session?.expiresAt ?? null,
    };
  }

  @Post('sign-out')
  @Allow(identityPolicy.session)
  async signOut(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const sessionId = sessionOf(request) ? sessionIdOf(request.headers) : null;
    if (sessionId) await this.identity.sessions.end(sessionId);
    clearSessionCookie(request, reply);
    reply.status(204).send();
  }

  @Get('oidc/start')
  @Public()
  async oidcStart(@Query('returnTo') returnTo: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const oidc = this.identity.oidc;
    if (!oidc) throw problems.notFound('No identity provider is configured here');
    const { redirectUrl, stateCookie } = await oidc.start(typeof returnTo === 'string' ? returnTo : '/');
    reply.header('set-cookie', stateCookie(request)).redirect(redirectUrl, 302);
  }

  /** Back from the provider: signed in, into the app; refused, to the sign-in page with the refusal's status (`?oidcError=403`). */
  @Get('oidc/callback')
  @Public()
  async oidcCallback(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const oidc = this.identity.oidc;
    if (!oidc) throw problems.notFound('No identity provider is configured here');
    let finished: { username: string; returnTo: string };
    try {
      finished = await oidc.finish(request, (command) => this.commands.execute(command));
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      request.log.warn({ status: error.status, detail: error.detail, address: request.ip }, 'sign-in with the identity provider refused');
      return reply.header('set-cookie', oidc.clearStateCookie(request)).redirect(`/sign-in?oidcError=${error.status}`, 302);
    }
    const started = await this.identity.sessions.start(finished.username, 'oidc');
    request.log.info({ username: finished.username, address: request.ip }, 'signed in with the identity provider');
    setSessionCookie(request, reply, started.sessionId, started.expiresAt);
    reply.header('set-cookie', [reply.getHeader('set-cookie') as string, oidc.clearStateCookie(request)]).redirect(finished.returnTo, 302);
  }
}
