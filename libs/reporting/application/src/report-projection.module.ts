import { DynamicModule, Inject, Module, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { TOPICS } from '@dm/contracts';
import { validatingConsumer, type Consumer, type MessageBus } from '@dm/messaging';
import type { Metrics } from '@dm/platform';
import type { ReadStore } from '@dm/read-store';
import { ReadConsistency } from './read-consistency';
import { ReportProjector } from './report-projector';
import { ReportQueries } from './report-queries';
import { ReportsController } from './reports.controller';
import { RP_BUS, RP_PROJECTOR, RP_QUERIES, RP_READ_CONSISTENCY } from './tokens';

export const REPORT_PROJECTION_GROUP = 'report-projection';
const RP_APPLIED = Symbol('report-projection applied-events counter');

function appliedCounter(metrics: Metrics | undefined): (count: number) => void {
  const counter = metrics?.counter('projector_applied_events_total', 'Events applied to the report read models (with redeliveries)');
  return (count) => counter?.inc({}, count);
}

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
  private consumer?: Consumer;

  constructor(
    @Inject(RP_BUS) private readonly bus: MessageBus,
    @Inject(RP_PROJECTOR) private readonly projector: ReportProjector,
    @Inject(RP_APPLIED) private readonly applied: (count: number) => void,
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
        { provide: RP_APPLIED, useValue: appliedCounter(options.metrics) },
      ],
    };
  }

  async onModuleInit() {
    await this.projector.init();
    this.consumer = await this.bus.subscribe(
      REPORT_PROJECTION_GROUP,
      [TOPICS.directives, TOPICS.progress],
      validatingConsumer(REPORT_PROJECTION_GROUP, this.bus, async (_events, messages) => {
        await this.projector.applyMessages(messages);
        this.applied(messages.length);
      }),
    );
  }

  async onModuleDestroy() {
    await this.consumer?.stop();
  }
}
