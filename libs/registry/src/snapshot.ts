import { AGENCY_KINDS, type Successor } from '@dm/contracts';

/**
 * The agency registry as it stood on one date: the agencies valid then, and
 * each group with its members then. The directive decider receives it inside
 * the issue command.
 */
export interface RegistrySnapshot {
  version: string;
  agencies: Record<string, { id: string; name: string; kind: string; parent: string | null; groups: string[] }>;
  groups: Record<string, { id: string; name: string; members: string[] }>;
  /** Ids the registry knows that are not valid on the snapshot's date, with their validity and successors: what a refusal names. */
  outside?: Record<string, { name: string; validFrom: string; validTo: string | null; successors: Successor[] }>;
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

/** The sphere of a kind of body (local, council, central, party); unknown kinds are local. */
export const sphereOf = (kind: string | undefined): string =>
  kind && Object.hasOwn(AGENCY_KINDS, kind) ? AGENCY_KINDS[kind as keyof typeof AGENCY_KINDS] : 'local';

/**
 * The office that acts for a body: the agency of kind `office` whose parent is
 * that body (first in registry order). A body outside the province's
 * administration (the Government, a ministry, the Party committee, the
 * People's Council) has its documents recorded by the province's office.
 */
export function officeOf(agencies: Record<string, AgencyLike> | AgencyLike[], bodyId: string): string | null {
  const all = Object.values(agencies);
  const own = all.find((a) => a.kind === 'office' && a.parent === bodyId)?.id;
  if (own) return own;
  const body = all.find((a) => a.id === bodyId);
  if (!body || sphereOf(body.kind) === 'local') return null;
  const province = all.find((a) => a.kind === 'province');
  return province ? (all.find((a) => a.kind === 'office' && a.parent === province.id)?.id ?? null) : null;
}
