import { DynamicModule, Inject, Module, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { BusMessage, MessageBus } from '@dm/message-bus';
import { REPORT_FIGURES, type Metrics, type ReportFigures } from '@dm/platform';
import type { ReadStore } from '@dm/read-store';
import { DEFAULT_STATUS_RULES, type StatusRules } from '@dm/reporting-domain';
import { AdminController } from './admin.controller';
import { AnnualReviewController } from './annual-review.controller';
import { ANNUAL_REVIEW_RULES } from './annual-review-queries';
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
  /** The deployment's status rules (the reporting lag allowed); the defaults when absent. */
  rules?: StatusRules;
}

/** Counts applied events, and the time from each event's recording to its read models committed. */
function appliedMetrics(metrics: Metrics | undefined) {
  const counter = metrics?.counter('projector_applied_events_total', 'Events applied to the live report read models (with redeliveries)');
  const visible = metrics?.histogram(
    'projector_visible_after_seconds',
    'From an event recorded (accepted) to its report read models committed',
    [],
    [0.01, 0.02, 0.03, 0.05, 0.075, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10, 20, 30, 60, 120],
  );
  return (messages: BusMessage[]) => {
    counter?.inc(messages.length);
    const now = Date.now();
    for (const m of messages) visible?.observe(Math.max(0, now - Date.parse(m.event.recordedAt)) / 1000);
  };
}

/** report-projection: read models only; serves every status, summary, timeline and state. */
@Module({})
export class ReportProjectionModule implements OnModuleInit, OnModuleDestroy {
  constructor(@Inject(RP_READ_MODELS) private readonly models: ReadModels) {}

  static register(options: ReportProjectionOptions): DynamicModule {
    const models = new ReadModels(options.readStore, options.bus, appliedMetrics(options.metrics), undefined, options.rules);
    options.metrics?.gauge('report_projection_generation', 'Generation of the read models served', {}, () => models.generation);
    return {
      module: ReportProjectionModule,
      controllers: [ReportsController, AdminController, AnnualReviewController],
      providers: [
        {
          provide: REPORT_FIGURES,
          useValue: {
            figures: (directiveId, period, calendar, knownAt) => models.queries.directiveFigures(directiveId, period, calendar, knownAt),
          } satisfies ReportFigures,
        },
        { provide: ANNUAL_REVIEW_RULES, useValue: options.rules ?? DEFAULT_STATUS_RULES },
        { provide: RP_READ_MODELS, useValue: models },
        { provide: RP_READ_CONSISTENCY, useValue: new ReadConsistency(() => models.served, options.consistencyTimeoutMs) },
      ],
      // The inspection routes, in the same process, put these figures in their exports.
      global: true,
      exports: [REPORT_FIGURES],
    };
  }

  async onModuleInit() {
    await this.models.start();
  }

  async onModuleDestroy() {
    await this.models.stop();
  }
}
