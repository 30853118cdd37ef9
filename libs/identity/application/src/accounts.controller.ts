import { Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import {
  changeAccountRequest,
  createAccountRequest,
  disableAccountRequest,
  accountsQuery,
  compareKeys,
  issueTokenRequest,
  pageOf,
  setPasswordRequest,
  username as usernameSchema,
} from '@dm/contracts';
import { authorize } from '@dm/eventsourcing';
import { identityPolicy } from '@dm/identity-domain';
import {
  Allow,
  Call,
  commandMetadata,
  CurrentPrincipal,
  problems,
  sessionIdOf,
  sessionOf,
  validateBody,
  validateQuery,
  type CommandCall,
} from '@dm/platform';
import { today } from '@dm/periods';
import type { Principal } from '@dm/contracts';
import type { Accounts } from './accounts';
import { ACCOUNTS } from './identity.module.tokens';

/** A username from the path: well-formed, else 404 (no account can have it). */
function usernameOf(value: string): string {
  const parsed = usernameSchema.safeParse(value);
  if (!parsed.success) throw problems.notFound(`There is no account ${value}`);
  return parsed.data;
}

/** The metadata of an account command; a password never reaches the body hash kept with the event. */
const metadataOf = (call: CommandCall, body: object, actingAs: 'admin' | 'agency_officer' | 'monitoring_officer' | 'inspector') => {
  const { password: _password, currentPassword: _current, ...hashed } = body as Record<string, unknown>;
  return commandMetadata(call, hashed, actingAs, today());
};

const actingAs = (principal: Principal) => (principal.roles.includes('admin') ? 'admin' : principal.roles[0]);

/** Accounts (docs/security.md, "Accounts"): admins manage them, anyone reads theirs and sets their own password. */
@Controller('api/v1/accounts')
export class AccountsController {
  constructor(@Inject(ACCOUNTS) private readonly accounts: Accounts) {}

  @Get()
  @Allow(identityPolicy.manage)
  async list(@Query() query: Record<string, unknown>) {
    const page = validateQuery(accountsQuery, query);
    // The directory is held in memory: a page of it by username, sliced.
    const { items, next } = pageOf(
      await this.accounts.directory.list(),
      {
        keyOf: (a) => [a.username] as const,
        compare: (a, b) => a[0].localeCompare(b[0]) || compareKeys(a, b),
      },
      page,
    );
    return { accounts: items, next };
  }

  @Post()
  @Allow(identityPolicy.manage)
  async create(@Call() call: CommandCall, @Res() reply: FastifyReply) {
    const request = validateBody(createAccountRequest, call.body);
    const account = await this.accounts.create(request, metadataOf(call, request, 'admin'));
    reply.status(201).header('location', `/api/v1/accounts/${account.username}`).send(account);
  }

  @Get(':username')
  @Allow(identityPolicy.read)
  async one(@Param('username') name: string, @CurrentPrincipal() principal: Principal) {
    const username = usernameOf(name);
    authorize(identityPolicy.read, principal, username);
    const account = await this.accounts.directory.get(username);
    if (!account) throw problems.notFound(`There is no account ${username}`);
    return account;
  }

  @Post(':username')
  @HttpCode(200)
  @Allow(identityPolicy.change)
  async change(@Call() call: CommandCall) {
    const username = usernameOf(call.params.username);
    const request = validateBody(changeAccountRequest, call.body);
    authorize(identityPolicy.change, call.principal, { username, roles: request.roles });
    return this.accounts.change(username, request, metadataOf(call, request, 'admin'));
  }

  @Post(':username/password')
  @HttpCode(200)
  @Allow(identityPolicy.setPassword)
  async setPassword(@Call() call: CommandCall) {
    const username = usernameOf(call.params.username);
    authorize(identityPolicy.setPassword, call.principal, username);
    const request = validateBody(setPasswordRequest, call.body);
    const own = call.principal.sub === username;
    if (own && request.currentPassword === undefined)
      throw problems.invalid([{ field: 'currentPassword', message: 'is required to change one’s own password' }]);
    return this.accounts.setPassword(
      username,
      { ...request, reset: !own, keepSession: sessionOf(call.request) ? (sessionIdOf(call.request.headers) ?? undefined) : undefined },
      metadataOf(call, request, actingAs(call.principal)),
    );
  }

  @Post(':username/disable')
  @HttpCode(200)
  @Allow(identityPolicy.disable)
  async disable(@Call() call: CommandCall) {
    const username = usernameOf(call.params.username);
    authorize(identityPolicy.disable, call.principal, username);
    const { reason } = validateBody(disableAccountRequest, call.body);
    return this.accounts.disable(username, reason, metadataOf(call, { reason }, 'admin'));
  }

  @Post(':username/enable')
  @HttpCode(200)
  @Allow(identityPolicy.manage)
  async enable(@Call() call: CommandCall) {
    const username = usernameOf(call.params.username);
    return this.accounts.enable(username, metadataOf(call, {}, 'admin'));
  }

  @Post(':username/tokens')
  @Allow(identityPolicy.manage)
  async issueToken(@Call() call: CommandCall, @Res() reply: FastifyReply) {
    const username = usernameOf(call.params.username);
    const request = validateBody(issueTokenRequest, call.body);
    reply
      .status(201)
      .header('cache-control', 'no-store')
      .send(await this.accounts.issueToken(username, request, metadataOf(call, request, 'admin')));
  }
}
