import { AGENCY_KINDS, type registryResponse } from '@dm/contracts/web';
import type { z } from 'zod';

/**
 * The preview of a directive's fan-out, mirroring the directives domain
 * (libs/directives/domain/src/issue-directive.ts, `resolveAssignments`, and
 * the registry snapshot of libs/registry): a group addressed reaches its
 * members valid on the directive's date, in registry order.
 */

type Registry = z.infer<typeof registryResponse>;
type Mode = 'giao' | 'yeu-cau' | 'de-nghi';

/** The registry as it stood on one date (GET /api/v1/agencies?asOf=): what a group reaches then. */
export interface RegistryOnDate {
  agencies: Map<string, { id: string; name: string; kind: string }>;
  /** Each group valid then, with its members then, in registry order. */
  groups: Map<string, { id: string; name: string; members: string[] }>;
}

/** Builds the snapshot from the registry answer asked `asOf` the directive's date. */
export function registryOnDate(registry: Pick<Registry, 'agencies' | 'groups'>): RegistryOnDate {
  const agencies = new Map(registry.agencies.map((a) => [a.id, { id: a.id, name: a.name, kind: a.kind }]));
  const groups = new Map(registry.groups.map((g) => [g.id, { id: g.id, name: g.name, members: [] as string[] }]));
  for (const agency of registry.agencies) for (const groupId of agency.groups) groups.get(groupId)?.members.push(agency.id);
  return { agencies, groups };
}

export interface PreviewAssignment {
  agencyId: string;
  name: string;
  role: 'lead' | 'coordinating';
  viaGroup: string | null;
  /** The assignment's mode: a party body addressed by a state body is requested (đề nghị). */
  mode: Mode;
}

export interface FanOutPreview {
  assignments: PreviewAssignment[];
  /** Ids that are neither an agency nor a group on the date. */
  unknown: string[];
  /** Groups with no member on the date (the directive would be refused). */
  emptyGroups: string[];
}

const sphereOf = (kind: string | undefined) =>
  kind && Object.hasOwn(AGENCY_KINDS, kind) ? AGENCY_KINDS[kind as keyof typeof AGENCY_KINDS] : 'local';

/** The agencies an id reaches: an agency itself (agencies win when an id is both), a group its members. */
function reach(registry: RegistryOnDate, id: string): Array<{ agencyId: string; viaGroup: string | null }> {
  if (registry.agencies.has(id)) return [{ agencyId: id, viaGroup: null }];
  return (registry.groups.get(id)?.members ?? []).map((agencyId) => ({ agencyId, viaGroup: id }));
}

/**
 * One assignment per agency, lead ids first then coordinating ones: an
 * agency reached twice keeps its first way in, and a lead agency gets no
 * coordinating assignment.
 */
export function previewFanOut(
  task: { lead: string[]; coordinating: string[]; mode: Mode },
  registry: RegistryOnDate,
  issuer: string | undefined,
): FanOutPreview {
  const issuerSphere = sphereOf(issuer ? registry.agencies.get(issuer)?.kind : undefined);
  const preview: FanOutPreview = { assignments: [], unknown: [], emptyGroups: [] };
  const reached = new Set<string>();
  for (const role of ['lead', 'coordinating'] as const) {
    for (const id of task[role]) {
      if (!registry.agencies.has(id) && !registry.groups.has(id)) preview.unknown.push(id);
      else if (!registry.agencies.has(id) && registry.groups.get(id)?.members.length === 0) preview.emptyGroups.push(id);
      for (const { agencyId, viaGroup } of reach(registry, id)) {
        if (reached.has(agencyId)) continue;
        reached.add(agencyId);
        const agency = registry.agencies.get(agencyId);
        const requested = task.mode !== 'de-nghi' && sphereOf(agency?.kind) === 'party' && issuerSphere !== 'party';
        preview.assignments.push({ agencyId, name: agency?.name ?? agencyId, role, viaGroup, mode: requested ? 'de-nghi' : task.mode });
      }
    }
  }
  return preview;
}

/** How many assignments of each role a preview holds. */
export const countByRole = (preview: FanOutPreview) => ({
  lead: preview.assignments.filter((a) => a.role === 'lead').length,
  coordinating: preview.assignments.filter((a) => a.role === 'coordinating').length,
});
