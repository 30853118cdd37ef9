import { DynamicModule, Inject, Module, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { TOPICS } from '@dm/contracts';
import {
  AddTask,
  AddTaskAgency,
  CancelTask,
  ChangeTaskDeadline,
  ChangeTaskLead,
  CorrectTaskText,
  directiveDecider,
  directiveStreamOf,
  IssueDirective,
  RevokeDirective,
  SupersedeDirective,
} from '@dm/directives-domain';
import type { EventStore } from '@dm/eventsourcing';
import { validatingConsumer, type Consumer, type MessageBus } from '@dm/message-bus';
import { deciderHandlers } from '@dm/platform';
import type { AgencyRegistry } from '@dm/registry';
import { AssignmentActivity } from './assignment-activity';
import { DirectivesController } from './directives.controller';
import { RegistryController } from './registry.controller';
import { TA_ACTIVITY, TA_EVENT_STORE, TA_REGISTRY } from './tokens';

export const TASK_ASSIGNMENT_GROUP = 'task-assignment';
const TA_BUS = Symbol('task-assignment MessageBus');

export interface TaskAssignmentOptions {
  eventStore: EventStore;
  registry: AgencyRegistry;
  /** What was recorded on each assignment, from the progress topic. */
  activity: AssignmentActivity;
  bus: MessageBus;
}

/** task-assignment: owns directive streams and the agency registry; follows the dates recorded on assignments. */
@Module({})
export class TaskAssignmentModule implements OnModuleInit, OnModuleDestroy {
  private consumer?: Consumer;

  constructor(
    @Inject(TA_BUS) private readonly bus: MessageBus,
    @Inject(TA_ACTIVITY) private readonly activity: AssignmentActivity,
  ) {}

  static register(options: TaskAssignmentOptions): DynamicModule {
    return {
      module: TaskAssignmentModule,
      controllers: [DirectivesController, RegistryController],
      providers: [
        { provide: TA_EVENT_STORE, useValue: options.eventStore },
        { provide: TA_REGISTRY, useValue: options.registry },
        { provide: TA_ACTIVITY, useValue: options.activity },
        { provide: TA_BUS, useValue: options.bus },
        ...deciderHandlers(TA_EVENT_STORE, directiveDecider, directiveStreamOf, [
          IssueDirective,
          ChangeTaskDeadline,
          CancelTask,
          AddTask,
          AddTaskAgency,
          ChangeTaskLead,
          CorrectTaskText,
          SupersedeDirective,
          RevokeDirective,
        ]),
      ],
    };
  }

  async onModuleInit() {
    this.consumer = await this.bus.subscribe(
      TASK_ASSIGNMENT_GROUP,
      [TOPICS.progress],
      validatingConsumer(TASK_ASSIGNMENT_GROUP, this.bus, (events) => this.activity.apply(events)),
    );
  }

  async onModuleDestroy() {
    await this.consumer?.stop();
  }
}
