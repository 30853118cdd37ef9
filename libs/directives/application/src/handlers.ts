import { Inject } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import { directiveStreamId, type DirectiveEvent } from '@dm/contracts';
import {
  CancelTask,
  ChangeTaskDeadline,
  directiveDecider,
  directiveIdFor,
  IssueDirective,
  type DirectiveCommand,
  type DirectiveState,
} from '@dm/directives-domain';
import { handleCommand, type CommandOutcome, type EventStore } from '@dm/eventsourcing';
import { TA_EVENT_STORE } from './tokens';

/**
 * Decides a command on its directive's stream (the command carries its own
 * metadata). A new directive's stream is named by its issuer, year and
 * number, so the same directive cannot be issued twice.
 */
abstract class DirectiveCommandHandler<C extends DirectiveCommand> {
  constructor(@Inject(TA_EVENT_STORE) private readonly store: EventStore) {}

  execute(command: C): Promise<CommandOutcome<DirectiveState, DirectiveEvent>> {
    const { data } = command;
    const directiveId = 'directiveId' in data ? data.directiveId : directiveIdFor(data.issuer, data.issuedOn, data.number);
    return handleCommand(this.store, directiveStreamId(directiveId), directiveDecider, command, command.metadata);
  }
}

@CommandHandler(IssueDirective)
export class IssueDirectiveHandler extends DirectiveCommandHandler<IssueDirective> {}

@CommandHandler(ChangeTaskDeadline)
export class ChangeTaskDeadlineHandler extends DirectiveCommandHandler<ChangeTaskDeadline> {}

@CommandHandler(CancelTask)
export class CancelTaskHandler extends DirectiveCommandHandler<CancelTask> {}

export const TASK_ASSIGNMENT_HANDLERS = [IssueDirectiveHandler, ChangeTaskDeadlineHandler, CancelTaskHandler];
