import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { directiveStreamId, EVENT_TYPES, type DirectiveIssued } from '@dm/contracts';
import { decide, directiveIdFor } from '@dm/directives-domain';
import type { EventStore } from '@dm/event-store';
import { startOfVietnamDay, vietnamDate } from '@dm/periods';
import { actorOf, handleCommand, type CommandOutcome } from '@dm/platform';
import type { AgencyRegistry } from '@dm/registry';
import { CancelTaskCommand, ChangeTaskDeadlineCommand, IssueDirectiveCommand } from './commands';
import { directiveDecider } from './directive-stream';
import { TA_EVENT_STORE, TA_REGISTRY } from './tokens';
import type { DirectiveState } from '@dm/directives-domain';

type Outcome = CommandOutcome<DirectiveState>;

@CommandHandler(IssueDirectiveCommand)
export class IssueDirectiveHandler implements ICommandHandler<IssueDirectiveCommand, Outcome> {
  constructor(
    @Inject(TA_EVENT_STORE) private readonly store: EventStore,
    @Inject(TA_REGISTRY) private readonly registry: AgencyRegistry,
  ) {}

  execute({ request, meta }: IssueDirectiveCommand): Promise<Outcome> {
    const directiveId = directiveIdFor(request.issuer, request.issuedOn, request.number);
    const registry = this.registry.snapshot(request.issuedOn);
    return handleCommand(
      this.store,
      directiveStreamId(directiveId),
      directiveDecider,
      (state) =>
        decide(
          {
            type: 'IssueDirective',
            number: request.number,
            docType: request.type,
            issuer: request.issuer,
            issuedOn: request.issuedOn,
            subject: request.subject,
            legalBasis: request.legalBasis,
            addressees: request.addressees,
            signer: request.signer,
            monitoringAgency: request.monitoringAgency,
            tasks: request.tasks.map((t) => ({ ...t, reportDuty: t.reportDuty ?? null })),
            registry,
          },
          state,
        ),
      {
        identity: meta.identity,
        actor: actorOf(meta.principal, 'monitoring_officer'),
        correlationId: meta.correlationId,
        occurredAt: startOfVietnamDay(request.issuedOn),
      },
    );
  }
}

@CommandHandler(ChangeTaskDeadlineCommand)
export class ChangeTaskDeadlineHandler implements ICommandHandler<ChangeTaskDeadlineCommand, Outcome> {
  constructor(@Inject(TA_EVENT_STORE) private readonly store: EventStore) {}

  execute({ directiveId, taskNumber, request, meta }: ChangeTaskDeadlineCommand): Promise<Outcome> {
    const changedOn = request.changedOn ?? vietnamDate(new Date());
    return handleCommand(
      this.store,
      directiveStreamId(directiveId),
      directiveDecider,
      (state) =>
        decide(
          {
            type: 'ChangeTaskDeadline',
            taskNumber,
            deadline: request.deadline,
            reason: request.reason,
            authorizingDocument: request.authorizingDocument,
            changedOn,
          },
          state,
        ),
      {
        identity: meta.identity,
        actor: actorOf(meta.principal, 'monitoring_officer'),
        correlationId: meta.correlationId,
        occurredAt: startOfVietnamDay(changedOn),
      },
    );
  }
}

@CommandHandler(CancelTaskCommand)
export class CancelTaskHandler implements ICommandHandler<CancelTaskCommand, Outcome> {
  constructor(@Inject(TA_EVENT_STORE) private readonly store: EventStore) {}

  execute({ directiveId, taskNumber, request, meta }: CancelTaskCommand): Promise<Outcome> {
    const cancelledOn = request.cancelledOn ?? vietnamDate(new Date());
    return handleCommand(
      this.store,
      directiveStreamId(directiveId),
      directiveDecider,
      (state) =>
        decide(
          {
            type: 'CancelTask',
            taskNumber,
            reason: request.reason,
            authorizingDocument: request.authorizingDocument ?? null,
            cancelledOn,
          },
          state,
        ),
      {
        identity: meta.identity,
        actor: actorOf(meta.principal, 'monitoring_officer'),
        correlationId: meta.correlationId,
        occurredAt: startOfVietnamDay(cancelledOn),
      },
    );
  }
}

/** The issued event's data, from a command outcome. */
export function issuedData(outcome: Outcome): DirectiveIssued {
  const issued = outcome.events.find((e) => e.type === EVENT_TYPES.directiveIssued);
  if (!issued) throw new Error('directive.issued missing from the outcome');
  return issued.data as DirectiveIssued;
}

export const TASK_ASSIGNMENT_HANDLERS = [IssueDirectiveHandler, ChangeTaskDeadlineHandler, CancelTaskHandler];
