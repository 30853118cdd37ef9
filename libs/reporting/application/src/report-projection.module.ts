import { DynamicModule, Inject, Module, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { MessageBus } from '@dm/messaging';
import type { Metrics } from '@dm/platform';
import type { ReadStore } from '@dm/read-store';
import { AdminController } from './admin.controller';
import { ReadConsistency } from './read-consistency';
import { ReadModels } from './read-models';
import { ReportsController } from './reports.controller';
import { RP_READ_CONSISTENCY, RP_READ_MODELS } from './tokens';

export interface ReportProjectionOptions {
  readStore: ReadStore;
  bus: MessageBus;
  consistencyTimeoutMs?: number;
  /** Counts applied events as `projector_applied_events_total`. */
  metrics?: Metrics;
}

/** report-projection: read models only; serves every status, summary, timeline and state. */
@Module({})
export class ReportProjectionModule implements OnModuleInit, OnModuleDestroy {
  constructor(@Inject(RP_READ_MODELS) private readonly models: ReadModels) {}

  static register(options: ReportProjectionOptions): DynamicModule {
    const counter = options.metrics?.counter('projector_applied_events_total', 'Events applied to the live report read models (with redeliveries)');
    const models = new ReadModels(options.readStore, options.bus, (count) => counter?.inc({}, count));
    options.metrics?.gauge('report_projection_generation', 'Generation of the read models served').set({}, () => models.generation);
    return {
      module: ReportProjectionModule,
      controllers: [ReportsController, AdminController],
      providers: [
        { provide: RP_READ_MODELS, useValue: models },
        { provide: RP_READ_CONSISTENCY, useValue: new ReadConsistency(() => models.projector, options.consistencyTimeoutMs) },
      ],
    };
  }

  async onModuleInit() {
    await this.models.start();
  }

  async onModuleDestroy() {
    await this.models.stop();
  }
}
