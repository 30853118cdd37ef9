import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { directiveStreamId, EVENT_TYPES, type DirectiveIssued } from '@dm/contracts';
import { decide, directiveIdFor, type DirectiveCommand, type DirectiveState } from '@dm/directives-domain';
import type { EventStore } from '@dm/event-store';
import { startOfVietnamDay, vietnamDate } from '@dm/periods';
import { actorOf, handleCommand, type CommandMeta, type CommandOutcome } from '@dm/platform';
import type { AgencyRegistry } from '@dm/registry';
import { CancelTaskCommand, ChangeTaskDeadlineCommand, IssueDirectiveCommand } from './commands';
import { directiveDecider } from './directive-stream';
import { TA_EVENT_STORE, TA_REGISTRY } from './tokens';

type Outcome = CommandOutcome<DirectiveState>;

/** Decides a command on a directive's stream as the monitoring officer who sent it, on a business date. */
function run(store: EventStore, directiveId: string, meta: CommandMeta, businessDate: string, command: DirectiveCommand): Promise<Outcome> {
  return handleCommand(store, directiveStreamId(directiveId), directiveDecider, (state) => decide(command, state), {
    identity: meta.identity,
    actor: actorOf(meta.principal, 'monitoring_officer'),
    correlationId: meta.correlationId,
    occurredAt: startOfVietnamDay(businessDate),
  });
}

@CommandHandler(IssueDirectiveCommand)
export class IssueDirectiveHandler implements ICommandHandler<IssueDirectiveCommand, Outcome> {
  constructor(
    @Inject(TA_EVENT_STORE) private readonly store: EventStore,
    @Inject(TA_REGISTRY) private readonly registry: AgencyRegistry,
  ) {}

  execute({ request, meta }: IssueDirectiveCommand): Promise<Outcome> {
    const { type: docType, tasks, ...header } = request;
    return run(this.store, directiveIdFor(request.issuer, request.issuedOn, request.number), meta, request.issuedOn, {
      ...header,
      type: 'IssueDirective',
      docType,
      tasks: tasks.map((t) => ({ ...t, reportDuty: t.reportDuty ?? null })),
      registry: this.registry.snapshot(request.issuedOn),
    });
  }
}

@CommandHandler(ChangeTaskDeadlineCommand)
export class ChangeTaskDeadlineHandler implements ICommandHandler<ChangeTaskDeadlineCommand, Outcome> {
  constructor(@Inject(TA_EVENT_STORE) private readonly store: EventStore) {}

  execute({ directiveId, taskNumber, request, meta }: ChangeTaskDeadlineCommand): Promise<Outcome> {
    const changedOn = request.changedOn ?? vietnamDate(new Date());
    const { deadline, reason, authorizingDocument } = request;
    return run(this.store, directiveId, meta, changedOn, { type: 'ChangeTaskDeadline', taskNumber, deadline, reason, authorizingDocument, changedOn });
  }
}

@CommandHandler(CancelTaskCommand)
export class CancelTaskHandler implements ICommandHandler<CancelTaskCommand, Outcome> {
  constructor(@Inject(TA_EVENT_STORE) private readonly store: EventStore) {}

  execute({ directiveId, taskNumber, request, meta }: CancelTaskCommand): Promise<Outcome> {
    const cancelledOn = request.cancelledOn ?? vietnamDate(new Date());
    const authorizingDocument = request.authorizingDocument ?? null;
    return run(this.store, directiveId, meta, cancelledOn, { type: 'CancelTask', taskNumber, reason: request.reason, authorizingDocument, cancelledOn });
  }
}

/** The issued event's data, from a command outcome. */
export function issuedData(outcome: Outcome): DirectiveIssued {
  const issued = outcome.events.find((e) => e.type === EVENT_TYPES.directiveIssued);
  if (!issued) throw new Error('directive.issued missing from the outcome');
  return issued.data as DirectiveIssued;
}

export const TASK_ASSIGNMENT_HANDLERS = [IssueDirectiveHandler, ChangeTaskDeadlineHandler, CancelTaskHandler];
