import type { Actor, Role } from '@dm/contracts';

export const ROLES = ['agency_officer', 'monitoring_officer', 'inspector', 'admin'] as const;
export type UserRole = (typeof ROLES)[number];

/** The caller, from the verified bearer token's claims. */
export interface Principal {
  sub: string;
  name: string | null;
  agencyId: string | null;
  roles: UserRole[];
}

export const hasRole = (p: Principal, role: UserRole) => p.roles.includes(role);

/** The actor recorded on events: the role the caller acted in. */
export function actorOf(p: Principal, actingAs: Role): Actor {
  return { userId: p.sub, agencyId: p.agencyId, role: actingAs };
}
