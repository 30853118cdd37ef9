import { Controller, Get, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import {
  assignmentStreamId,
  completionRequest,
  confirmationRequest,
  progressRequest,
  reopenRequest,
  type AssignmentEvent,
  type Attachment,
  type Principal,
} from '@dm/contracts';
import {
  authorize,
  foldEvents,
  NotFoundError,
  ValidationError,
  type CommandOutcome,
  type EventStore,
  type Permission,
} from '@dm/eventsourcing';
import { today } from '@dm/periods';
import {
  Allow,
  answerWrite,
  Call,
  commandMetadata,
  CONSISTENCY,
  CurrentPrincipal,
  sendAttachment,
  validateBody,
  type CommandCall,
  type Consistency,
} from '@dm/platform';
import type { AttachmentStore, DescribedFile } from '@dm/read-store';
import {
  assignmentDecider,
  assignmentStreamOf,
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
import { PE_ATTACHMENTS, PE_EVENT_STORE, PE_VIEW } from './tokens';

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
    @Inject(PE_ATTACHMENTS) private readonly attachments: AttachmentStore,
    @Inject(CONSISTENCY) private readonly consistency: Consistency,
  ) {}

  @Post(':id/progress')
  @Allow(progressPolicy.report)
  async progress(@Call() call: CommandCall, @Res() reply: FastifyReply) {
    const { context, request } = await this.allowed(call, progressPolicy.report, progressRequest);
    const { actingAs, incomingDocument } = reporter(call.principal, context, request.incomingDocument);
    const file = request.attachment ? this.attachments.describe(request.attachment) : null;
    const metadata = commandMetadata(call, request, actingAs, request.reportedOn);
    const data = { context, ...request, incomingDocument, attachment: file?.meta ?? null, today: today() };
    const command = new ReportProgress(data, metadata);
    await this.keep(file, command);
    await this.answer(reply, await this.commands.execute(command), 201);
  }

  @Post(':id/completion')
  @Allow(progressPolicy.report)
  async completion(@Call() call: CommandCall, @Res() reply: FastifyReply) {
    const { context, request } = await this.allowed(call, progressPolicy.report, completionRequest);
    const { actingAs, incomingDocument } = reporter(call.principal, context, request.incomingDocument);
    const file = request.attachment ? this.attachments.describe(request.attachment) : null;
    const metadata = commandMetadata(call, request, actingAs, request.completedOn);
    const data = { context, ...request, incomingDocument, attachment: file?.meta ?? null, today: today() };
    const command = new ReportCompletion(data, metadata);
    await this.keep(file, command);
    await this.answer(reply, await this.commands.execute(command), 201);
  }

  /**
   * A file a progress or completion report of the assignment carries, by its
   * SHA-256: only one its events record (any other is 404, whatever is kept
   * under that hash), named as the event names it, its bytes checked against
   * the hash. Who may read the assignment's timeline may read it.
   */
  @Get(':id/attachments/:hash')
  @Allow(progressPolicy.readAttachment)
  async attachment(
    @CurrentPrincipal() reader: Principal,
    @Param('id') id: string,
    @Param('hash') sha256: string,
    @Res() reply: FastifyReply,
  ) {
    const context = await this.view.context(id);
    authorize(progressPolicy.readAttachment, reader, context);
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new ValidationError('must be a SHA-256 in lower-case hex', 'hash');
    const recorded = await this.recordedAttachment(context.assignmentId, sha256);
    if (!recorded) throw new NotFoundError(`Assignment ${context.assignmentId} has no attachment ${sha256}`);
    const file = await this.attachments.get(sha256);
    if (!file) throw new NotFoundError(`The file ${sha256} of assignment ${context.assignmentId} is not kept here`);
    sendAttachment(reply, { meta: recorded, bytes: file.bytes });
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

  /**
   * Keeps a report's file before its event is appended, so an event never
   * names a file that is not kept: once the decider takes the command on the
   * stream as it stands (a refused report keeps no file), and not again for a
   * retry its stream already holds. Kept by its hash, the same bytes twice
   * change nothing.
   */
  private async keep(file: DescribedFile | null, command: ReportProgress | ReportCompletion): Promise<void> {
    if (!file) return;
    const events: AssignmentEvent[] = [];
    for await (const event of this.store.readStream<AssignmentEvent>(assignmentStreamOf(command))) {
      if ((event.metadata.commandId ?? event.eventId) === command.metadata.commandId) return;
      events.push(event);
    }
    assignmentDecider.decide(command, foldEvents(assignmentDecider, assignmentDecider.initialState(), events));
    await this.attachments.put(file);
  }

  /** The last record of the file with this hash among the assignment's events, or null. */
  private async recordedAttachment(assignmentId: string, sha256: string): Promise<Attachment | null> {
    let found: Attachment | null = null;
    for await (const event of this.store.readStream<AssignmentEvent>(assignmentStreamId(assignmentId))) {
      const attachment = (event.data as { attachment?: Attachment | null }).attachment;
      if (attachment?.sha256 === sha256) found = attachment;
    }
    return found;
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
