import { join } from 'node:path';
import { KurrentDbEventStore } from '@dm/event-store-kurrentdb';
import { SqliteEventStore } from '@dm/event-store-sqlite';
import type { EventStore } from '@dm/eventsourcing';
import { InMemoryMessageBus, type MessageBus } from '@dm/message-bus';
import { KafkaMessageBus } from '@dm/message-bus-kafka';
import type { HealthCheck } from '@dm/platform';
import type { ReadStore } from '@dm/read-store';
import { MongoReadStore } from '@dm/read-store-mongo';
import { SqliteReadStore } from '@dm/read-store-sqlite';
import type { ServiceConfig } from './service-config';
import { sqliteSyncOf } from './config';

/** The adapters the composition chooses from; only this library imports them (docs/architecture.md, "Ports and adapters"). */
export { SqliteEventStore, SqliteReadStore, MongoReadStore, KafkaMessageBus, KurrentDbEventStore };
export { WebhookNotifier, verifyWebhookSignature } from '@dm/notify-webhook';
export { SmtpNotifier } from '@dm/notify-smtp';

/** The configured event store of a writing service, named after it (its source name). */
export async function openEventStore(config: ServiceConfig): Promise<EventStore> {
  const name = config.service;
  if (config.eventStore.kind === 'kurrentdb') return KurrentDbEventStore.connect({ name, connectionString: config.eventStore.url });
  return sqliteEventStore(name, join(config.dataDir, `${name}.events.db`));
}

/** A SQLite event store, durable unless SQLITE_SYNC=normal. */
export function sqliteEventStore(name: string, file: string): SqliteEventStore {
  return new SqliteEventStore({ name, file, sync: sqliteSyncOf(process.env) });
}

export async function openBus(config: ServiceConfig): Promise<MessageBus> {
  if (config.bus.kind === 'kafka') {
    const { brokers, partitions, namespace } = config.bus;
    return KafkaMessageBus.connect({ brokers, clientId: config.service, partitions, namespace });
  }
  return new InMemoryMessageBus();
}

/** The configured read store; `file` names the SQLite file in the data directory. */
export async function openReadStore(config: ServiceConfig, file: string): Promise<ReadStore> {
  if (config.readStore.kind === 'mongodb')
    return MongoReadStore.connect({ url: config.readStore.url, database: config.readStore.database });
  return new SqliteReadStore({ file: join(config.dataDir, file) });
}

/** Readiness: each dependency answers a real request (a read of the store's head, a checkpoint query, a cluster description). */
export const readiness = {
  eventStore: (store: EventStore, details: () => Record<string, unknown> = () => ({})): HealthCheck => ({
    name: `event-store:${store.name}`,
    check: async () => ({ head: await store.headPosition(), ...details() }),
  }),
  readStore: (name: string, store: ReadStore): HealthCheck => ({
    name: `read-store:${name}`,
    check: async () => {
      await store.getCheckpoint('readiness');
      return {};
    },
  }),
  bus: (bus: MessageBus): HealthCheck[] => (bus.ping ? [{ name: 'message-bus', check: () => bus.ping!() }] : []),
};
