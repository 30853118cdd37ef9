import { DynamicModule, Inject, Module, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { TOPICS } from '@dm/contracts';
import {
  AddTask,
  AddTaskAgency,
  CancelTask,
  ChangeTaskDeadline,
  ChangeTaskLead,
  CorrectDirectiveImport,
  CorrectTaskText,
  directiveDecider,
  directiveStreamOf,
  DiscardDirectiveImport,
  DraftDirectiveImport,
  importDraftDecider,
  importDraftStreamOf,
  IssueDirective,
  IssueDirectiveImport,
  RevokeDirective,
  SupersedeDirective,
  TransferToSuccessor,
} from '@dm/directives-domain';
import type { EventStore } from '@dm/eventsourcing';
import { validatingConsumer, type Consumer, type MessageBus } from '@dm/message-bus';
import { deciderHandlers } from '@dm/platform';
import { REGISTRY_STREAM } from '@dm/contracts';
import {
  ChangeGroupMembers,
  CreateAgency,
  CreateGroup,
  EndAgency,
  EndGroup,
  ImportEdition,
  registryDecider,
  RenameAgency,
} from '@dm/registry';
import { AssignmentActivity } from './assignment-activity';
import { DirectiveIssuing } from './directive-issuing';
import { DirectivesController } from './directives.controller';
import { DirectiveImportsController } from './imports.controller';
import { RegistryChangesController, RegistryController } from './registry.controller';
import { RegistryProjection } from './registry-projection';
import { seedDefaultRegistry } from './registry-seed';
import { TransferController } from './transfer.controller';
import { TA_ACTIVITY, TA_EVENT_STORE, TA_REGISTRY } from './tokens';

export const TASK_ASSIGNMENT_GROUP = 'task-assignment';
const TA_BUS = Symbol('task-assignment MessageBus');

export interface TaskAssignmentOptions {
  eventStore: EventStore;
  /** What was recorded on each assignment, from the progress topic. */
  activity: AssignmentActivity;
  bus: MessageBus;
}

/** task-assignment: owns directive streams and the registry's stream; follows the dates recorded on assignments. */
@Module({})
export class TaskAssignmentModule implements OnModuleInit, OnModuleDestroy {
  private consumer?: Consumer;

  constructor(
    @Inject(TA_BUS) private readonly bus: MessageBus,
    @Inject(TA_ACTIVITY) private readonly activity: AssignmentActivity,
    @Inject(TA_EVENT_STORE) private readonly store: EventStore,
  ) {}

  static register(options: TaskAssignmentOptions): DynamicModule {
    return {
      module: TaskAssignmentModule,
      controllers: [DirectivesController, DirectiveImportsController, RegistryController, RegistryChangesController, TransferController],
      providers: [
        { provide: TA_EVENT_STORE, useValue: options.eventStore },
        { provide: TA_REGISTRY, useValue: new RegistryProjection(options.eventStore) },
        { provide: TA_ACTIVITY, useValue: options.activity },
        { provide: TA_BUS, useValue: options.bus },
        DirectiveIssuing,
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
          TransferToSuccessor,
        ]),
        ...deciderHandlers(TA_EVENT_STORE, importDraftDecider, importDraftStreamOf, [
          DraftDirectiveImport,
          CorrectDirectiveImport,
          IssueDirectiveImport,
          DiscardDirectiveImport,
        ]),
        ...deciderHandlers(TA_EVENT_STORE, registryDecider, () => REGISTRY_STREAM, [
          CreateAgency,
          RenameAgency,
          EndAgency,
          CreateGroup,
          EndGroup,
          ChangeGroupMembers,
          ImportEdition,
        ]),
      ],
    };
  }

  async onModuleInit() {
    await seedDefaultRegistry(this.store);
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
