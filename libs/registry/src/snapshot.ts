/**
 * The agency registry as it stood on one date: the agencies valid then, and
 * each group with its members then. The directive decider receives it inside
 * the issue command.
 */
export interface RegistrySnapshot {
  version: string;
  agencies: Record<string, { id: string; name: string; kind: string; parent: string | null; groups: string[] }>;
  groups: Record<string, { id: string; name: string; members: string[] }>;
}

/** One agency reached by an addressee id: itself, or a member of a group. */
export interface ReachedAgency {
  agencyId: string;
  viaGroup: string | null;
}

export function isAgency(registry: RegistrySnapshot, id: string): boolean {
  return Object.hasOwn(registry.agencies, id);
}

export function isGroup(registry: RegistrySnapshot, id: string): boolean {
  return Object.hasOwn(registry.groups, id);
}

/**
 * The agencies an id names: an agency id names itself (agencies win if an id
 * is both); a group id names its members in registry order; otherwise none.
 */
export function resolveParty(registry: RegistrySnapshot, id: string): ReachedAgency[] {
  if (isAgency(registry, id)) return [{ agencyId: id, viaGroup: null }];
  if (isGroup(registry, id)) return registry.groups[id].members.map((agencyId) => ({ agencyId, viaGroup: id }));
  return [];
}

type AgencyLike = { id: string; kind: string; parent: string | null };

/** The office that acts for a body: the agency of kind `office` whose parent is that body (first in registry order), or null. */
export function officeOf(agencies: Record<string, AgencyLike> | AgencyLike[], bodyId: string): string | null {
  return Object.values(agencies).find((a) => a.kind === 'office' && a.parent === bodyId)?.id ?? null;
}
