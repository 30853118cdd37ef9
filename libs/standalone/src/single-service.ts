import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openApiDocument } from '@dm/contracts';
import { SqliteEventStore } from '@dm/event-store';
import { InMemoryMessageBus, Relay } from '@dm/messaging';
import { consistencyToken, createHttpApp, loadOrCreateJwtKey, Metrics, PlatformModule, TokenService } from '@dm/platform';
import { AssignmentView, ProgressEventsModule } from '@dm/progress-events';
import { SqliteReadStore } from '@dm/read-store';
import { ReportProjectionModule } from '@dm/report-projection';
import { thanhHoa2017Registry } from '@dm/registry';
import { TaskAssignmentModule } from '@dm/task-assignment';
import { loadEmbeddedConfig } from './config';

export type ServiceName = 'task-assignment' | 'progress-events' | 'report-projection';

/**
 * One service alone in its process. Until the Kafka, KurrentDB and MongoDB
 * adapters are configured (issue "Distributed"), it runs on the embedded
 * adapters and its bus reaches no other process: use the standalone service
 * to run the whole system on one machine.
 */
export async function startSingleService(name: ServiceName, options: { dataDir: string; port: number; host: string }) {
  mkdirSync(options.dataDir, { recursive: true });
  const metrics = new Metrics();
  const bus = new InMemoryMessageBus();
  const closers: Array<() => Promise<void>> = [];
  let serviceModule: DynamicModule;
  let relay: Relay | undefined;
  if (name === 'report-projection') {
    const readStore = new SqliteReadStore({ file: join(options.dataDir, 'report-projection.read.db') });
    closers.push(() => readStore.close());
    serviceModule = ReportProjectionModule.register({ readStore, bus });
  } else {
    const eventStore = new SqliteEventStore({ name, file: join(options.dataDir, `${name}.events.db`) });
    relay = new Relay({ name: `relay:${name}`, store: eventStore, bus });
    closers.push(() => eventStore.close());
    if (name === 'task-assignment') {
      serviceModule = TaskAssignmentModule.register({ eventStore, registry: thanhHoa2017Registry() });
    } else {
      const viewStore = new SqliteReadStore({ file: join(options.dataDir, 'progress-events.view.db') });
      closers.push(() => viewStore.close());
      serviceModule = ProgressEventsModule.register({ eventStore, view: new AssignmentView(viewStore, 3000), bus });
    }
  }
  @Module({})
  class ServiceAppModule {}
  const root: DynamicModule = {
    module: ServiceAppModule,
    imports: [
      PlatformModule.forRoot({
        tokens: new TokenService(loadOrCreateJwtKey(options.dataDir)),
        metrics,
        consistency: { afterWrite: async (source, position) => consistencyToken(source, position) },
        healthChecks: [],
        openapi: openApiDocument(),
      }),
      CqrsModule.forRoot(),
      serviceModule,
    ],
  };
  const app = await createHttpApp(root, { metrics });
  await app.init();
  await relay?.start();
  await app.listen(options.port, options.host);
  return {
    app,
    close: async () => {
      await app.close();
      await relay?.stop();
      await bus.close();
      for (const close of closers) await close();
    },
  };
}

/** A service's process: configuration from the environment, closed on SIGTERM or SIGINT. */
export function runServiceMain(name: ServiceName): void {
  const main = async () => {
    const config = loadEmbeddedConfig();
    const service = await startSingleService(name, config);
    console.log(`${name} listening on ${config.host}:${config.port}, data in ${config.dataDir}`);
    const stop = async () => {
      await service.close();
      process.exit(0);
    };
    process.once('SIGTERM', () => void stop());
    process.once('SIGINT', () => void stop());
  };
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
