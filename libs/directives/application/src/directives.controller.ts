import { Controller, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { cancelTaskRequest, changeDeadlineRequest, directiveStreamId, issueDirectiveRequest, type DirectiveEvent } from '@dm/contracts';
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
import { today } from '@dm/periods';
import { Allow, answerWrite, Call, commandMetadata, CONSISTENCY, validateBody, type CommandCall, type Consistency } from '@dm/platform';
import type { AgencyRegistry } from '@dm/registry';
import { TA_EVENT_STORE, TA_REGISTRY } from './tokens';

type Outcome = CommandOutcome<DirectiveState, DirectiveEvent>;

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
  async issue(@Call() call: CommandCall, @Res() reply: FastifyReply) {
    const named = (call.body as { issuer?: unknown } | null)?.issuer;
    const issuer = typeof named === 'string' && named ? named : null;
    authorize(directivesPolicy.issue, call.principal, { issuer, issuerOffice: issuer ? this.registry.officeOf(issuer) : null });
    const request = validateBody(issueDirectiveRequest, call.body);
    const data = { ...request, registry: this.registry.snapshot(request.issuedOn), today: today() };
    const metadata = commandMetadata(call, request, 'monitoring_officer', request.issuedOn);
    const outcome: Outcome = await this.commands.execute(new IssueDirective(data, metadata));
    const { directiveId: id, number, type, issuedOn, subject, monitoringAgency, registryVersion, tasks, assignments } = issuedOf(outcome);
    const answer = { id, number, type, issuer: request.issuer, issuedOn, subject, monitoringAgency, registryVersion, tasks, assignments };
    await answerWrite(reply, this.consistency, this.store.name, outcome, 201, answer, `/api/v1/directives/${id}`);
  }

  @Post(':id/tasks/:taskNo/deadline')
  @HttpCode(200)
  @Allow(directivesPolicy.change)
  async changeDeadline(@Call() call: CommandCall, @Res() reply: FastifyReply) {
    const { request, task } = await this.allowedChange(call, changeDeadlineRequest);
    const changedOn = request.changedOn ?? today();
    const { deadline, reason, authorizingDocument } = request;
    const data = { ...task, deadline, reason, authorizingDocument, changedOn, today: today() };
    const metadata = commandMetadata(call, request, 'monitoring_officer', changedOn);
    await this.answerChange(reply, await this.commands.execute(new ChangeTaskDeadline(data, metadata)));
  }

  @Post(':id/tasks/:taskNo/cancel')
  @HttpCode(200)
  @Allow(directivesPolicy.change)
  async cancel(@Call() call: CommandCall, @Res() reply: FastifyReply) {
    const { request, task } = await this.allowedChange(call, cancelTaskRequest);
    const cancelledOn = request.cancelledOn ?? today();
    const data = { ...task, reason: request.reason, authorizingDocument: request.authorizingDocument, cancelledOn, today: today() };
    const metadata = commandMetadata(call, request, 'monitoring_officer', cancelledOn);
    await this.answerChange(reply, await this.commands.execute(new CancelTask(data, metadata)));
  }

  /** The directive (404 if unknown), the caller allowed to change it, then the body's shape. */
  private async allowedChange<S extends z.ZodTypeAny>(call: CommandCall, schema: S) {
    const { id, taskNo } = call.params;
    authorize(directivesPolicy.change, call.principal, await this.directive(id));
    return { request: validateBody(schema, call.body) as z.infer<S>, task: { directiveId: id, taskNumber: taskNo } };
  }

  /** The directive as its stream tells it now (for the policy), or NotFoundError. */
  private async directive(id: string): Promise<IssuedDirective> {
    let state = directiveDecider.initialState();
    for await (const event of this.store.readStream<DirectiveEvent>(directiveStreamId(id))) state = directiveDecider.evolve(state, event);
    return requireIssued(state, id);
  }

  /** The change written, with its event id. */
  private answerChange(reply: FastifyReply, outcome: Outcome) {
    const [event] = outcome.events;
    return answerWrite(reply, this.consistency, this.store.name, outcome, 200, { ...event.data, eventId: event.eventId });
  }
}

function issuedOf(outcome: Outcome) {
  const [issued] = outcome.events;
  if (issued.type !== 'directive.issued') throw new Error(`directive.issued expected, got ${issued.type}`);
  return issued.data;
}
