import { randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { parse, serialize } from 'cookie';
import { ROLES, USERNAME, type Account, type UserRole } from '@dm/contracts';
import { ChangeAccount, CreateAccount, type AccountCommand } from '@dm/identity-domain';
import type { CommandMetadata } from '@dm/eventsourcing';
import { problems } from '@dm/platform';
import { v7 as uuidv7 } from 'uuid';
import type { AccountDirectory } from '../account-directory';
import type { KnownAgency } from '../accounts';

type Client = typeof import('openid-client', { with: { 'resolution-mode': 'import' } });
type Configuration = InstanceType<Client['Configuration']>;

export interface OidcSettings {
  /** What the sign-in page calls the provider ("Keycloak của tỉnh"). */
  name: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** This site's callback, as registered with the provider: https://…/api/v1/auth/oidc/callback. */
  redirectUri: string;
  scope: string;
  /** Dotted path of the claim listing roles (Keycloak: realm_access.roles). */
  rolesClaim: string;
  /** The provider's role → this system's role; a role of this system's own name maps to itself. */
  roleMap: Record<string, UserRole>;
  agencyClaim: string;
  usernameClaim: string;
  /** Only for a provider on loopback in tests: allow plain HTTP. */
  allowHttp: boolean;
}

/** What the account of a person signing in with the provider holds, from the ID token's claims. */
export interface MappedClaims {
  username: string;
  displayName: string;
  agencyId: string | null;
  roles: UserRole[];
}

const claimAt = (claims: Record<string, unknown>, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), claims);

/** The account a provider's claims make; null with the reason when they grant no role here. */
export function mapClaims(
  settings: Pick<OidcSettings, 'rolesClaim' | 'roleMap' | 'agencyClaim' | 'usernameClaim'>,
  claims: Record<string, unknown>,
) {
  const raw = claimAt(claims, settings.rolesClaim);
  const granted = (Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/[\s,]+/) : []).filter(
    (r): r is string => typeof r === 'string',
  );
  const roles = [
    ...new Set(
      granted
        .map((r) => settings.roleMap[r] ?? ((ROLES as readonly string[]).includes(r) ? (r as UserRole) : null))
        .filter((r): r is UserRole => r !== null),
    ),
  ];
  const agency = claimAt(claims, settings.agencyClaim);
  const agencyId = typeof agency === 'string' && /^[a-z0-9][a-z0-9-]*$/.test(agency) ? agency : null;
  const subject = String(claimAt(claims, settings.usernameClaim) ?? claims.sub ?? '');
  const username = `oidc.${subject
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9._-]+/g, '-')}`.slice(0, 64);
  const name = [claims.name, claims.preferred_username, subject].find((v) => typeof v === 'string' && v.trim());
  if (!subject || !USERNAME.test(username)) return { refused: 'the identity provider named no usable subject' } as const;
  if (roles.length === 0) return { refused: 'the identity provider grants no role of this system' } as const;
  if (roles.includes('agency_officer') && !agencyId) return { refused: 'an agency officer needs an agency claim' } as const;
  return { claims: { username, displayName: String(name).trim().slice(0, 200), agencyId, roles } satisfies MappedClaims } as const;
}

interface PendingSignIn {
  verifier: string;
  state: string;
  nonce: string;
  returnTo: string;
  until: number;
}

const STATE_COOKIE = 'dm_oidc';
const PENDING_MS = 10 * 60_000;
/** A path of this site: not `//host`, not a scheme, no backslash. */
const localPath = (returnTo: string) => (/^\/(?![/\\])[^\\]*$/.test(returnTo) ? returnTo : '/');

/**
 * Sign-in with the province's identity provider (OpenID Connect, the code
 * flow with PKCE, state and nonce) by openid-client. The pending sign-in is
 * kept here, named by a Lax cookie (the provider's redirect back is a
 * cross-site navigation); the account is created or brought up to date from
 * the claims at each sign-in.
 */
export class OidcSignIn {
  private config: Promise<Configuration> | null = null;
  private readonly pending = new Map<string, PendingSignIn>();

  constructor(
    private readonly settings: OidcSettings,
    private readonly directory: AccountDirectory,
    private readonly knownAgency: KnownAgency = async () => true,
  ) {}

  get name(): string {
    return this.settings.name;
  }

  async start(returnTo: string): Promise<{ redirectUrl: string; stateCookie: (request: FastifyRequest) => string }> {
    const client = await this.client();
    const config = await this.configuration();
    const pending: PendingSignIn = {
      verifier: client.randomPKCECodeVerifier(),
      state: client.randomState(),
      nonce: client.randomNonce(),
      returnTo: localPath(returnTo),
      until: Date.now() + PENDING_MS,
    };
    const id = randomBytes(24).toString('base64url');
    this.forgetExpired();
    this.pending.set(id, pending);
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUri,
      scope: this.settings.scope,
      code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    const stateCookie = (request: FastifyRequest) =>
      serialize(STATE_COOKIE, id, {
        httpOnly: true,
        sameSite: 'lax',
        path: '/api/v1/auth/oidc',
        maxAge: PENDING_MS / 1000,
        secure: secureOf(request),
      });
    return { redirectUrl: url.href, stateCookie };
  }

  /** Finishes the sign-in the provider sent back: the account's username, and where to go. */
  async finish(
    request: FastifyRequest,
    execute: (command: AccountCommand) => Promise<unknown>,
  ): Promise<{ username: string; returnTo: string }> {
    const id = parse(String(request.headers.cookie ?? ''))[STATE_COOKIE];
    const pending = id ? this.pending.get(id) : undefined;
    if (id) this.pending.delete(id);
    if (!pending || pending.until < Date.now())
      throw problems.invalid([{ field: 'state', message: 'no sign-in with the identity provider is pending; start again' }]);
    const client = await this.client();
    const current = new URL(request.url, this.settings.redirectUri);
    let tokens: Awaited<ReturnType<Client['authorizationCodeGrant']>>;
    try {
      tokens = await client.authorizationCodeGrant(await this.configuration(), current, {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      request.log.warn({ err: error }, 'the identity provider sign-in failed');
      throw problems.unauthenticated(`The identity provider's answer was refused: ${(error as Error).message}`);
    }
    const mapped = mapClaims(this.settings, (tokens.claims() ?? {}) as Record<string, unknown>);
    if ('refused' in mapped) throw problems.forbidden(`Signing in here is refused: ${mapped.refused}`);
    const claims = mapped.claims;
    if (claims.agencyId && !(await this.knownAgency(claims.agencyId)))
      throw problems.forbidden(`${claims.agencyId} is not an agency of the registry`);
    await this.keepAccount(claims, execute);
    return { username: claims.username, returnTo: pending.returnTo };
  }

  clearStateCookie(request: FastifyRequest): string {
    return serialize(STATE_COOKIE, '', {
      httpOnly: true,
      sameSite: 'lax',
      path: '/api/v1/auth/oidc',
      maxAge: 0,
      secure: secureOf(request),
    });
  }

  private async keepAccount(claims: MappedClaims, execute: (command: AccountCommand) => Promise<unknown>): Promise<Account> {
    const existing = await this.directory.get(claims.username);
    if (existing?.disabled) throw problems.forbidden('This account is disabled');
    if (existing && existing.source !== 'oidc') throw problems.forbidden('A local account has this name');
    const metadata: CommandMetadata = {
      commandId: uuidv7(),
      bodyHash: '',
      keyed: false,
      actor: { userId: claims.username, agencyId: claims.agencyId, role: 'system' },
      correlationId: uuidv7(),
      occurredAt: new Date().toISOString(),
    };
    await execute(existing ? new ChangeAccount(claims, metadata) : new CreateAccount({ ...claims, source: 'oidc' }, metadata));
    return (await this.directory.get(claims.username))!;
  }

  private client(): Promise<Client> {
    return import('openid-client');
  }

  private configuration(): Promise<Configuration> {
    this.config ??= this.client()
      .then((client) =>
        client.discovery(new URL(this.settings.issuer), this.settings.clientId, this.settings.clientSecret, undefined, {
          execute: this.settings.allowHttp ? [client.allowInsecureRequests] : [],
          timeout: 10,
        }),
      )
      .catch((error: Error) => {
        this.config = null;
        throw problems.unavailable(`The identity provider cannot be reached: ${error.message}`);
      });
    return this.config;
  }

  private forgetExpired() {
    const now = Date.now();
    for (const [id, pending] of this.pending) if (pending.until < now) this.pending.delete(id);
    while (this.pending.size > 10_000) this.pending.delete(this.pending.keys().next().value!);
  }
}

const secureOf = (request: FastifyRequest) =>
  request.protocol === 'https' ||
  String(request.headers['x-forwarded-proto'] ?? '')
    .split(',')[0]
    .trim() === 'https';
