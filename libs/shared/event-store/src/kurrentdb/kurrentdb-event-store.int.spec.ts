import { eventStoreContract } from '@dm/testing';
import { KurrentDbEventStore } from './kurrentdb-event-store';

const connectionString = process.env.KURRENTDB_URL;

if (!connectionString) {
  console.log('KurrentDbEventStore tier skipped: KURRENTDB_URL is not set (no KurrentDB server runs on this machine; docker compose starts one)');
  describe.skip('KurrentDbEventStore (skipped, reason: KURRENTDB_URL is not set)', () => {
    it('needs a KurrentDB server', () => undefined);
  });
} else {
  const quiet = { warn: () => undefined };
  // Tests isolate themselves by unique stream ids, so every store of the run shares one name (and so one prefix).
  eventStoreContract(`KurrentDbEventStore (${connectionString.replace(/\/\/[^@/]*@/, '//')})`, (options) =>
    KurrentDbEventStore.connect({ name: 'contract', connectionString, logger: quiet, retryMs: 10, ...options }),
  );
}
