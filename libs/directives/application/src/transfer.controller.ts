import { Controller, HttpCode, Inject, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CommandBus } from '@nestjs/cqrs';
import { STREAM_PREFIX, transferRequest, directiveStreamId, type DirectiveEvent } from '@dm/contracts';
import { directiveDecider, directivesPolicy, TransferToSuccessor, type DirectiveState } from '@dm/directives-domain';
import { NotFoundError, RuleViolationError, type CommandOutcome, type EventStore } from '@dm/eventsourcing';
import { addDays, formatVietnamese, requireNotAfterToday, today } from '@dm/periods';
import { Allow, Call, commandMetadata, CONSISTENCY, validateBody, type CommandCall, type Consistency } from '@dm/platform';
import { AssignmentActivity } from './assignment-activity';
import { RegistryProjection } from './registry-projection';
import { TA_ACTIVITY, TA_EVENT_STORE, TA_REGISTRY } from './tokens';

type Outcome = CommandOutcome<DirectiveState, DirectiveEvent>;

/**
 * Moves what an ended agency holds (its open assignments, and the monitoring
 * of directives) to one of the successors the registry names for it: one
 * event per directive, so each assignment's timeline shows its transfer. A
 * batch run again moves nothing twice.
 */
@Controller('api/v1/registry/agencies')
export class TransferController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(TA_EVENT_STORE) private readonly store: EventStore,
    @Inject(CONSISTENCY) private readonly consistency: Consistency,
    @Inject(TA_REGISTRY) private readonly projection: RegistryProjection,
    @Inject(TA_ACTIVITY) private readonly activity: AssignmentActivity,
  ) {}

  @Post(':id/transfer')
  @HttpCode(200)
  @Allow(directivesPolicy.changeRegistry)
  async transfer(@Call() call: CommandCall, @Res() reply: FastifyReply) {
    const request = validateBody(transferRequest, call.body);
    const from = call.params.id;
    const transferredOn = requireNotAfterToday(request.transferredOn ?? today(), 'transferredOn', today());
    const agency = (await this.projection.registry()).agency(from);
    if (!agency) throw new NotFoundError(`No agency ${from}`);
    const successor = agency.successors.find((s) => s.agencyId === request.to);
    if (!successor) {
      const named = agency.successors.map((s) => s.agencyId).join(', ');
      throw new RuleViolationError(
        agency.validTo === null
          ? `${from} has not ended: only an ended agency's work moves to a successor`
          : `${request.to} is not a successor of ${from}${named ? `; its successors: ${named}` : ''}`,
        'to',
        'is not a successor',
      );
    }
    const firstDay = addDays(agency.validTo as string, 1);
    const toValid = (await this.projection.registry()).agency(request.to, transferredOn);
    if (!toValid || toValid.validFrom > transferredOn || (toValid.validTo !== null && toValid.validTo < transferredOn))
      throw new RuleViolationError(
        `${request.to} is not valid on ${formatVietnamese(transferredOn)}`,
        'transferredOn',
        `is outside ${request.to}'s validity`,
      );

    const ids = request.directiveIds ?? (await this.directivesMentioning(from));
    const moved: Array<{ directiveId: string; number: string; assignmentIds: string[]; monitoring: boolean }> = [];
    let lastWrite: { position: number; streamId: string; revision: number } | null = null;
    for (const directiveId of ids) {
      const state = await this.stateOf(directiveId);
      if (!state.exists) {
        if (request.directiveIds) throw new NotFoundError(`No directive ${directiveId}`, 'directiveIds');
        continue;
      }
      if (state.closed) continue;
      const held = Object.values(state.assignments).filter((a) => a.agencyId === from && a.closedOn === null);
      if (!held.length && state.monitoringAgency !== from) continue;
      const recurring = new Set(
        Object.values(state.tasks)
          .filter((t) => t.recurrence)
          .map((t) => t.number),
      );
      const done = await this.activity.acceptedOnce(held.filter((a) => !recurring.has(a.taskNumber)).map((a) => a.id));
      const lastRecordedOn = await this.activity.lastRecordedOn(held.map((a) => a.id));
      const data = {
        directiveId,
        from,
        to: request.to,
        transferredOn,
        reason: request.reason,
        authorizingDocument: request.authorizingDocument,
      };
      const metadata = commandMetadata(call, { ...request, directiveId }, 'admin', transferredOn);
      const outcome: Outcome = await this.commands.execute(
        new TransferToSuccessor({ ...data, done, lastRecordedOn, today: today() }, metadata),
      );
      if (!outcome.events.length) continue;
      const lastEvent = outcome.events[outcome.events.length - 1];
      lastWrite = { position: outcome.position, streamId: lastEvent.streamId, revision: lastEvent.streamRevision };
      const transferred = outcome.events.find((e) => e.type === 'directive.assignments-transferred');
      moved.push({
        directiveId,
        number: state.number,
        assignmentIds: transferred ? (transferred.data as { assignmentIds: string[] }).assignmentIds : [],
        monitoring: outcome.events.some((e) => e.type === 'directive.monitoring-transferred'),
      });
    }
    if (lastWrite) reply.header('x-consistency-token', await this.consistency.afterWrite({ source: this.store.name, ...lastWrite }));
    reply.status(200).send({
      from,
      to: request.to,
      duties: successor.duties,
      endedOn: agency.validTo,
      successorFrom: firstDay,
      transferredOn,
      directives: moved,
      assignments: moved.reduce((n, d) => n + d.assignmentIds.length, 0),
    });
  }

  /** Directives whose events name the agency (as an assignment's agency, the monitoring agency, or a transfer's successor). */
  private async directivesMentioning(agencyId: string): Promise<string[]> {
    const needle = `"${agencyId}"`;
    const found = new Set<string>();
    for await (const e of this.store.readAll({ streamPrefixes: [STREAM_PREFIX.directive] })) {
      if (JSON.stringify(e.data).includes(needle)) found.add(e.streamId.slice(STREAM_PREFIX.directive.length));
    }
    return [...found];
  }

  private async stateOf(id: string): Promise<DirectiveState> {
    let state = directiveDecider.initialState();
    for await (const event of this.store.readStream<DirectiveEvent>(directiveStreamId(id))) state = directiveDecider.evolve(state, event);
    return state;
  }
}
