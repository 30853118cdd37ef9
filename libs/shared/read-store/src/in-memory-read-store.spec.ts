import { GenerationReadStore } from './generation-read-store';
import { InMemoryReadStore } from './in-memory-read-store';
import { StagedReadStore } from './staged-read-store';
import { readStoreContract } from './testing/read-store-contract';

readStoreContract('InMemoryReadStore', async () => new InMemoryReadStore());
readStoreContract('StagedReadStore over InMemoryReadStore', async () => new StagedReadStore(new InMemoryReadStore()));
readStoreContract(
  'GenerationReadStore (generation 2) over InMemoryReadStore',
  async () => new GenerationReadStore(new InMemoryReadStore(), 2),
);
