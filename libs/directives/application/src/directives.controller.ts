import { Body, Controller, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  cancelTaskRequest,
  changeDeadlineRequest,
  EVENT_TYPES,
  issueDirectiveRequest,
  type TaskCancelled,
  type TaskDeadlineChanged,
} from '@dm/contracts';
import type { EventStore } from '@dm/event-store';
import {
  CONSISTENCY,
  commandMeta,
  CurrentPrincipal,
  Roles,
  validateBody,
  type CommandOutcome,
  type Consistency,
  type Principal,
  writtenAt,
} from '@dm/platform';
import type { DirectiveState } from '@dm/directives-domain';
import { CancelTaskCommand, ChangeTaskDeadlineCommand, IssueDirectiveCommand } from './commands';
import { assertMayChangeDirective, loadDirective } from './directive-stream';
import { issuedData } from './handlers';
import { TA_EVENT_STORE, TA_REGISTRY } from './tokens';
import type { AgencyRegistry } from '@dm/registry';
import { assertMayIssue, notInFuture } from './issue-rules';

const API = '/api/v1/directives';

@Controller('api/v1/directives')
export class DirectivesController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(TA_EVENT_STORE) private readonly store: EventStore,
    @Inject(CONSISTENCY) private readonly consistency: Consistency,
    @Inject(TA_REGISTRY) private readonly registry: AgencyRegistry,
  ) {}

  @Post()
  @Roles('monitoring_officer')
  async issue(@CurrentPrincipal() principal: Principal, @Body() body: unknown, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    assertMayIssue(principal, body, this.registry);
    const request = validateBody(issueDirectiveRequest, body);
    notInFuture('issuedOn', request.issuedOn);
    const meta = commandMeta(principal, `POST ${API}`, req, request);
    const outcome = await this.commands.execute<IssueDirectiveCommand, CommandOutcome<DirectiveState>>(new IssueDirectiveCommand(request, meta));
    const issued = issuedData(outcome);
    await this.answer(reply, outcome, 201, {
      id: issued.directiveId,
      number: issued.number,
      type: issued.type,
      issuer: issued.issuer,
      issuedOn: issued.issuedOn,
      subject: issued.subject,
      monitoringAgency: issued.monitoringAgency,
      registryVersion: issued.registryVersion,
      tasks: issued.tasks,
      assignments: issued.assignments,
    }, `${API}/${issued.directiveId}`);
  }

  @Post(':id/tasks/:taskNo/deadline')
  @HttpCode(200)
  @Roles('monitoring_officer')
  async changeDeadline(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Param('taskNo') taskNo: string,
    @Body() body: unknown,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    assertMayChangeDirective(principal, await loadDirective(this.store, id), id);
    const request = validateBody(changeDeadlineRequest, body);
    notInFuture('changedOn', request.changedOn);
    const meta = commandMeta(principal, `POST ${API}/${id}/tasks/${taskNo}/deadline`, req, request);
    const outcome = await this.commands.execute<ChangeTaskDeadlineCommand, CommandOutcome<DirectiveState>>(
      new ChangeTaskDeadlineCommand(id, taskNo, request, meta),
    );
    const changed = outcome.events.find((e) => e.type === EVENT_TYPES.taskDeadlineChanged)?.data as TaskDeadlineChanged;
    await this.answer(reply, outcome, 200, { ...changed, eventId: outcome.events[0].eventId });
  }

  @Post(':id/tasks/:taskNo/cancel')
  @HttpCode(200)
  @Roles('monitoring_officer')
  async cancel(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Param('taskNo') taskNo: string,
    @Body() body: unknown,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    assertMayChangeDirective(principal, await loadDirective(this.store, id), id);
    const request = validateBody(cancelTaskRequest, body);
    notInFuture('cancelledOn', request.cancelledOn);
    const meta = commandMeta(principal, `POST ${API}/${id}/tasks/${taskNo}/cancel`, req, request);
    const outcome = await this.commands.execute<CancelTaskCommand, CommandOutcome<DirectiveState>>(
      new CancelTaskCommand(id, taskNo, request, meta),
    );
    const cancelled = outcome.events.find((e) => e.type === EVENT_TYPES.taskCancelled)?.data as TaskCancelled;
    await this.answer(reply, outcome, 200, { ...cancelled, eventId: outcome.events[0].eventId });
  }

  private async answer(reply: FastifyReply, outcome: CommandOutcome<unknown>, status: number, body: object, location?: string) {
    const token = await this.consistency.afterWrite(writtenAt(this.store.name, outcome));
    reply.header('x-consistency-token', token);
    if (outcome.replayed) reply.header('idempotent-replayed', 'true');
    if (location) reply.header('location', location);
    reply.status(status).send(body);
  }
}
