import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { mkdirSync } from 'node:fs';
import { openApiDocument, REPORTING_STORE } from '@dm/contracts';
import type { EventStore } from '@dm/eventsourcing';
import { Relay, type MessageBus } from '@dm/message-bus';
import {
  consistencyToken,
  createHttpApp,
  createLogger,
  flushLogs,
  Metrics,
  PlatformModule,
  TokenService,
  type HealthCheck,
  type SessionResolver,
} from '@dm/platform';
import { IdentityModule, RemoteSessions } from '@dm/identity';
import { identityContextOf, serviceIdentityStores } from './identity-wiring';
import { InspectionModule, type AuditTrail } from '@dm/inspection';
import { AssignmentView, ProgressEventsModule } from '@dm/progress-events';
import type { ReadStore } from '@dm/read-store';
import { ReportProjectionModule } from '@dm/report-projection';
import { AssignmentActivity, TaskAssignmentModule } from '@dm/task-assignment';
import { openBus, openEventStore, openReadStore, readiness } from './adapters';
import { ACCESS_STORE, auditTrailOf, checkpointDirectoryOf, openNamedEventStore } from './audit-wiring';
import { relayMetrics } from './embedded-runtime';
import { notificationSettingsOf } from './notification-config';
import { runMain } from './run-main';
import { edgeOptionsOf } from './edge-config';
import { loadServiceConfig, type ServiceConfig, type ServiceName } from './service-config';

export type { ServiceName } from './service-config';

interface Wiring {
  module: DynamicModule;
  /** report-projection's audit trail: the inspection routes, the access log, the checkpoints reports name. */
  audit?: AuditTrail;
  healthChecks: HealthCheck[];
  extraChecks?: HealthCheck[];
  relay?: Relay;
  closers: Array<() => Promise<void>>;
  /** Who checks a session cookie: task-assignment keeps the sessions; the others ask it. */
  sessions?: SessionResolver;
  start?: () => Promise<void>;
}

function writerWiring(
  config: ServiceConfig,
  eventStore: EventStore,
  bus: MessageBus,
  metrics: Metrics,
  extra: Wiring['closers'],
): Omit<Wiring, 'module'> {
  const relay = new Relay({ name: `relay:${eventStore.name}`, store: eventStore, bus, batchSize: 500 });
  relayMetrics(metrics, eventStore, relay);
  return {
    relay,
    healthChecks: [readiness.eventStore(eventStore, () => ({ kind: config.eventStore.kind, relayed: relay.position }))],
    closers: [...extra, () => eventStore.close()],
  };
}

async function wire(config: ServiceConfig, bus: MessageBus, metrics: Metrics, tokens: TokenService): Promise<Wiring> {
  switch (config.service) {
    case 'task-assignment': {
      const eventStore = await openEventStore(config);
      const activityStore = await openReadStore(config, 'task-assignment.activity.db');
      const activity = new AssignmentActivity(activityStore);
      const identityStores = await serviceIdentityStores(config);
      const identity = identityContextOf(identityStores, eventStore, tokens);
      const closeIdentity = async () => {
        await identityStores.eventStore.close();
        await identityStores.readStore.close();
      };
      const writer = writerWiring(config, eventStore, bus, metrics, [() => activityStore.close(), closeIdentity]);
      @Module({})
      class TaskAssignmentWithIdentity {}
      return {
        ...writer,
        module: {
          module: TaskAssignmentWithIdentity,
          imports: [TaskAssignmentModule.register({ eventStore, activity, bus }), IdentityModule.register(identity)],
        },
        extraChecks: [
          readiness.readStore(config.readStore.kind, activityStore),
          readiness.eventStore(identityStores.eventStore),
          readiness.readStore(config.readStore.kind, identityStores.readStore),
        ],
        sessions: identity.sessions,
        start: () => identity.start(),
      };
    }
    case 'progress-events': {
      const eventStore = await openEventStore(config);
      const viewStore = await openReadStore(config, 'progress-events.view.db');
      const view = new AssignmentView(viewStore, config.viewWaitMs);
      return {
        ...writerWiring(config, eventStore, bus, metrics, [() => viewStore.close()]),
        module: ProgressEventsModule.register({ eventStore, view, bus }),
        extraChecks: [readiness.readStore(config.readStore.kind, viewStore)],
      };
    }
    case 'report-projection': {
      const readStore: ReadStore = await openReadStore(config, 'report-projection.read.db');
      const audited = await Promise.all(config.audit.stores.map(({ name, file }) => openNamedEventStore(config, name, file)));
      const accessStore = await openNamedEventStore(config, ACCESS_STORE, null);
      const reportingStore = await openNamedEventStore(config, REPORTING_STORE, null);
      const audit = auditTrailOf({
        audited: [...audited, reportingStore],
        accessStore,
        nodes: readStore,
        keyDir: config.dataDir,
        checkpointDir: config.audit.checkpointDir,
        contiguous: config.eventStore.kind === 'sqlite',
      });
      return {
        audit,
        module: ReportProjectionModule.register({
          readStore,
          bus,
          metrics,
          consistencyTimeoutMs: config.consistencyTimeoutMs,
          rules: { recordedLateAfterWorkingDays: config.recordedLateAfterWorkingDays },
          eventStore: reportingStore,
          checkpoints: checkpointDirectoryOf(audit),
          ...notificationSettingsOf(process.env, config.service),
        }),
        healthChecks: [
          readiness.readStore(config.readStore.kind, readStore),
          ...[...audited, accessStore, reportingStore].map((s) => readiness.eventStore(s)),
        ],
        closers: [() => audit.stop(), ...[...audited, accessStore, reportingStore].map((s) => () => s.close()), () => readStore.close()],
      };
    }
  }
}

/**
 * One service alone in its process, on the adapters its configuration names:
 * SQLite or KurrentDB events, the in-process bus or Kafka, SQLite or MongoDB
 * read models. A writing service relays its store to the bus.
 */
export async function startSingleService(config: ServiceConfig) {
  mkdirSync(config.dataDir, { recursive: true });
  const metrics = new Metrics();
  const bus = await openBus(config);
  const tokens = tokenServiceOf(config);
  const wiring = await wire(config, bus, metrics, tokens);
  @Module({})
  class ServiceAppModule {}
  const root: DynamicModule = {
    module: ServiceAppModule,
    imports: [
      PlatformModule.forRoot({
        tokens,
        metrics,
        // Distributed: the write answers at once; a read waits on its token.
        consistency: { afterWrite: async (written) => consistencyToken(written) },
        healthChecks: [...wiring.healthChecks, ...(wiring.extraChecks ?? []), ...readiness.bus(bus)],
        openapi: openApiDocument(),
        checkpoints: wiring.audit && checkpointDirectoryOf(wiring.audit),
        sessions: wiring.sessions ?? new RemoteSessions(config.identityUrl),
      }),
      CqrsModule.forRoot(),
      wiring.module,
      ...(wiring.audit ? [InspectionModule.register(wiring.audit)] : []),
    ],
  };
  const logger = createLogger(config.logLevel).child({ service: config.service });
  const app = await createHttpApp(root, {
    metrics,
    logger,
    accessLog: wiring.audit?.accessLog,
    // Behind the gateway: its X-Forwarded-For believed, no limit of connections per address (docs/security.md, "Limits and headers").
    edge: edgeOptionsOf(process.env, 'behind-gateway', config.service),
  });
  await wiring.start?.();
  await app.init();
  await wiring.relay?.start();
  if (wiring.audit) {
    await wiring.audit.start();
    wiring.audit.checkpoints.startSchedule();
  }
  await app.listen(config.port, config.host);
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return {
    app,
    port,
    logger,
    close: async () => {
      await app.close();
      await wiring.relay?.stop();
      await bus.close();
      for (const close of wiring.closers) await close();
      await flushLogs(logger);
    },
  };
}

/** The sign-in component signs with the keys of its directory; the others verify with the public keys it serves. */
export const tokenServiceOf = (config: ServiceConfig): TokenService =>
  'signingKeysDir' in config.tokens
    ? TokenService.holdingKeys(config.tokens.signingKeysDir)
    : TokenService.verifyingWith(config.tokens.jwksUrl);

/** A service's process: configuration from the environment, checked before anything starts. */
export function runServiceMain(name: ServiceName): void {
  runMain(async () => {
    const config = loadServiceConfig(name);
    const service = await startSingleService(config);
    const { eventStore, bus, readStore } = config;
    service.logger.info(
      {
        host: config.host,
        port: service.port,
        eventStore: eventStore.kind,
        bus: bus.kind,
        readStore: readStore.kind,
        dataDir: config.dataDir,
      },
      `${name} listening`,
    );
    return service;
  });
}
