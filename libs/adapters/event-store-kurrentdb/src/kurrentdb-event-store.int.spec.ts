import { eventStoreContract } from '@dm/eventsourcing/testing';
import { skipTier } from '@dm/testing';
import { KurrentDbEventStore } from './kurrentdb-event-store';

const connectionString = process.env.KURRENTDB_URL;

if (!connectionString) {
  skipTier(
    'KurrentDbEventStore',
    'KURRENTDB_URL',
    'KURRENTDB_URL is not set (no KurrentDB server runs on this machine; docker compose starts one)',
  );
} else {
  const quiet = { warn: () => undefined };
  // Tests isolate themselves by unique stream ids, so every store of the run shares one name (and so one prefix).
  eventStoreContract(`KurrentDbEventStore (${connectionString.replace(/\/\/[^@/]*@/, '//')})`, (options) =>
    KurrentDbEventStore.connect({ name: 'contract', connectionString, logger: quiet, retryMs: 10, ...options }),
  );
}
