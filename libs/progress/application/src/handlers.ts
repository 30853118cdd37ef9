import { Inject } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import { assignmentStreamId, type AssignmentEvent } from '@dm/contracts';
import { handleCommand, type CommandOutcome, type EventStore } from '@dm/eventsourcing';
import {
  assignmentDecider,
  ConfirmCompletion,
  ReportCompletion,
  ReportProgress,
  type AssignmentCommand,
  type AssignmentState,
} from '@dm/progress-domain';
import { PE_EVENT_STORE } from './tokens';

/** Decides a command on its assignment's stream (the command carries its own metadata). */
abstract class AssignmentCommandHandler<C extends AssignmentCommand> {
  constructor(@Inject(PE_EVENT_STORE) private readonly store: EventStore) {}

  execute(command: C): Promise<CommandOutcome<AssignmentState, AssignmentEvent>> {
    return handleCommand(this.store, assignmentStreamId(command.data.context.assignmentId), assignmentDecider, command, command.metadata);
  }
}

@CommandHandler(ReportProgress)
export class ReportProgressHandler extends AssignmentCommandHandler<ReportProgress> {}

@CommandHandler(ReportCompletion)
export class ReportCompletionHandler extends AssignmentCommandHandler<ReportCompletion> {}

@CommandHandler(ConfirmCompletion)
export class ConfirmCompletionHandler extends AssignmentCommandHandler<ConfirmCompletion> {}

export const PROGRESS_HANDLERS = [ReportProgressHandler, ReportCompletionHandler, ConfirmCompletionHandler];
