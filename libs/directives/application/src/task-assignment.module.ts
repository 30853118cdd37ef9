import { DynamicModule, Module } from '@nestjs/common';
import type { EventStore } from '@dm/eventsourcing';
import type { AgencyRegistry } from '@dm/registry';
import { DirectivesController } from './directives.controller';
import { TASK_ASSIGNMENT_HANDLERS } from './handlers';
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
        ...TASK_ASSIGNMENT_HANDLERS,
      ],
    };
  }
}
