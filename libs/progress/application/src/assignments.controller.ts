import { Body, Controller, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { completionRequest, confirmationRequest, progressRequest } from '@dm/contracts';
import type { EventStore } from '@dm/event-store';
import type { AssignmentState } from '@dm/progress-domain';
import {
  CONSISTENCY,
  commandMeta,
  CurrentPrincipal,
  problems,
  Roles,
  validateBody,
  type CommandOutcome,
  type Consistency,
  type Principal,
  writtenAt,
} from '@dm/platform';
import { AssignmentView, type AssignmentViewDoc } from './assignment-view';
import { ConfirmCompletionCommand, ReportCompletionCommand, ReportProgressCommand } from './commands';
import { PE_EVENT_STORE, PE_VIEW } from './tokens';

const API = '/api/v1/assignments';

@Controller('api/v1/assignments')
export class AssignmentsController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(PE_EVENT_STORE) private readonly store: EventStore,
    @Inject(PE_VIEW) private readonly view: AssignmentView,
    @Inject(CONSISTENCY) private readonly consistency: Consistency,
  ) {}

  @Post(':id/progress')
  @Roles('agency_officer')
  async progress(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: unknown, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const assignment = await this.ownAssignment(principal, id);
    const request = validateBody(progressRequest, body);
    const meta = commandMeta(principal, `POST ${API}/${id}/progress`, req, request);
    const outcome = await this.commands.execute<ReportProgressCommand, CommandOutcome<AssignmentState>>(new ReportProgressCommand(assignment, request, meta));
    await this.answer(reply, outcome, 201);
  }

  @Post(':id/completion')
  @Roles('agency_officer')
  async completion(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: unknown, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const assignment = await this.ownAssignment(principal, id);
    const request = validateBody(completionRequest, body);
    const meta = commandMeta(principal, `POST ${API}/${id}/completion`, req, request);
    const outcome = await this.commands.execute<ReportCompletionCommand, CommandOutcome<AssignmentState>>(new ReportCompletionCommand(assignment, request, meta));
    await this.answer(reply, outcome, 201);
  }

  @Post(':id/confirmation')
  @Roles('monitoring_officer')
  async confirmation(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: unknown, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const assignment = await this.existing(id);
    const allowed = [assignment.monitoringAgency, assignment.issuer, assignment.issuerOffice].filter(Boolean);
    if (!principal.agencyId || !allowed.includes(principal.agencyId)) {
      throw problems.forbidden(`Only a monitoring officer of ${allowed.join(', ')} may confirm or return completions of directive ${assignment.directiveNumber}`);
    }
    const request = validateBody(confirmationRequest, body);
    const meta = commandMeta(principal, `POST ${API}/${id}/confirmation`, req, request);
    const outcome = await this.commands.execute<ConfirmCompletionCommand, CommandOutcome<AssignmentState>>(new ConfirmCompletionCommand(assignment, request, meta));
    await this.answer(reply, outcome, 200);
  }

  private async existing(id: string): Promise<AssignmentViewDoc> {
    const assignment = await this.view.find(id);
    if (!assignment) throw problems.notFound(`No assignment ${id}`);
    return assignment;
  }

  /** An agency officer reports only on assignments of their own agency. */
  private async ownAssignment(principal: Principal, id: string): Promise<AssignmentViewDoc> {
    const assignment = await this.existing(id);
    if (principal.agencyId !== assignment.agencyId) {
      throw problems.forbidden(`Assignment ${id} belongs to ${assignment.agencyId}; you report for ${principal.agencyId ?? 'no agency'}`);
    }
    return assignment;
  }

  private async answer(reply: FastifyReply, outcome: CommandOutcome<AssignmentState>, status: number) {
    const token = await this.consistency.afterWrite(writtenAt(this.store.name, outcome));
    const event = outcome.events[0];
    reply.header('x-consistency-token', token);
    if (outcome.replayed) reply.header('idempotent-replayed', 'true');
    reply.status(status).send({
      assignmentId: (event.data as { assignmentId: string }).assignmentId,
      eventId: event.eventId,
      type: event.type,
      revision: event.streamRevision,
      recordedAt: event.recordedAt,
      data: event.data,
    });
  }
}
