import { InMemoryReadStore } from './in-memory-read-store';
import { readStoreContract } from './testing/read-store-contract';

readStoreContract('in memory', async () => new InMemoryReadStore());
