import type { RegistryAnswer } from '../../api/types';

export interface PartyOption {
  label: string;
  options: Array<{ value: string; label: string }>;
}

/** What a directive may address on its date: the groups (fanning out to their members), then the agencies. */
export function partyOptions(registry: RegistryAnswer | undefined, labels: { groups: string; agencies: string }): PartyOption[] {
  if (!registry) return [];
  return [
    { label: labels.groups, options: registry.groups.map((g) => ({ value: g.id, label: g.name })) },
    { label: labels.agencies, options: registry.agencies.map((a) => ({ value: a.id, label: a.name })) },
  ];
}

export const agencyOptions = (registry: RegistryAnswer | undefined) =>
  (registry?.agencies ?? []).map((a) => ({ value: a.id, label: a.name }));

/** The body an office issues for: the office's parent (vp-ubnd-tinh issues for ubnd-tinh), else the agency itself. */
export function defaultIssuer(registry: RegistryAnswer | undefined, agencyId: string | null): string | undefined {
  const agency = registry?.agencies.find((a) => a.id === agencyId);
  if (!agency) return agencyId ?? undefined;
  return agency.kind === 'office' && agency.parent ? agency.parent : agency.id;
}
