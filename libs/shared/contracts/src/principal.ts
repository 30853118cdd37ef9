import type { Actor, Role } from './envelope';

/** The roles a person can hold (the `roles` claim of a bearer token). */
export const ROLES = ['agency_officer', 'monitoring_officer', 'inspector', 'admin'] as const;
export type UserRole = (typeof ROLES)[number];

/** The caller, from the verified bearer token's claims. */
export interface Principal {
  sub: string;
  name: string | null;
  agencyId: string | null;
  roles: UserRole[];
}

export const hasRole = (principal: Principal, role: UserRole) => principal.roles.includes(role);

/** The actor recorded on events: the caller, in the role they acted in. */
export function actorOf(principal: Principal, actingAs: Role): Actor {
  return { userId: principal.sub, agencyId: principal.agencyId, role: actingAs };
}
