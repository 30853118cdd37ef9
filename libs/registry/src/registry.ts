import type { Successor } from '@dm/contracts';
import { covers, groupsByAgencyOn, groupsOf, membersOn, nameOn, type RegistryState } from './registry-state';
import { officeOf, type RegistrySnapshot } from './snapshot';

/** An agency as the registry lists it: its name on the date asked (the latest by default), validity and successors. */
export interface AgencyRecord {
  id: string;
  name: string;
  kind: string;
  parent: string | null;
  groups: string[];
  aliases: string[];
  validFrom: string;
  /** The agency's last day, or null while it lasts. */
  validTo: string | null;
  successors: Successor[];
  names: Array<{ name: string; from: string }>;
}

export interface GroupRecord {
  id: string;
  name: string;
  validFrom: string;
  validTo: string | null;
}

/**
 * The dated agency registry at one revision of its stream: a group resolves
 * to the agencies that were its members on a given date.
 */
export class AgencyRegistry {
  /** Snapshots by date: a registry at one revision never changes, and a province's directives share few dates. */
  private readonly snapshots = new Map<string, RegistrySnapshot>();

  constructor(
    readonly state: RegistryState,
    /** `registry@r<revision>`: the registry as known after that event of its stream. */
    readonly version: string,
  ) {}

  snapshot(date: string): RegistrySnapshot {
    let found = this.snapshots.get(date);
    if (!found) {
      if (this.snapshots.size >= 64) this.snapshots.delete(this.snapshots.keys().next().value as string);
      this.snapshots.set(date, (found = this.snapshotOn(date)));
    }
    return found;
  }

  private snapshotOn(date: string): RegistrySnapshot {
    const { state } = this;
    const agencies: RegistrySnapshot['agencies'] = {};
    const outside: NonNullable<RegistrySnapshot['outside']> = {};
    const groupsOfAgency = groupsByAgencyOn(state, date);
    for (const id of state.order) {
      const a = state.agencies[id];
      if (covers(a, date))
        agencies[id] = { id, name: nameOn(a, date).name, kind: a.kind, parent: a.parent, groups: groupsOfAgency.get(id) ?? [] };
      else outside[id] = { name: nameOn(a, date).name, validFrom: a.from, validTo: a.to, successors: a.successors };
    }
    const groups: RegistrySnapshot['groups'] = {};
    for (const g of Object.values(state.groups)) {
      if (covers(g, date)) groups[g.id] = { id: g.id, name: g.name, members: membersOn(state, g, date) };
      else outside[g.id] = { name: g.name, validFrom: g.from, validTo: g.to, successors: [] };
    }
    return { version: this.version, agencies, groups, outside };
  }

  agency(id: string, date?: string, groups?: Map<string, string[]>): AgencyRecord | undefined {
    const a = Object.hasOwn(this.state.agencies, id) ? this.state.agencies[id] : undefined;
    if (!a) return undefined;
    // Without a date: as on its last day (or, while it lasts, with every name change so far).
    const day = date ?? a.to ?? '9999-12-31';
    const { name, aliases } = nameOn(a, day);
    return {
      id,
      name,
      kind: a.kind,
      parent: a.parent,
      groups: groups ? (groups.get(id) ?? []) : groupsOf(this.state, id, day),
      aliases,
      validFrom: a.from,
      validTo: a.to,
      successors: a.successors,
      names: a.names.map((n) => ({ name: n.name, from: n.from })),
    };
  }

  /** Every agency the registry knows, in registry order; with a date, those valid on it, named as then. */
  agencies(date?: string): AgencyRecord[] {
    const ids = this.state.order.filter((id) => !date || covers(this.state.agencies[id], date));
    if (date) {
      const groups = groupsByAgencyOn(this.state, date);
      return ids.map((id) => this.agency(id, date, groups) as AgencyRecord);
    }
    return ids.map((id) => this.agency(id) as AgencyRecord);
  }

  groups(date?: string): GroupRecord[] {
    return Object.values(this.state.groups)
      .filter((g) => !date || covers(g, date))
      .map((g) => ({ id: g.id, name: g.name, validFrom: g.from, validTo: g.to }));
  }

  /** The office that acts for a body on a date (today by default), e.g. vp-ubnd-tinh for ubnd-tinh. */
  officeOf(bodyId: string, date: string): string | null {
    return officeOf(this.snapshot(date).agencies, bodyId);
  }
}
