import { join } from 'node:path';
import { KurrentDbEventStore, SqliteEventStore, type EventStore } from '@dm/event-store';
import { InMemoryMessageBus, KafkaMessageBus, type MessageBus } from '@dm/messaging';
import { MongoReadStore, SqliteReadStore, type ReadStore } from '@dm/read-store';
import type { ServiceConfig } from './service-config';

/** The configured event store of a writing service, named after it (its source name). */
export async function openEventStore(config: ServiceConfig): Promise<EventStore> {
  const name = config.service;
  if (config.eventStore.kind === 'kurrentdb') return KurrentDbEventStore.connect({ name, connectionString: config.eventStore.url });
  return new SqliteEventStore({ name, file: join(config.dataDir, `${name}.events.db`) });
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
  if (config.readStore.kind === 'mongodb') return MongoReadStore.connect({ url: config.readStore.url, database: config.readStore.database });
  return new SqliteReadStore({ file: join(config.dataDir, file) });
}
