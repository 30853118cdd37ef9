import { z } from 'zod';
import { agencyId, text } from './common';
import { keyText, nextField, pageFields } from './pages';
import { ROLES } from './principal';

/**
 * The identity context's contract (docs/security.md): accounts kept as events
 * in the `identity` store, one stream per account; passwords are never in an
 * event (their scrypt hashes live in the credential table); sessions and
 * bearer tokens issued to an account.
 */

export const IDENTITY_STORE = 'identity';

export const IDENTITY_EVENT_TYPES = {
  accountCreated: 'identity.account-created',
  accountChanged: 'identity.account-changed',
  passwordSet: 'identity.password-set',
  accountDisabled: 'identity.account-disabled',
  accountEnabled: 'identity.account-enabled',
  tokenIssued: 'identity.token-issued',
} as const;

export const accountStreamId = (username: string) => `account-${username}`;

/** A local username: 2 to 64 of a-z, 0-9, `.`, `_`, `-`, starting with a letter or digit; OIDC accounts are `oidc.<subject>`. */
export const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;
export const username = z
  .string({ required_error: 'is required', invalid_type_error: 'must be a string' })
  .transform((s) => s.trim().toLowerCase())
  .pipe(z.string().regex(USERNAME, 'must be 2 to 64 of a-z, 0-9, ".", "_", "-", starting with a letter or a digit'));

export const roleSchema = z.enum(ROLES, { errorMap: () => ({ message: `must be one of ${ROLES.join(', ')}` }) });

/** 12 to 256 characters; what a person can type, so checked before hashing and never trimmed. */
export const PASSWORD_MIN = 12;
export const password = z
  .string({ required_error: 'is required', invalid_type_error: 'must be a string' })
  .min(PASSWORD_MIN, `must be at least ${PASSWORD_MIN} characters`)
  .max(256, 'must be at most 256 characters');

export const ACCOUNT_SOURCES = ['local', 'oidc'] as const;

export const accountCreatedV1 = z.object({
  username: z.string(),
  displayName: z.string(),
  agencyId: z.string().nullable(),
  roles: z.array(z.string()),
  source: z.enum(ACCOUNT_SOURCES),
});
export const accountChangedV1 = z.object({
  username: z.string(),
  displayName: z.string(),
  agencyId: z.string().nullable(),
  roles: z.array(z.string()),
});
/** A password was set: by the holder, or reset by an admin (who must then be told apart). */
export const passwordSetV1 = z.object({ username: z.string(), reset: z.boolean() });
export const accountDisabledV1 = z.object({ username: z.string(), reason: z.string() });
export const accountEnabledV1 = z.object({ username: z.string() });
export const tokenIssuedV1 = z.object({ username: z.string(), tokenId: z.string(), label: z.string(), expiresAt: z.string() });

const roles = z.array(roleSchema, { invalid_type_error: 'must be a list of roles' }).min(1, 'must name at least one role');

const accountFields = z.object({
  displayName: text(200),
  agencyId: agencyId
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  roles,
});

/** An agency officer acts for one agency: the account must name it. */
const officerHasAgency = <T extends { roles: string[]; agencyId: string | null }>(body: T) =>
  !body.roles.includes('agency_officer') || body.agencyId !== null;
const OFFICER_NEEDS_AGENCY = { message: 'is required for an agency officer', path: ['agencyId'] };

export const createAccountRequest = accountFields.extend({ username, password }).refine(officerHasAgency, OFFICER_NEEDS_AGENCY);
export type CreateAccountRequest = z.infer<typeof createAccountRequest>;

export const changeAccountRequest = accountFields.refine(officerHasAgency, OFFICER_NEEDS_AGENCY);
export type ChangeAccountRequest = z.infer<typeof changeAccountRequest>;

/** An admin's reset (no current password), or the holder's own change (with it). */
export const setPasswordRequest = z.object({ password, currentPassword: z.string().max(256).optional() });
export type SetPasswordRequest = z.infer<typeof setPasswordRequest>;

export const disableAccountRequest = z.object({ reason: text(500) });

/** A bearer token for an API client, valid 1 hour to 366 days. */
export const issueTokenRequest = z.object({
  label: text(100),
  expiresInDays: z
    .number({ required_error: 'is required', invalid_type_error: 'must be a number of days' })
    .min(1 / 24, 'must be at least 1 hour (0.0417 days)')
    .max(366, 'must be at most 366 days'),
});
export type IssueTokenRequest = z.infer<typeof issueTokenRequest>;

/** No trimming or length rule beyond a bound: a wrong password is answered as one, not as a malformed field. */
export const signInRequest = z.object({
  username: z.string({ required_error: 'is required', invalid_type_error: 'must be a string' }).max(200),
  password: z.string({ required_error: 'is required', invalid_type_error: 'must be a string' }).max(256),
});
export type SignInRequest = z.infer<typeof signInRequest>;

export const accountSchema = z.object({
  username: z.string(),
  displayName: z.string(),
  agencyId: z.string().nullable(),
  roles: z.array(roleSchema),
  source: z.enum(ACCOUNT_SOURCES),
  disabled: z.boolean(),
  disabledReason: z.string().nullable(),
  createdAt: z.string(),
  passwordSetAt: z.string().nullable(),
  tokens: z.array(z.object({ tokenId: z.string(), label: z.string(), expiresAt: z.string(), issuedAt: z.string(), issuedBy: z.string() })),
});
export type Account = z.infer<typeof accountSchema>;
export const accountsResponse = z.object({ accounts: z.array(accountSchema), ...nextField });

/** Who is signed in, how, and the token a browser sends back in X-CSRF-Token with every write. */
export const sessionAnswer = z.object({
  account: z.object({ username: z.string(), displayName: z.string(), agencyId: z.string().nullable(), roles: z.array(roleSchema) }),
  via: z.enum(['session', 'token']),
  csrfToken: z.string().nullable(),
  expiresAt: z.string().nullable(),
});
export type SessionAnswer = z.infer<typeof sessionAnswer>;

export const issuedTokenAnswer = z.object({ tokenId: z.string(), token: z.string(), expiresAt: z.string() });

/** How one may sign in here: always with a local account, and with the province's identity provider where configured. */
export const signInMethodsAnswer = z.object({
  local: z.literal(true),
  oidc: z.object({ name: z.string(), startUrl: z.string() }).nullable(),
});
export type SignInMethods = z.infer<typeof signInMethodsAnswer>;

/** The cookie of a browser session and the header a browser's writes carry. */
export const SESSION_COOKIE = 'dm_session';
export const CSRF_HEADER = 'x-csrf-token';

/** GET /api/v1/accounts: a page of accounts by username, after [username]. */
export const accountsQuery = z.object(pageFields(z.tuple([keyText])));
