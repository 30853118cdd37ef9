import { Body, Controller, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { completionRequest, confirmationRequest, progressRequest, type AssignmentEvent, type Principal } from '@dm/contracts';
import { authorize, type CommandOutcome, type EventStore } from '@dm/eventsourcing';
import { vietnamDate } from '@dm/periods';
import { Allow, answerWrite, commandMetadata, CONSISTENCY, CurrentPrincipal, validateBody, type Consistency } from '@dm/platform';
import { ConfirmCompletion, progressPolicy, ReportCompletion, ReportProgress, type AssignmentState } from '@dm/progress-domain';
import { AssignmentView } from './assignment-view';
import { PE_EVENT_STORE, PE_VIEW } from './tokens';

const today = () => vietnamDate(new Date());

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
  async progress(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const context = await this.view.context(id);
    authorize(progressPolicy.report, principal, context);
    const request = validateBody(progressRequest, body);
    const metadata = commandMetadata(req, principal, request, 'agency_officer', request.reportedOn);
    await this.answer(reply, await this.commands.execute(new ReportProgress({ context, ...request, today: today() }, metadata)), 201);
  }

  @Post(':id/completion')
  @Allow(progressPolicy.report)
  async completion(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const context = await this.view.context(id);
    authorize(progressPolicy.report, principal, context);
    const request = validateBody(completionRequest, body);
    const metadata = commandMetadata(req, principal, request, 'agency_officer', request.completedOn);
    await this.answer(reply, await this.commands.execute(new ReportCompletion({ context, ...request, today: today() }, metadata)), 201);
  }

  @Post(':id/confirmation')
  @Allow(progressPolicy.decideCompletion)
  async confirmation(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const context = await this.view.context(id);
    authorize(progressPolicy.decideCompletion, principal, context);
    const request = validateBody(confirmationRequest, body);
    const decidedOn = (request.accepted ? request.confirmedOn : request.returnedOn) ?? today();
    const data = request.accepted
      ? { context, accepted: true as const, confirmedOn: decidedOn, today: today() }
      : { context, accepted: false as const, reason: request.reason, returnedOn: decidedOn, today: today() };
    const metadata = commandMetadata(req, principal, request, 'monitoring_officer', decidedOn);
    await this.answer(reply, await this.commands.execute(new ConfirmCompletion(data, metadata)), 200);
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
