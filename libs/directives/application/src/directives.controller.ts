import { Controller, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import {
  addAgencyRequest,
  addTaskRequest,
  cancelTaskRequest,
  changeDeadlineRequest,
  changeLeadRequest,
  correctTextRequest,
  revokeRequest,
  supersedeRequest,
  type DirectiveEvent,
} from '@dm/contracts';
import {
  AddTask,
  AddTaskAgency,
  CancelTask,
  ChangeTaskDeadline,
  ChangeTaskLead,
  CorrectTaskText,
  directivesPolicy,
  findTask,
  requireIssued,
  RevokeDirective,
  SupersedeDirective,
  type Amendment,
  type DirectiveState,
  type IssuedDirective,
} from '@dm/directives-domain';
import { authorize, RuleViolationError, type CommandMetadata, type CommandOutcome, type EventStore } from '@dm/eventsourcing';
import { today } from '@dm/periods';
import { Allow, answerWrite, Call, commandMetadata, CONSISTENCY, validateBody, type CommandCall, type Consistency } from '@dm/platform';
import { AssignmentActivity } from './assignment-activity';
import { DirectiveIssuing } from './directive-issuing';
import { directiveStateOf } from './directive-state';
import { RegistryProjection } from './registry-projection';
import { TA_ACTIVITY, TA_EVENT_STORE, TA_REGISTRY } from './tokens';

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
    @Inject(TA_REGISTRY) private readonly registries: RegistryProjection,
    @Inject(TA_ACTIVITY) private readonly activity: AssignmentActivity,
    private readonly issuing: DirectiveIssuing,
  ) {}

  @Post()
  @Allow(directivesPolicy.issue)
  async issue(@Call() call: CommandCall, @Res() reply: FastifyReply) {
    const { outcome, answer, location } = await this.issuing.issue(call, call.body);
    await answerWrite(reply, this.consistency, this.store.name, outcome, 201, answer, location);
  }

  @Post(':id/tasks/:taskNo/deadline')
  @HttpCode(200)
  @Allow(directivesPolicy.change)
  async changeDeadline(@Call() call: CommandCall, @Res() reply: FastifyReply) {
    const { request, task, directive } = await this.allowedChange(call, changeDeadlineRequest);
    const changedOn = request.changedOn ?? today();
    const { deadline, reason, authorizingDocument } = request;
    const lastRecordedOn = await this.recordedOn(directive, task.taskNumber);
    const data = {
      ...task,
      agencyId: request.agencyId ?? null,
      deadline,
      reason,
      authorizingDocument,
      changedOn,
      lastRecordedOn,
      today: today(),
    };
    const metadata = commandMetadata(call, request, 'monitoring_officer', changedOn);
    await this.answerChange(reply, await this.commands.execute(new ChangeTaskDeadline(data, metadata)));
  }

  @Post(':id/tasks/:taskNo/cancel')
  @HttpCode(200)
  @Allow(directivesPolicy.change)
  async cancel(@Call() call: CommandCall, @Res() reply: FastifyReply) {
    const { request, task, directive } = await this.allowedChange(call, cancelTaskRequest);
    const cancelledOn = request.cancelledOn ?? today();
    const data = {
      ...task,
      agencyId: request.agencyId ?? null,
      reason: request.reason,
      authorizingDocument: request.authorizingDocument,
      cancelledOn,
      lastRecordedOn: await this.recordedOn(directive, task.taskNumber),
      today: today(),
    };
    const metadata = commandMetadata(call, request, 'monitoring_officer', cancelledOn);
    await this.answerChange(reply, await this.commands.execute(new CancelTask(data, metadata)));
  }

  @Post(':id/tasks')
  @Allow(directivesPolicy.change)
  async addTask(@Call() call: CommandCall, @Res() reply: FastifyReply) {
    await this.amend(call, reply, addTaskRequest, 201, async (request, amendment) => {
      const { reason, authorizingDocument, effectiveOn, ...task } = request;
      void [reason, authorizingDocument, effectiveOn];
      const registry = (await this.registries.registry()).snapshot(amendment.effectiveOn);
      return (m) => new AddTask({ ...amendment, task, registry }, m);
    });
  }

  @Post(':id/tasks/:taskNo/agencies')
  @Allow(directivesPolicy.change)
  async addAgency(@Call() call: CommandCall, @Res() reply: FastifyReply) {
    await this.amend(call, reply, addAgencyRequest, 201, async ({ agencyId, role }, amendment) => {
      const registry = (await this.registries.registry()).snapshot(amendment.effectiveOn);
      return (m) => new AddTaskAgency({ ...amendment, taskNumber: call.params.taskNo, agencyId, role, registry }, m);
    });
  }

  @Post(':id/tasks/:taskNo/lead')
  @HttpCode(200)
  @Allow(directivesPolicy.change)
  async changeLead(@Call() call: CommandCall, @Res() reply: FastifyReply) {
    await this.amend(call, reply, changeLeadRequest, 200, async ({ lead }, amendment, directive) => {
      const taskNumber = call.params.taskNo;
      const known = {
        lastRecordedOn: await this.recordedOn(directive, taskNumber),
        registry: (await this.registries.registry()).snapshot(amendment.effectiveOn),
      };
      return (m) => new ChangeTaskLead({ ...amendment, ...known, taskNumber, lead }, m);
    });
  }

  @Post(':id/tasks/:taskNo/text')
  @HttpCode(200)
  @Allow(directivesPolicy.change)
  async correctText(@Call() call: CommandCall, @Res() reply: FastifyReply) {
    await this.amend(call, reply, correctTextRequest, 200, async ({ text }, amendment) => {
      return (m) => new CorrectTaskText({ ...amendment, taskNumber: call.params.taskNo, text }, m);
    });
  }

  @Post(':id/supersede')
  @HttpCode(200)
  @Allow(directivesPolicy.change)
  async supersede(@Call() call: CommandCall, @Res() reply: FastifyReply) {
    await this.amend(call, reply, supersedeRequest, 200, async ({ supersededBy }, amendment, directive) => {
      const found = await this.directiveOrNull(supersededBy);
      if (!found)
        throw new RuleViolationError(`No directive ${supersededBy} has been issued`, 'supersededBy', 'is not an issued directive');
      const successor = { directiveId: found.directiveId, number: found.number, issuedOn: found.issuedOn, closed: found.closed !== null };
      const lastRecordedOn = await this.recordedOn(directive);
      return (m) => new SupersedeDirective({ ...amendment, successor, lastRecordedOn }, m);
    });
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @Allow(directivesPolicy.change)
  async revoke(@Call() call: CommandCall, @Res() reply: FastifyReply) {
    await this.amend(call, reply, revokeRequest, 200, async (_request, amendment, directive) => {
      const lastRecordedOn = await this.recordedOn(directive);
      return (m) => new RevokeDirective({ ...amendment, lastRecordedOn }, m);
    });
  }

  /** The directive (404 if unknown), the caller allowed to change it, then the body's shape. */
  private async allowedChange<S extends z.ZodTypeAny>(call: CommandCall, schema: S) {
    const { id, taskNo } = call.params;
    const directive = await this.directive(id);
    authorize(directivesPolicy.change, call.principal, directive);
    return { directive, request: validateBody(schema, call.body) as z.infer<S>, task: { directiveId: id, taskNumber: taskNo } };
  }

  /**
   * An amendment: the directive, the caller allowed to change it, the body's
   * shape, then what every amendment states (reason, authorising document,
   * effective date, default today); `build` makes the command, which is sent
   * and its event answered with `status`.
   */
  private async amend<S extends z.ZodType<{ reason: string; authorizingDocument: string; effectiveOn?: string }>>(
    call: CommandCall,
    reply: FastifyReply,
    schema: S,
    status: number,
    build: (request: z.infer<S>, amendment: Amendment, directive: IssuedDirective) => Promise<(metadata: CommandMetadata) => object>,
  ) {
    const { request, directive } = await this.allowedChange(call, schema);
    const { reason, authorizingDocument } = request;
    const effectiveOn = request.effectiveOn ?? today();
    const amendment: Amendment = { directiveId: call.params.id, reason, authorizingDocument, effectiveOn, today: today() };
    const command = (await build(request, amendment, directive))(commandMetadata(call, request, 'monitoring_officer', effectiveOn));
    const outcome: Outcome = await this.commands.execute(command);
    const [event] = outcome.events;
    await answerWrite(reply, this.consistency, this.store.name, outcome, status, {
      eventId: event.eventId,
      type: event.type,
      data: event.data,
    });
  }

  /** The last business date recorded on each assignment of the directive (of one task when named), from task-assignment's activity view. */
  private recordedOn(directive: IssuedDirective, taskNumber?: string) {
    const tasks = taskNumber === undefined ? directive.taskNumbers : [taskNumber];
    return this.activity.lastRecordedOn(tasks.flatMap((n) => findTask(directive, n)?.assignmentIds ?? []));
  }

  /** The directive as its stream tells it now (for the policy), or NotFoundError. */
  private async directive(id: string): Promise<IssuedDirective> {
    return requireIssued(await directiveStateOf(this.store, id), id);
  }

  private async directiveOrNull(id: string): Promise<IssuedDirective | null> {
    const state = await directiveStateOf(this.store, id);
    return state.exists ? state : null;
  }

  /** The change written, with its event id. */
  private answerChange(reply: FastifyReply, outcome: Outcome) {
    const [event] = outcome.events;
    return answerWrite(reply, this.consistency, this.store.name, outcome, 200, { ...event.data, eventId: event.eventId });
  }
}
