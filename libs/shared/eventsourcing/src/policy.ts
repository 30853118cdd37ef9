import { hasRole, type Principal, type UserRole } from '@dm/contracts';
import { ForbiddenError } from './errors';

/**
 * Who may do one action: the roles that may attempt it at all, and the rule
 * on the resource acted on (null when allowed, else why not). Each context
 * keeps its permissions in one policy module; routes and queries call them.
 */
export interface Permission<Resource = void> {
  roles: readonly UserRole[];
  rule?: (principal: Principal, resource: Resource) => string | null;
}

/** Whether the caller holds a role that may attempt the action (checked before the request is read). */
export const mayAttempt = (permission: Permission<any>, principal: Principal): boolean =>
  permission.roles.some((role) => hasRole(principal, role));

export function assertMayAttempt(permission: Permission<any>, principal: Principal): void {
  if (!mayAttempt(permission, principal)) throw new ForbiddenError(`This action needs the role ${permission.roles.join(' or ')}`);
}

/** Throws ForbiddenError unless the caller may do the action on this resource. */
export function authorize<R>(permission: Permission<R>, principal: Principal, resource: R): void {
  assertMayAttempt(permission, principal);
  const refusal = permission.rule?.(principal, resource) ?? null;
  if (refusal !== null) throw new ForbiddenError(refusal);
}

export function isAllowed<R>(permission: Permission<R>, principal: Principal, resource: R): boolean {
  return mayAttempt(permission, principal) && (permission.rule?.(principal, resource) ?? null) === null;
}
