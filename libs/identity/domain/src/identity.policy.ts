import { ROLES, type Principal } from '@dm/contracts';
import type { Permission } from '@dm/eventsourcing';

const self = (principal: Principal, username: string) => principal.sub === username;
const isAdmin = (principal: Principal) => principal.roles.includes('admin');

/**
 * Who may do what with accounts (docs/security.md): admins manage them;
 * anyone signed in reads and changes their own password; an admin cannot
 * lock themselves out (disable their own account, drop their own admin role).
 */
export const identityPolicy = {
  /** Listing, creating, changing, enabling accounts and issuing API tokens. */
  manage: { roles: ['admin'] } satisfies Permission<void>,
  /** One account: an admin any, anyone else their own. */
  read: {
    roles: ROLES,
    rule: (principal, username) => (isAdmin(principal) || self(principal, username) ? null : 'Only an admin reads another account'),
  } satisfies Permission<string>,
  /** A password: an admin resets another's; one's own is changed with the current one. */
  setPassword: {
    roles: ROLES,
    rule: (principal, username) =>
      isAdmin(principal) || self(principal, username) ? null : "Only an admin sets another account's password",
  } satisfies Permission<string>,
  change: {
    roles: ['admin'],
    rule: (principal, change) =>
      self(principal, change.username) && !change.roles.includes('admin') ? 'An admin cannot take the admin role from themselves' : null,
  } satisfies Permission<{ username: string; roles: readonly string[] }>,
  disable: {
    roles: ['admin'],
    rule: (principal, username) => (self(principal, username) ? 'An admin cannot disable their own account' : null),
  } satisfies Permission<string>,
  /** Who is signed in, and signing out: anyone signed in. */
  session: { roles: ROLES } satisfies Permission<void>,
};
