import { DynamicModule, Inject, Module, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { TOPICS } from '@dm/contracts';
import type { EventStore } from '@dm/eventsourcing';
import { validatingConsumer, type Consumer, type MessageBus } from '@dm/message-bus';
import { AttachmentStore } from '@dm/read-store';
import { AssignmentView } from './assignment-view';
import { AssignmentsController } from './assignments.controller';
import { deciderHandlers } from '@dm/platform';
import {
  assignmentDecider,
  assignmentStreamOf,
  ConfirmCompletion,
  ReopenCompletion,
  ReportCompletion,
  ReportProgress,
} from '@dm/progress-domain';
import { PE_ATTACHMENTS, PE_EVENT_STORE, PE_VIEW } from './tokens';

export const PROGRESS_EVENTS_GROUP = 'progress-events';
/** The collection of the progress view store that keeps the files of progress and completion reports by their SHA-256. */
export const PROGRESS_ATTACHMENTS = 'progress-attachments';
const PE_BUS = Symbol('progress-events MessageBus');

export interface ProgressEventsOptions {
  eventStore: EventStore;
  view: AssignmentView;
  bus: MessageBus;
}

/**
 * progress-events: owns assignment streams; keeps its own view of who is
 * assigned what, and in the same store the files its reports carry.
 */
@Module({})
export class ProgressEventsModule implements OnModuleInit, OnModuleDestroy {
  private consumer?: Consumer;

  constructor(
    @Inject(PE_BUS) private readonly bus: MessageBus,
    @Inject(PE_VIEW) private readonly view: AssignmentView,
  ) {}

  static register(options: ProgressEventsOptions): DynamicModule {
    return {
      module: ProgressEventsModule,
      controllers: [AssignmentsController],
      providers: [
        { provide: PE_EVENT_STORE, useValue: options.eventStore },
        { provide: PE_VIEW, useValue: options.view },
        { provide: PE_ATTACHMENTS, useValue: new AttachmentStore(options.view.store, PROGRESS_ATTACHMENTS) },
        { provide: PE_BUS, useValue: options.bus },
        ...deciderHandlers(PE_EVENT_STORE, assignmentDecider, assignmentStreamOf, [
          ReportProgress,
          ReportCompletion,
          ConfirmCompletion,
          ReopenCompletion,
        ]),
      ],
    };
  }

  async onModuleInit() {
    this.consumer = await this.bus.subscribe(
      PROGRESS_EVENTS_GROUP,
      [TOPICS.directives],
      validatingConsumer(PROGRESS_EVENTS_GROUP, this.bus, (events) => this.view.apply(events)),
    );
  }

  async onModuleDestroy() {
    await this.consumer?.stop();
  }
}
