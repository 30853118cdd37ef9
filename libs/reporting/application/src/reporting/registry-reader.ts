import type { RegistryEvent } from '@dm/contracts';
import { foldEvents } from '@dm/eventsourcing';
import type { Document, ReadStore } from '@dm/read-store';
import { AgencyRegistry, registryDecider, registryVersion, type RegistryState } from '@dm/registry';
import { REGISTRY_EVENTS, type RegistryEventDoc, type RegistryOnDate } from '@dm/reporting-domain';

/**
 * The registry as the reporting context knows it: its events' documents
 * folded in memory, caught up (from the last revision folded) on each read.
 */
export class RegistryReader {
  private state: RegistryState = registryDecider.initialState();
  private revision = -1;
  private current = new AgencyRegistry(this.state, registryVersion(-1));

  constructor(private readonly store: () => ReadStore) {}

  async registry(): Promise<AgencyRegistry> {
    const docs = await this.store().find<RegistryEventDoc & Document>(REGISTRY_EVENTS, {
      where: { revision: { gte: this.revision + 1 } },
      orderBy: [['revision', 'asc']],
    });
    const next = docs.filter((d, i) => d.revision === this.revision + 1 + i);
    if (!next.length) return this.current;
    this.state = foldEvents(
      registryDecider,
      this.state,
      next.map((d) => ({ type: d.type, data: d.data }) as RegistryEvent),
    );
    this.revision = next[next.length - 1].revision;
    this.current = new AgencyRegistry(this.state, registryVersion(this.revision));
    return this.current;
  }

  /** Names and groups as of a date; an id the registry does not know is named by itself. */
  async on(date: string): Promise<RegistryOnDate & { registry: AgencyRegistry }> {
    const registry = await this.registry();
    const snapshot = registry.snapshot(date);
    const own = <T>(record: Record<string, T> | undefined, id: string) => (record && Object.hasOwn(record, id) ? record[id] : undefined);
    const nameOf = (id: string) => own(snapshot.agencies, id)?.name ?? own(snapshot.outside, id)?.name ?? registry.agency(id)?.name ?? id;
    const groups = Object.values(snapshot.groups)
      .map((g) => ({ id: g.id, name: g.name, members: g.members }))
      .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
    return { registry, nameOf, groups };
  }
}
