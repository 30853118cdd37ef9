import { DynamicModule, Module } from '@nestjs/common';
import { CancelTask, ChangeTaskDeadline, directiveDecider, directiveStreamOf, IssueDirective } from '@dm/directives-domain';
import type { EventStore } from '@dm/eventsourcing';
import { deciderHandlers } from '@dm/platform';
import type { AgencyRegistry } from '@dm/registry';
import { DirectivesController } from './directives.controller';
import { RegistryController } from './registry.controller';
import { TA_EVENT_STORE, TA_REGISTRY } from './tokens';

export interface TaskAssignmentOptions {
  eventStore: EventStore;
  registry: AgencyRegistry;
}

/** task-assignment: owns directive streams and the agency registry. */
@Module({})
export class TaskAssignmentModule {
  static register(options: TaskAssignmentOptions): DynamicModule {
    return {
      module: TaskAssignmentModule,
      controllers: [DirectivesController, RegistryController],
      providers: [
        { provide: TA_EVENT_STORE, useValue: options.eventStore },
        { provide: TA_REGISTRY, useValue: options.registry },
        ...deciderHandlers(TA_EVENT_STORE, directiveDecider, directiveStreamOf, [IssueDirective, ChangeTaskDeadline, CancelTask]),
      ],
    };
  }
}
