import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { assignmentStreamId, type AssignmentEvent } from '@dm/contracts';
import type { EventStore } from '@dm/event-store';
import { decide, evolve, initialState, type AssignmentCommand, type AssignmentContext, type AssignmentState } from '@dm/progress-domain';
import { startOfVietnamDay, vietnamDate } from '@dm/periods';
import { actorOf, handleCommand, StreamStateCache, type CommandMeta, type CommandOutcome, type Decider } from '@dm/platform';
import type { AssignmentViewDoc } from './assignment-view';
import { ConfirmCompletionCommand, ReportCompletionCommand, ReportProgressCommand } from './commands';
import { PE_EVENT_STORE, PE_STATE_CACHE } from './tokens';

type Outcome = CommandOutcome<AssignmentState>;

const assignmentDecider: Decider<AssignmentState, AssignmentEvent> = { initialState: () => initialState, evolve };

const contextOf = (a: AssignmentViewDoc): AssignmentContext => ({
  assignmentId: a._id,
  directiveId: a.directiveId,
  taskNumber: a.taskNumber,
  agencyId: a.agencyId,
  issuedOn: a.issuedOn,
  cancelled: a.cancelled,
});

function run(
  store: EventStore,
  cache: StreamStateCache<AssignmentState>,
  assignment: AssignmentViewDoc,
  meta: CommandMeta,
  actingAs: 'agency_officer' | 'monitoring_officer',
  businessDate: string,
  command: AssignmentCommand,
): Promise<Outcome> {
  return handleCommand(store, assignmentStreamId(assignment._id), assignmentDecider, (state) => decide(command, state), {
    identity: meta.identity,
    actor: actorOf(meta.principal, actingAs),
    correlationId: meta.correlationId,
    occurredAt: startOfVietnamDay(businessDate),
  }, cache);
}

@CommandHandler(ReportProgressCommand)
export class ReportProgressHandler implements ICommandHandler<ReportProgressCommand, Outcome> {
  constructor(
    @Inject(PE_EVENT_STORE) private readonly store: EventStore,
    @Inject(PE_STATE_CACHE) private readonly cache: StreamStateCache<AssignmentState>,
  ) {}

  execute({ assignment, request, meta }: ReportProgressCommand) {
    return run(this.store, this.cache, assignment, meta, 'agency_officer', request.reportedOn, {
      type: 'ReportProgress',
      context: contextOf(assignment),
      ...request,
      today: vietnamDate(new Date()),
    });
  }
}

@CommandHandler(ReportCompletionCommand)
export class ReportCompletionHandler implements ICommandHandler<ReportCompletionCommand, Outcome> {
  constructor(
    @Inject(PE_EVENT_STORE) private readonly store: EventStore,
    @Inject(PE_STATE_CACHE) private readonly cache: StreamStateCache<AssignmentState>,
  ) {}

  execute({ assignment, request, meta }: ReportCompletionCommand) {
    return run(this.store, this.cache, assignment, meta, 'agency_officer', request.completedOn, {
      type: 'ReportCompletion',
      context: contextOf(assignment),
      ...request,
      today: vietnamDate(new Date()),
    });
  }
}

@CommandHandler(ConfirmCompletionCommand)
export class ConfirmCompletionHandler implements ICommandHandler<ConfirmCompletionCommand, Outcome> {
  constructor(
    @Inject(PE_EVENT_STORE) private readonly store: EventStore,
    @Inject(PE_STATE_CACHE) private readonly cache: StreamStateCache<AssignmentState>,
  ) {}

  execute({ assignment, request, meta }: ConfirmCompletionCommand) {
    const today = vietnamDate(new Date());
    const context = contextOf(assignment);
    if (request.accepted) {
      const confirmedOn = request.confirmedOn ?? today;
      return run(this.store, this.cache, assignment, meta, 'monitoring_officer', confirmedOn, {
        type: 'ConfirmCompletion', context, accepted: true, confirmedOn, today,
      });
    }
    const returnedOn = request.returnedOn ?? today;
    return run(this.store, this.cache, assignment, meta, 'monitoring_officer', returnedOn, {
      type: 'ConfirmCompletion', context, accepted: false, reason: request.reason, returnedOn, today,
    });
  }
}

export const PROGRESS_HANDLERS = [ReportProgressHandler, ReportCompletionHandler, ConfirmCompletionHandler];
