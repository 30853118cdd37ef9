import { Controller, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import {
  completionRequest,
  confirmationRequest,
  progressRequest,
  reopenRequest,
  type AssignmentEvent,
  type Principal,
} from '@dm/contracts';
import { authorize, ValidationError, type CommandOutcome, type EventStore, type Permission } from '@dm/eventsourcing';
import { today } from '@dm/periods';
import { Allow, answerWrite, Call, commandMetadata, CONSISTENCY, validateBody, type CommandCall, type Consistency } from '@dm/platform';
import {
  ConfirmCompletion,
  progressPolicy,
  recordsOnBehalf,
  ReopenCompletion,
  ReportCompletion,
  ReportProgress,
  type AssignmentContext,
  type AssignmentState,
} from '@dm/progress-domain';
import { AssignmentView } from './assignment-view';
import { PE_EVENT_STORE, PE_VIEW } from './tokens';

/**
 * The commands on an assignment. Each route finds the assignment, asks the
 * policy before it reads the body, validates the body's shape, and sends the
 * domain command through @nestjs/cqrs to the decider (deciderHandlers, in the module).
 */
@Controller('api/v1/assignments')
export class AssignmentsController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(PE_EVENT_STORE) private readonly store: EventStore,
    @Inject(PE_VIEW) private readonly view: AssignmentView,
    @Inject(CONSISTENCY) private readonly consistency: Consistency,
  ) {}

  @Post(':id/progress')
  @Allow(progressPolicy.report)
  async progress(@Call() call: CommandCall, @Res() reply: FastifyReply) {
    const { context, request } = await this.allowed(call, progressPolicy.report, progressRequest);
    const { actingAs, incomingDocument } = reporter(call.principal, context, request.incomingDocument);
    const metadata = commandMetadata(call, request, actingAs, request.reportedOn);
    const data = { context, ...request, incomingDocument, today: today() };
    await this.answer(reply, await this.commands.execute(new ReportProgress(data, metadata)), 201);
  }

  @Post(':id/completion')
  @Allow(progressPolicy.report)
  async completion(@Call() call: CommandCall, @Res() reply: FastifyReply) {
    const { context, request } = await this.allowed(call, progressPolicy.report, completionRequest);
    const { actingAs, incomingDocument } = reporter(call.principal, context, request.incomingDocument);
    const metadata = commandMetadata(call, request, actingAs, request.completedOn);
    const data = { context, ...request, incomingDocument, today: today() };
    await this.answer(reply, await this.commands.execute(new ReportCompletion(data, metadata)), 201);
  }

  @Post(':id/confirmation')
  @Allow(progressPolicy.decideCompletion)
  async confirmation(@Call() call: CommandCall, @Res() reply: FastifyReply) {
    const { context, request } = await this.allowed(call, progressPolicy.decideCompletion, confirmationRequest);
    const decidedOn = (request.accepted ? request.confirmedOn : request.returnedOn) ?? today();
    const { period } = request;
    const data = request.accepted
      ? { context, period, accepted: true as const, confirmedOn: decidedOn, today: today() }
      : { context, period, accepted: false as const, reason: request.reason, returnedOn: decidedOn, today: today() };
    const metadata = commandMetadata(call, request, 'monitoring_officer', decidedOn);
    await this.answer(reply, await this.commands.execute(new ConfirmCompletion(data, metadata)), 200);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @Allow(progressPolicy.decideCompletion)
  async reopen(@Call() call: CommandCall, @Res() reply: FastifyReply) {
    const { context, request } = await this.allowed(call, progressPolicy.decideCompletion, reopenRequest);
    const reopenedOn = request.reopenedOn ?? today();
    const metadata = commandMetadata(call, request, 'monitoring_officer', reopenedOn);
    const data = { context, period: request.period, reason: request.reason, reopenedOn, today: today() };
    await this.answer(reply, await this.commands.execute(new ReopenCompletion(data, metadata)), 200);
  }

  /** The assignment (404 if unknown), the caller allowed on it, then the body's shape. */
  private async allowed<S extends z.ZodTypeAny>(call: CommandCall, permission: Permission<AssignmentContext>, schema: S) {
    const context = await this.view.context(call.params.id);
    authorize(permission, call.principal, context);
    return { context, request: validateBody(schema, call.body) as z.infer<S> };
  }

  /** The written event, with the assignment it belongs to. */
  private answer(reply: FastifyReply, outcome: CommandOutcome<AssignmentState, AssignmentEvent>, status: number) {
    const event = outcome.events[0];
    const body = {
      assignmentId: event.data.assignmentId,
      eventId: event.eventId,
      type: event.type,
      revision: event.streamRevision,
      recordedAt: event.recordedAt,
      data: event.data,
    };
    return answerWrite(reply, this.consistency, this.store.name, outcome, status, body);
  }
}

/**
 * Who the report is recorded by: the agency itself (no incoming document
 * allowed), or a monitoring officer from the agency's paper report (its
 * number and date required).
 */
function reporter<D>(principal: Principal, context: AssignmentContext, incomingDocument: D | undefined) {
  if (recordsOnBehalf(principal, context)) {
    if (!incomingDocument)
      throw new ValidationError(
        `a monitoring officer records a report for ${context.agencyId} from its paper report: give its number and date`,
        'incomingDocument',
        'is required when recording for the agency',
      );
    return { actingAs: 'monitoring_officer' as const, incomingDocument };
  }
  if (incomingDocument)
    throw new ValidationError('an agency reports for itself; only a monitoring officer records a paper report', 'incomingDocument');
  return { actingAs: 'agency_officer' as const, incomingDocument: null };
}
