import { readStoreContract } from '@dm/read-store/testing';
import { skipTier } from '@dm/testing';
import { MongoReadStore } from './mongo-read-store';

const url = process.env.MONGO_URL;
const database = `dm_contract_${process.pid}_${Date.now()}`;

if (!url) {
  skipTier('MongoReadStore', 'MONGO_URL', 'MONGO_URL is not set (infra/local/up.sh starts FerretDB)');
} else {
  const opened: MongoReadStore[] = [];
  afterAll(async () => {
    if (opened[0]) {
      const cleaner = await MongoReadStore.connect({ url, database });
      await cleaner.dropDatabase();
      await cleaner.close();
    }
  });
  readStoreContract(`MongoReadStore (${url})`, async () => {
    const store = await MongoReadStore.connect({ url, database });
    opened.push(store);
    return store;
  });
}
