import { z } from 'zod';
import { ROLES, type UserRole } from '@dm/contracts';
import { OidcSignIn, type AccountDirectory, type KnownAgency } from '@dm/identity';
import { ConfigError } from './config';

const httpUrl = z.string().refine((u) => /^https?:\/\/[^\s]+$/.test(u) && URL.canParse(u), 'must be an http:// or https:// URL');
const ROLE_MAP = new RegExp(`^[^=,\\s]+=(${ROLES.join('|')})(,[^=,\\s]+=(${ROLES.join('|')}))*$`);

/** Sign-in settings (docs/security.md, "Single sign-on (OpenID Connect)"); part of every service's environment. */
export const identityEnvShape = {
  /** The province's OpenID Connect provider (Keycloak, the national one): its issuer URL. Unset: local accounts only. */
  OIDC_ISSUER: httpUrl.optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** This site's callback as registered with the provider: https://<host>/api/v1/auth/oidc/callback. */
  OIDC_REDIRECT_URI: httpUrl.optional(),
  OIDC_NAME: z.string().min(1).max(60).default('SSO'),
  OIDC_SCOPE: z.string().min(1).default('openid profile'),
  /** Dotted path of the roles claim (Keycloak: realm_access.roles). */
  OIDC_ROLES_CLAIM: z.string().min(1).default('roles'),
  /** provider-role=this-role,…; roles named as here map to themselves. */
  OIDC_ROLE_MAP: z
    .string()
    .regex(ROLE_MAP, `must be provider-role=role[,…] with a role of ${ROLES.join(', ')}`)
    .optional(),
  OIDC_AGENCY_CLAIM: z.string().min(1).default('agency'),
  OIDC_USERNAME_CLAIM: z.string().min(1).default('preferred_username'),
  /** yes only for a provider on loopback in tests. */
  OIDC_ALLOW_HTTP: z.enum(['yes', 'no']).default('no'),
  /** In the distributed form, the service that keeps sessions (task-assignment); the others ask it. */
  IDENTITY_URL: httpUrl.optional(),
};

/** The OIDC sign-in the environment configures, or null; an issuer without its client settings is a ConfigError. */
export function oidcSignInOf(env: NodeJS.ProcessEnv, directory: AccountDirectory, knownAgency: KnownAgency, where = ''): OidcSignIn | null {
  const parsed = z.object(identityEnvShape).safeParse(env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; '), where);
  const e = parsed.data;
  if (!e.OIDC_ISSUER) return null;
  const missing = (['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URI'] as const).filter((name) => !e[name]);
  if (missing.length) throw new ConfigError(`${missing.join(', ')} required when OIDC_ISSUER is set`, where);
  const roleMap = Object.fromEntries((e.OIDC_ROLE_MAP?.split(',') ?? []).map((pair) => pair.split('=') as [string, UserRole]));
  return new OidcSignIn(
    {
      name: e.OIDC_NAME,
      issuer: e.OIDC_ISSUER,
      clientId: e.OIDC_CLIENT_ID!,
      clientSecret: e.OIDC_CLIENT_SECRET!,
      redirectUri: e.OIDC_REDIRECT_URI!,
      scope: e.OIDC_SCOPE,
      rolesClaim: e.OIDC_ROLES_CLAIM,
      roleMap,
      agencyClaim: e.OIDC_AGENCY_CLAIM,
      usernameClaim: e.OIDC_USERNAME_CLAIM,
      allowHttp: e.OIDC_ALLOW_HTTP === 'yes',
    },
    directory,
    knownAgency,
  );
}
