import { DynamicModule, Inject, Module, OnApplicationBootstrap, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandOutcome, EventStore } from '@dm/eventsourcing';
import type { BusMessage, MessageBus } from '@dm/message-bus';
import type { Notifier } from '@dm/notification';
import { REPORT_FIGURES, type CheckpointDirectory, type Metrics, type ReportFigures } from '@dm/platform';
import { AttachmentStore, type ReadStore } from '@dm/read-store';
import { DEFAULT_STATUS_RULES, DEFAULT_URGING_RULES, type StatusRules, type UrgingRules } from '@dm/reporting-domain';
import { AdminController } from './admin.controller';
import { AnnualReviewController } from './annual-review.controller';
import { ANNUAL_REVIEW_RULES } from './annual-review-queries';
import { AnswerCache } from './answer-cache';
import { ReadConsistency } from './read-consistency';
import { ReadModels } from './read-models';
import { ReportsController } from './reports.controller';
import { RP_READ_CONSISTENCY, RP_READ_MODELS } from './tokens';
import { CalendarController } from './reporting/calendar.controller';
import { DutiesController } from './reporting/duties.controller';
import { IssuedReportsController } from './reporting/issued-reports.controller';
import { ReportExportController } from './reporting/report-export.controller';
import { RegistryReader } from './reporting/registry-reader';
import { ReminderDeliveries } from './reporting/reminder-delivery';
import { RemindersController, UrgingController } from './reporting/reminders.controller';
import { reportingCommandHandlers } from './reporting/reporting-commands';
import { REPORTING_ATTACHMENTS, RP_EVENT_STORE, RP_REPORTING, type ReportingContext } from './reporting/reporting-context';
import { ReportingLedger } from './reporting/reporting-ledger';
import { ReportingService } from './reporting/reporting-service';
import { UrgingScheduler } from './reporting/urging-scheduler';

export interface ReportProjectionOptions {
  readStore: ReadStore;
  bus: MessageBus;
  consistencyTimeoutMs?: number;
  /** Counts applied events as `projector_applied_events_total`. */
  metrics?: Metrics;
  /** The deployment's status rules (the reporting lag allowed); the defaults when absent. */
  rules?: StatusRules;
  /** The reporting context's own store: calendar, regimes, periodic reports, issued reports, reminders. */
  eventStore: EventStore;
  /** Where reminders are sent (webhook, e-mail); none keeps them in the API only. */
  notifiers?: Notifier[];
  /** How often the deliveries due are sent (default 30 s). */
  deliveryIntervalMs?: number;
  urging?: { rules?: Partial<UrgingRules>; intervalMs?: number; enabled?: boolean };
  /** The checkpoints an issued report is frozen at (from the platform). */
  checkpoints?: CheckpointDirectory;
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
export class ReportProjectionModule implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  constructor(
    @Inject(RP_READ_MODELS) private readonly models: ReadModels,
    @Inject(RP_REPORTING) private readonly reporting: ReportingContext & { deliveries: ReminderDeliveries | null; urgingEnabled: boolean },
    private readonly commands: CommandBus,
  ) {}

  static register(options: ReportProjectionOptions): DynamicModule {
    const models = new ReadModels(options.readStore, options.bus, appliedMetrics(options.metrics), undefined, options.rules);
    options.metrics?.gauge('report_projection_generation', 'Generation of the read models served', {}, () => models.generation);
    const reporting = reportingContextOf(options, models);
    return {
      module: ReportProjectionModule,
      controllers: [
        ReportsController,
        AdminController,
        AnnualReviewController,
        CalendarController,
        DutiesController,
        IssuedReportsController,
        ReportExportController,
        RemindersController,
        UrgingController,
      ],
      providers: [
        { provide: RP_EVENT_STORE, useValue: options.eventStore },
        { provide: RP_REPORTING, useValue: reporting },
        ...reportingCommandHandlers,
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

  /** After every module is up: the command handlers are registered by then. */
  async onApplicationBootstrap() {
    const send = (command: object) => this.commands.execute(command as never) as Promise<CommandOutcome<unknown>>;
    this.reporting.urging.connect(send);
    this.reporting.deliveries?.connect(send);
    await this.reporting.ledger.catchUp();
    this.reporting.deliveries?.start();
    if (this.reporting.urgingEnabled) this.reporting.urging.start();
  }

  async onModuleDestroy() {
    await this.reporting.urging.stop();
    await this.reporting.deliveries?.stop();
    await this.models.stop();
  }
}

/** The reporting context's ledger, service, scheduler and deliveries over its store and the read models. */
function reportingContextOf(options: ReportProjectionOptions, models: ReadModels) {
  const ledger = new ReportingLedger(options.eventStore);
  const registry = new RegistryReader(() => models.served.store);
  const checkpoints = options.checkpoints ?? { at: async () => [], take: async () => [] };
  const service = new ReportingService(() => models.queries, ledger, registry, checkpoints, options.rules);
  const urging = new UrgingScheduler(() => models.queries, ledger, registry, service, {
    rules: { ...DEFAULT_URGING_RULES, ...options.urging?.rules },
    intervalMs: options.urging?.intervalMs,
  });
  const deliveries = options.notifiers?.length
    ? new ReminderDeliveries(options.readStore, ledger, registry, { notifiers: options.notifiers, intervalMs: options.deliveryIntervalMs })
    : null;
  return {
    store: options.eventStore,
    ledger,
    registry,
    service,
    attachments: new AttachmentStore(options.readStore, REPORTING_ATTACHMENTS),
    urging,
    readStore: options.readStore,
    answers: new AnswerCache(() => models.version),
    deliveries,
    urgingEnabled: options.urging?.enabled ?? true,
  };
}
