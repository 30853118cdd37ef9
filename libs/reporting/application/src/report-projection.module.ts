import { DynamicModule, Inject, Module, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { TOPICS } from '@dm/contracts';
import { validatingConsumer, type Consumer, type MessageBus } from '@dm/messaging';
import type { ReadStore } from '@dm/read-store';
import { ReadConsistency } from './read-consistency';
import { ReportProjector } from './report-projector';
import { ReportQueries } from './report-queries';
import { ReportsController } from './reports.controller';
import { RP_BUS, RP_PROJECTOR, RP_QUERIES, RP_READ_CONSISTENCY } from './tokens';

export const REPORT_PROJECTION_GROUP = 'report-projection';

export interface ReportProjectionOptions {
  readStore: ReadStore;
  bus: MessageBus;
  consistencyTimeoutMs?: number;
}

/** report-projection: read models only; serves every status, summary, timeline and state. */
@Module({})
export class ReportProjectionModule implements OnModuleInit, OnModuleDestroy {
  private consumer?: Consumer;

  constructor(
    @Inject(RP_BUS) private readonly bus: MessageBus,
    @Inject(RP_PROJECTOR) private readonly projector: ReportProjector,
  ) {}

  static register(options: ReportProjectionOptions): DynamicModule {
    const projector = new ReportProjector(options.readStore);
    return {
      module: ReportProjectionModule,
      controllers: [ReportsController],
      providers: [
        { provide: RP_BUS, useValue: options.bus },
        { provide: RP_PROJECTOR, useValue: projector },
        { provide: RP_QUERIES, useValue: new ReportQueries(options.readStore) },
        { provide: RP_READ_CONSISTENCY, useValue: new ReadConsistency(projector, options.consistencyTimeoutMs) },
      ],
    };
  }

  async onModuleInit() {
    await this.projector.init();
    this.consumer = await this.bus.subscribe(
      REPORT_PROJECTION_GROUP,
      [TOPICS.directives, TOPICS.progress],
      validatingConsumer(REPORT_PROJECTION_GROUP, this.bus, (_events, messages) => this.projector.applyMessages(messages)),
    );
  }

  async onModuleDestroy() {
    await this.consumer?.stop();
  }
}
