import { Body, Controller, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  cancelTaskRequest,
  changeDeadlineRequest,
  directiveStreamId,
  issueDirectiveRequest,
  type DirectiveEvent,
  type Principal,
} from '@dm/contracts';
import {
  CancelTask,
  ChangeTaskDeadline,
  directiveDecider,
  directivesPolicy,
  IssueDirective,
  requireIssued,
  type DirectiveState,
  type IssuedDirective,
} from '@dm/directives-domain';
import { authorize, type CommandOutcome, type EventStore } from '@dm/eventsourcing';
import { vietnamDate } from '@dm/periods';
import { Allow, answerWrite, commandMetadata, CONSISTENCY, CurrentPrincipal, validateBody, type Consistency } from '@dm/platform';
import type { AgencyRegistry } from '@dm/registry';
import { TA_EVENT_STORE, TA_REGISTRY } from './tokens';

type Outcome = CommandOutcome<DirectiveState, DirectiveEvent>;
const today = () => vietnamDate(new Date());

/**
 * The commands on directives. Each route asks the policy before it reads the
 * body, validates the body's shape, and sends the domain command through
 * @nestjs/cqrs to the decider (deciderHandlers, in the module).
 */
@Controller('api/v1/directives')
export class DirectivesController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(TA_EVENT_STORE) private readonly store: EventStore,
    @Inject(CONSISTENCY) private readonly consistency: Consistency,
    @Inject(TA_REGISTRY) private readonly registry: AgencyRegistry,
  ) {}

  @Post()
  @Allow(directivesPolicy.issue)
  async issue(@CurrentPrincipal() principal: Principal, @Body() body: unknown, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const issuer = (body as { issuer?: unknown } | null)?.issuer;
    // Without an issuer there is nobody to act for: validation names the field.
    if (typeof issuer === 'string') authorize(directivesPolicy.issue, principal, { issuer, issuerOffice: this.registry.officeOf(issuer) });
    const request = validateBody(issueDirectiveRequest, body);
    const data = { ...request, registry: this.registry.snapshot(request.issuedOn), today: today() };
    const outcome: Outcome = await this.commands.execute(
      new IssueDirective(data, commandMetadata(req, principal, request, 'monitoring_officer', request.issuedOn)),
    );
    const { directiveId: id, number, type, issuedOn, subject, monitoringAgency, registryVersion, tasks, assignments } = issuedOf(outcome);
    const answer = { id, number, type, issuer: request.issuer, issuedOn, subject, monitoringAgency, registryVersion, tasks, assignments };
    await answerWrite(reply, this.consistency, this.store.name, outcome, 201, answer, `/api/v1/directives/${id}`);
  }

  @Post(':id/tasks/:taskNo/deadline')
  @HttpCode(200)
  @Allow(directivesPolicy.change)
  async changeDeadline(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Param('taskNo') taskNumber: string,
    @Body() body: unknown,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    authorize(directivesPolicy.change, principal, await this.directive(id));
    const request = validateBody(changeDeadlineRequest, body);
    const changedOn = request.changedOn ?? today();
    const data = {
      directiveId: id,
      taskNumber,
      deadline: request.deadline,
      reason: request.reason,
      authorizingDocument: request.authorizingDocument,
      changedOn,
      today: today(),
    };
    const outcome: Outcome = await this.commands.execute(
      new ChangeTaskDeadline(data, commandMetadata(req, principal, request, 'monitoring_officer', changedOn)),
    );
    await answerWrite(reply, this.consistency, this.store.name, outcome, 200, {
      ...outcome.events[0].data,
      eventId: outcome.events[0].eventId,
    });
  }

  @Post(':id/tasks/:taskNo/cancel')
  @HttpCode(200)
  @Allow(directivesPolicy.change)
  async cancel(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Param('taskNo') taskNumber: string,
    @Body() body: unknown,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    authorize(directivesPolicy.change, principal, await this.directive(id));
    const request = validateBody(cancelTaskRequest, body);
    const cancelledOn = request.cancelledOn ?? today();
    const data = {
      directiveId: id,
      taskNumber,
      reason: request.reason,
      authorizingDocument: request.authorizingDocument,
      cancelledOn,
      today: today(),
    };
    const outcome: Outcome = await this.commands.execute(
      new CancelTask(data, commandMetadata(req, principal, request, 'monitoring_officer', cancelledOn)),
    );
    await answerWrite(reply, this.consistency, this.store.name, outcome, 200, {
      ...outcome.events[0].data,
      eventId: outcome.events[0].eventId,
    });
  }

  /** The directive as its stream tells it now (for the policy), or NotFoundError. */
  private async directive(id: string): Promise<IssuedDirective> {
    let state = directiveDecider.initialState();
    for await (const event of this.store.readStream<DirectiveEvent>(directiveStreamId(id))) state = directiveDecider.evolve(state, event);
    return requireIssued(state, id);
  }
}

function issuedOf(outcome: Outcome) {
  const [issued] = outcome.events;
  if (issued.type !== 'directive.issued') throw new Error(`directive.issued expected, got ${issued.type}`);
  return issued.data;
}
