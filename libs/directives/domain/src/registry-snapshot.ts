/**
 * The agency registry as it stood when a directive is issued (built by the
 * registry lib; the decider receives it inside the issue command).
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

/** The office of a body: the agency of kind `office` whose parent is that body (first in registry order), or null. */
export function officeOf(registry: RegistrySnapshot, bodyId: string): string | null {
  return Object.values(registry.agencies).find((a) => a.kind === 'office' && a.parent === bodyId)?.id ?? null;
}
