import { REGISTRY_EVENT_TYPES as T, type RegistryEvent, type Successor } from '@dm/contracts';
import { addDays } from '@dm/periods';

/** A span of days, both ends included; `to` null while it lasts. */
export interface Span {
  from: string;
  to: string | null;
}

export interface AgencyEntry extends Span {
  id: string;
  kind: string;
  parent: string | null;
  /** Each name with the day it took effect, oldest first. */
  names: Array<{ name: string; aliases: string[]; from: string }>;
  successors: Successor[];
}

export interface GroupEntry extends Span {
  id: string;
  name: string;
  /** Each membership, in the order the members joined. */
  members: Array<Span & { agencyId: string }>;
}

/** The registry as its events tell it: every agency and group with its validity, names and memberships. */
export interface RegistryState {
  agencies: Record<string, AgencyEntry>;
  groups: Record<string, GroupEntry>;
  /** Agency ids in the order they were created: the registry's order. */
  order: string[];
}

export const initialRegistryState = (): RegistryState => ({ agencies: {}, groups: {}, order: [] });

export const covers = (span: Span, date: string): boolean => span.from <= date && (span.to === null || date <= span.to);
export const overlaps = (a: Span, b: Span): boolean => (a.to === null || b.from <= a.to) && (b.to === null || a.from <= b.to);

export function evolveRegistry(state: RegistryState, event: RegistryEvent): RegistryState {
  switch (event.type) {
    case T.agencyCreated: {
      const d = event.data;
      const agency: AgencyEntry = {
        id: d.agencyId,
        kind: d.kind,
        parent: d.parent,
        from: d.validFrom,
        to: null,
        names: [{ name: d.name, aliases: d.aliases, from: d.validFrom }],
        successors: [],
      };
      const groups = { ...state.groups };
      for (const g of d.groups) groups[g] = join(groups[g], d.agencyId, d.validFrom);
      return { agencies: { ...state.agencies, [d.agencyId]: agency }, groups, order: [...state.order, d.agencyId] };
    }
    case T.agencyRenamed: {
      const d = event.data;
      const agency = state.agencies[d.agencyId];
      const names = [...agency.names, { name: d.name, aliases: d.aliases, from: d.effectiveOn }];
      return { ...state, agencies: { ...state.agencies, [d.agencyId]: { ...agency, names } } };
    }
    case T.agencyEnded: {
      const d = event.data;
      const agency = { ...state.agencies[d.agencyId], to: d.validTo, successors: d.successors };
      return { ...state, agencies: { ...state.agencies, [d.agencyId]: agency } };
    }
    case T.groupCreated: {
      const d = event.data;
      const group: GroupEntry = { id: d.groupId, name: d.name, from: d.validFrom, to: null, members: [] };
      return { ...state, groups: { ...state.groups, [d.groupId]: group } };
    }
    case T.groupEnded: {
      const d = event.data;
      return { ...state, groups: { ...state.groups, [d.groupId]: { ...state.groups[d.groupId], to: d.validTo } } };
    }
    case T.groupMembersChanged: {
      const d = event.data;
      let group = state.groups[d.groupId];
      const lastDay = addDays(d.effectiveOn, -1);
      const removed = new Set(d.removed);
      group = {
        ...group,
        members: group.members.map((m) => (removed.has(m.agencyId) && m.to === null ? { ...m, to: lastDay } : m)),
      };
      for (const id of d.added) group = join(group, id, d.effectiveOn);
      return { ...state, groups: { ...state.groups, [d.groupId]: group } };
    }
    default:
      return state;
  }
}

function join(group: GroupEntry, agencyId: string, from: string): GroupEntry {
  return { ...group, members: [...group.members, { agencyId, from, to: null }] };
}

/** The name (and aliases) an agency bore on a date: the last taking effect on or before it, else its first. */
export function nameOn(agency: AgencyEntry, date: string): { name: string; aliases: string[] } {
  let current = agency.names[0];
  for (const n of agency.names) if (n.from <= date) current = n;
  return current;
}

/** A membership counts on a date when the membership, the agency and the group all cover it. */
export function membersOn(state: RegistryState, group: GroupEntry, date: string): string[] {
  if (!covers(group, date)) return [];
  const members = new Set(
    group.members
      .filter((m) => covers(m, date) && state.agencies[m.agencyId] && covers(state.agencies[m.agencyId], date))
      .map((m) => m.agencyId),
  );
  return state.order.filter((id) => members.has(id));
}

/** The groups an agency belongs to on a date. */
export function groupsOf(state: RegistryState, agencyId: string, date: string): string[] {
  return Object.values(state.groups)
    .filter((g) => covers(g, date) && g.members.some((m) => m.agencyId === agencyId && covers(m, date)))
    .map((g) => g.id);
}
