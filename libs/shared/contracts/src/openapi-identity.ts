import { z } from 'zod';
import {
  accountSchema,
  accountsResponse,
  changeAccountRequest,
  createAccountRequest,
  disableAccountRequest,
  issuedTokenAnswer,
  issueTokenRequest,
  sessionAnswer,
  setPasswordRequest,
  signInMethodsAnswer,
  signInRequest,
} from './identity';
import { correlationId, errors, json, open, pageParams, path, schema } from './openapi-parts';

const username = path('username');
const csrf = {
  name: 'X-CSRF-Token',
  in: 'header',
  required: false,
  description: 'Required on every write of a browser session (cookie): the csrfToken of the session answer',
  schema: { type: 'string' },
};
const tooMany = {
  description: 'Too many failed sign-ins: wait Retry-After seconds',
  content: { 'application/problem+json': { schema: {} } },
};

const accountWrite = (summary: string, who: string, body: z.ZodTypeAny | null, answer: z.ZodTypeAny, status = '200') => ({
  post: {
    summary,
    description: `${who}. Authorisation is checked before the body is validated.`,
    parameters: [username, csrf, correlationId],
    ...(body ? { requestBody: { required: true, content: json(body) } } : {}),
    responses: { [status]: { description: 'Written', content: json(answer) }, ...errors },
  },
});

/** Sign-in, sessions and accounts (docs/security.md). */
export function identityPaths() {
  return {
    '/.well-known/jwks.json': open(
      'The public keys (Ed25519, RFC 7517) that verify the bearer tokens the sign-in component signs: the current one and those retired whose tokens may not have expired',
      'application/json',
      schema(
        z.object({
          keys: z.array(
            z.object({
              kty: z.literal('OKP'),
              crv: z.literal('Ed25519'),
              x: z.string(),
              kid: z.string(),
              alg: z.literal('EdDSA'),
              use: z.literal('sig'),
            }),
          ),
        }),
      ),
    ),
    '/api/v1/auth/methods': open(
      'How one may sign in: a local account, and the identity provider where configured',
      'application/json',
      schema(signInMethodsAnswer),
    ),
    '/api/v1/auth/sign-in': {
      post: {
        summary: 'Signs in with a username and password: sets the httpOnly, SameSite=Strict session cookie',
        security: [],
        parameters: [correlationId],
        requestBody: { required: true, content: json(signInRequest) },
        responses: { 200: { description: 'Signed in', content: json(sessionAnswer) }, ...errors, 429: tooMany },
      },
    },
    '/api/v1/auth/session': {
      get: {
        summary: 'Who is signed in (the session cookie or a bearer token), and the CSRF token a browser echoes on writes',
        parameters: [correlationId],
        responses: { 200: { description: 'OK', content: json(sessionAnswer) }, ...errors },
      },
    },
    '/api/v1/auth/sign-out': {
      post: {
        summary: 'Ends the browser session on the server and clears its cookie',
        parameters: [csrf, correlationId],
        responses: { 204: { description: 'Signed out' }, ...errors },
      },
    },
    '/api/v1/auth/oidc/start': {
      get: {
        summary: "Signs in with the province's identity provider (OpenID Connect, code flow with PKCE): redirects there",
        security: [],
        parameters: [
          { name: 'returnTo', in: 'query', required: false, schema: { type: 'string' }, description: 'A path of this site to return to' },
        ],
        responses: { 302: { description: 'To the identity provider' }, 404: errors[404] },
      },
    },
    '/api/v1/auth/oidc/callback': {
      get: {
        summary: 'Where the identity provider returns: starts the session, maps roles and agency from the claims, redirects into the app',
        security: [],
        parameters: [
          { name: 'code', in: 'query', required: false, schema: { type: 'string' } },
          { name: 'state', in: 'query', required: false, schema: { type: 'string' } },
        ],
        responses: { 302: { description: 'Into the app, signed in' }, ...errors },
      },
    },
    '/api/v1/accounts': {
      get: {
        summary: 'Every account, by username, a page at a time',
        description: 'Admins.',
        parameters: [...pageParams, correlationId],
        responses: { 200: { description: 'OK', content: json(accountsResponse) }, ...errors },
      },
      post: {
        summary: 'Creates a local account (its password hashed with scrypt, kept apart from the events)',
        description: 'Admins. Authorisation is checked before the body is validated.',
        parameters: [csrf, correlationId],
        requestBody: { required: true, content: json(createAccountRequest) },
        responses: { 201: { description: 'Created', content: json(accountSchema) }, ...errors },
      },
    },
    '/api/v1/accounts/{username}': {
      get: {
        summary: 'One account',
        description: 'Admins; anyone their own.',
        parameters: [username, correlationId],
        responses: { 200: { description: 'OK', content: json(accountSchema) }, ...errors },
      },
      ...accountWrite(
        'Changes the display name, agency and roles',
        'Admins (not their own admin role)',
        changeAccountRequest,
        accountSchema,
      ),
    },
    '/api/v1/accounts/{username}/password': accountWrite(
      "Sets a password: an admin resets another's; one's own needs currentPassword. Ends the account's other sessions",
      'Admins; anyone their own',
      setPasswordRequest,
      accountSchema,
    ),
    '/api/v1/accounts/{username}/disable': accountWrite(
      'Disables the account and ends its sessions',
      'Admins (not their own)',
      disableAccountRequest,
      accountSchema,
    ),
    '/api/v1/accounts/{username}/enable': accountWrite('Enables a disabled account', 'Admins', null, accountSchema),
    '/api/v1/accounts/{username}/tokens': accountWrite(
      'Issues a bearer token acting as the account, for an API client, with an expiry (shown once)',
      'Admins',
      issueTokenRequest,
      issuedTokenAnswer,
      '201',
    ),
  };
}
