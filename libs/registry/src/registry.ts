import { createHash } from 'node:crypto';
import { officeOf, type RegistrySnapshot } from './snapshot';

export interface AgencyRecord {
  id: string;
  name: string;
  kind: string;
  parent: string | null;
  groups: string[];
  aliases: string[];
  validFrom: string;
  validTo: string | null;
}

export interface GroupRecord {
  id: string;
  name: string;
  validFrom: string;
  validTo: string | null;
}

export interface RegistryFile {
  registry: string;
  edition: string;
  source?: string;
  agencies: AgencyRecord[];
  groups: GroupRecord[];
}

const validOn = (date: string) => (r: { validFrom: string; validTo: string | null }) =>
  r.validFrom <= date && (r.validTo === null || date < r.validTo);

/** The dated agency registry: a group resolves to the agencies that were its members on a given date. */
export class AgencyRegistry {
  readonly version: string;

  constructor(private readonly file: RegistryFile) {
    const digest = createHash('sha256').update(JSON.stringify(file)).digest('hex').slice(0, 12);
    this.version = `${file.registry}-${file.edition}@${digest}`;
  }

  snapshot(date: string): RegistrySnapshot {
    const agencies = this.file.agencies.filter(validOn(date));
    const groups = this.file.groups.filter(validOn(date));
    return {
      version: this.version,
      agencies: Object.fromEntries(
        agencies.map((a) => [a.id, { id: a.id, name: a.name, kind: a.kind, parent: a.parent, groups: a.groups }]),
      ),
      groups: Object.fromEntries(
        groups.map((g) => [g.id, { id: g.id, name: g.name, members: agencies.filter((a) => a.groups.includes(g.id)).map((a) => a.id) }]),
      ),
    };
  }

  agency(id: string): AgencyRecord | undefined {
    return this.file.agencies.find((a) => a.id === id);
  }

  agencies(): AgencyRecord[] {
    return [...this.file.agencies];
  }

  groups(): GroupRecord[] {
    return [...this.file.groups];
  }

  /** The office (kind "office") that acts for a body, e.g. vp-ubnd-tinh for ubnd-tinh. */
  officeOf(bodyId: string): string | null {
    return officeOf(this.file.agencies, bodyId);
  }
}
