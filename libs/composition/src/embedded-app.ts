import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  createHttpApp,
  createLogger,
  defaultWebDir,
  flushLogs,
  PlatformModule,
  WebAssets,
  type EdgeOptions,
  type LogLevel,
} from '@dm/platform';
import type { Logger } from 'pino';
import { InspectionModule } from '@dm/inspection';
import { IdentityModule } from '@dm/identity';
import { ProgressEventsModule } from '@dm/progress-events';
import { ReportProjectionModule } from '@dm/report-projection';
import { TaskAssignmentModule } from '@dm/task-assignment';
import { checkpointDirectoryOf } from './audit-wiring';
import { recordedLateAfterOf } from './config';
import { notificationSettingsOf } from './notification-config';
import { EmbeddedRuntime } from './embedded-runtime';
import { describeProgress, upgradeReadModels } from './rebuild';
import { openApiDocument } from '@dm/contracts';
import { edgeOptionsOf } from './edge-config';

@Module({})
class EmbeddedAppModule {
  static register(runtime: EmbeddedRuntime): DynamicModule {
    return {
      module: EmbeddedAppModule,
      imports: [
        PlatformModule.forRoot({
          tokens: runtime.tokens,
          metrics: runtime.metrics,
          consistency: runtime.consistency,
          healthChecks: runtime.healthChecks(),
          openapi: openApiDocument(),
          checkpoints: checkpointDirectoryOf(runtime.audit),
          sessions: runtime.identity.sessions,
        }),
        CqrsModule.forRoot(),
        IdentityModule.register(runtime.identity),
        TaskAssignmentModule.register({
          eventStore: runtime.stores.taskAssignment,
          activity: runtime.activity,
          bus: runtime.bus,
        }),
        ProgressEventsModule.register({ eventStore: runtime.stores.progressEvents, view: runtime.view, bus: runtime.bus }),
        ReportProjectionModule.register({
          readStore: runtime.reportStore,
          bus: runtime.bus,
          rules: { recordedLateAfterWorkingDays: recordedLateAfterOf(process.env) },
          eventStore: runtime.reportingStore,
          checkpoints: checkpointDirectoryOf(runtime.audit),
          ...notificationSettingsOf(process.env),
        }),
        InspectionModule.register(runtime.audit),
      ],
    };
  }
}

export interface EmbeddedServer {
  app: NestFastifyApplication;
  runtime: EmbeddedRuntime;
  url: string;
  logger: Logger;
  close(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port?: number;
  host?: string;
  /** JSON lines on standard output at `logLevel` (default info) unless a logger is given; false for none. */
  logger?: Logger | false;
  logLevel?: LogLevel;
  /** Over the edge settings of the environment (RATE_LIMIT, CORS_ORIGINS…; docs/security.md, "Limits and headers"). */
  edge?: EdgeOptions;
}

/** The three services in one process on the embedded adapters, serving API v1. */
export async function startEmbedded(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const runtime = new EmbeddedRuntime(options.dataDir);
  const logger = options.logger === false ? createLogger('silent') : (options.logger ?? createLogger(options.logLevel ?? 'info'));
  const upgraded = await upgradeReadModels(runtime, {
    onProgress: (progress) => logger.info({ ...progress }, `rebuilding the read models: ${describeProgress(progress)}`),
  });
  if (upgraded)
    logger.info({ events: upgraded.events, seconds: upgraded.seconds }, 'read models written by an older version rebuilt from the events');
  const web = WebAssets.load(defaultWebDir());
  if (!web) logger.warn({ dir: defaultWebDir() }, 'the web app is not built here (npm run build): only the API is served');
  const app = await createHttpApp(EmbeddedAppModule.register(runtime), {
    metrics: runtime.metrics,
    logger,
    accessLog: runtime.accessLog,
    web,
    edge: { ...edgeOptionsOf(process.env, 'edge'), ...options.edge },
  });
  await runtime.identity.start();
  await app.init();
  await runtime.startRelays();
  await runtime.startAudit();
  await app.listen(options.port ?? 0, options.host ?? '127.0.0.1');
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  let closed = false;
  return {
    app,
    runtime,
    logger,
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      if (closed) return;
      closed = true;
      await app.close();
      await runtime.close();
      await flushLogs(logger);
    },
  };
}
