import { REGISTRY_EVENT_TYPES } from '@dm/contracts';
import type { Projection } from '@dm/eventsourcing';

export const REGISTRY_EVENTS = 'registry-events';

/** One registry event as the reporting context keeps it: folded with the registry's decider, it names agencies and groups as of a date. */
export interface RegistryEventDoc {
  _id: string;
  revision: number;
  type: string;
  data: Record<string, unknown>;
}

/** The `registry-events` read model: the registry's stream, one insert-only document per event. */
export const registryEventsProjection: Projection = {
  collection: REGISTRY_EVENTS,
  canHandle: Object.values(REGISTRY_EVENT_TYPES),
  indexes: [['revision']],
  evolve: (event) => [
    {
      id: `r${String(event.streamRevision).padStart(9, '0')}`,
      source: 'g',
      revision: 0,
      setOnInsert: {},
      set: { revision: event.streamRevision, type: event.type, data: event.data },
      insertOnly: true,
    },
  ],
};
