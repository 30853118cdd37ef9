import { everyone, type Action } from './authorization-table.fixtures';

const agencies = { own: 'so-ldtbxh', other: 'h-ba-thuoc' };
const admins = { admin: 'any' } as const;
const ghost = 'khong-co-tai-khoan';

/**
 * Sign-in, sessions and accounts (docs/security.md): public sign-in routes,
 * anyone's own session, admins' accounts; the account routes name `username`.
 */
export function identityActionsOn(username: () => string): Record<string, Action> {
  return {
    'see how one may sign in': {
      route: 'GET /api/v1/auth/methods',
      agencies,
      allowed: everyone,
      public: true,
      send: (as) => as.get('/api/v1/auth/methods'),
    },
    'sign in': {
      route: 'POST /api/v1/auth/sign-in',
      agencies,
      allowed: everyone,
      public: true,
      send: (as) => as.post('/api/v1/auth/sign-in', { username: ghost, password: 42 }),
    },
    'read one’s session': { route: 'GET /api/v1/auth/session', agencies, allowed: everyone, send: (as) => as.get('/api/v1/auth/session') },
    'sign out': { route: 'POST /api/v1/auth/sign-out', agencies, allowed: everyone, send: (as) => as.post('/api/v1/auth/sign-out', {}) },
    'start a sign-in with the identity provider': {
      route: 'GET /api/v1/auth/oidc/start',
      agencies,
      allowed: everyone,
      public: true,
      send: (as) => as.get('/api/v1/auth/oidc/start'),
    },
    'come back from the identity provider': {
      route: 'GET /api/v1/auth/oidc/callback',
      agencies,
      allowed: everyone,
      public: true,
      send: (as) => as.get('/api/v1/auth/oidc/callback?code=x&state=y'),
    },
    'list accounts': { route: 'GET /api/v1/accounts', agencies, allowed: admins, send: (as) => as.get('/api/v1/accounts') },
    'create an account': {
      route: 'POST /api/v1/accounts',
      agencies,
      allowed: admins,
      send: (as) => as.post('/api/v1/accounts', { username: ghost, password: 'short' }),
    },
    'read another’s account': {
      route: 'GET /api/v1/accounts/:username',
      agencies,
      allowed: admins,
      send: (as) => as.get(`/api/v1/accounts/${username()}`),
    },
    'change an account': {
      route: 'POST /api/v1/accounts/:username',
      agencies,
      allowed: admins,
      send: (as) => as.post(`/api/v1/accounts/${username()}`, { displayName: 'x', roles: ['inspector'] }),
    },
    'reset another’s password': {
      route: 'POST /api/v1/accounts/:username/password',
      agencies,
      allowed: admins,
      send: (as) => as.post(`/api/v1/accounts/${username()}/password`, { password: 'a long enough password' }),
    },
    'disable an account': {
      route: 'POST /api/v1/accounts/:username/disable',
      agencies,
      allowed: admins,
      send: (as) => as.post(`/api/v1/accounts/${username()}/disable`, { reason: 'x' }),
    },
    'enable an account': {
      route: 'POST /api/v1/accounts/:username/enable',
      agencies,
      allowed: admins,
      send: (as) => as.post(`/api/v1/accounts/${username()}/enable`, {}),
    },
    'issue an API token': {
      route: 'POST /api/v1/accounts/:username/tokens',
      agencies,
      allowed: admins,
      send: (as) => as.post(`/api/v1/accounts/${username()}/tokens`, { label: 'x', expiresInDays: 1 }),
    },
  };
}

/** The identity actions on an account that does not exist. */
export const identityActions = identityActionsOn(() => ghost);
