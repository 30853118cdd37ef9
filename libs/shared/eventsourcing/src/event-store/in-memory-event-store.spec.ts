import { eventStoreContract } from '../testing/event-store-contract';
import { InMemoryEventStore } from './in-memory-event-store';

eventStoreContract(
  'in memory',
  async (options) => new InMemoryEventStore({ name: 'contract', upcasters: options?.upcasters, logger: { warn: () => undefined } }),
);
