import { Controller, HttpCode, Inject, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CommandBus } from '@nestjs/cqrs';
import { v5 as uuidv5 } from 'uuid';
import { EVENT_TYPES, STREAM_PREFIX, transferRequest, type DirectiveEvent, type TransferRequest } from '@dm/contracts';
import { directiveDecider, directivesPolicy, TransferToSuccessor, type DirectiveState } from '@dm/directives-domain';
import { NotFoundError, RuleViolationError, type CommandOutcome, type EventStore } from '@dm/eventsourcing';
import { addDays, formatVietnamese, requireNotAfterToday, today } from '@dm/periods';
import {
  Allow,
  Call,
  commandMetadata,
  idempotencyKeyOf,
  CONSISTENCY,
  validateBody,
  type CommandCall,
  type Consistency,
} from '@dm/platform';
import { AssignmentActivity } from './assignment-activity';
import { directiveStateOf } from './directive-state';
import { RegistryProjection } from './registry-projection';
import { TA_ACTIVITY, TA_EVENT_STORE, TA_REGISTRY } from './tokens';

type Outcome = CommandOutcome<DirectiveState, DirectiveEvent>;

/** The namespace of the command ids a batch's Idempotency-Key gives each directive's transfer. */
const TRANSFER_NAMESPACE = '4d1c9a52-7e0b-4f5e-9a3c-2b6f8e1d7c40';

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
    const { successor, successorFrom, endedOn } = await this.successorOf(from, request.to, transferredOn);
    const takeOver = { transferredOn, successorFrom };

    // Every directive is decided first, and nothing is written unless all of them can be: all or none.
    const planned: Array<{ command: TransferToSuccessor; number: string }> = [];
    for (const directiveId of request.directiveIds ?? (await this.directivesMentioning(from))) {
      const command = await this.planned(call, request, directiveId, takeOver);
      if (command) planned.push(command);
    }
    const moved: Array<{ directiveId: string; number: string; assignmentIds: string[]; monitoring: boolean }> = [];
    let lastWrite: { position: number; streamId: string; revision: number } | null = null;
    for (const { command, number } of planned) {
      const outcome: Outcome = await this.commands.execute(command);
      if (!outcome.events.length) continue;
      const lastEvent = outcome.events[outcome.events.length - 1];
      lastWrite = { position: outcome.position, streamId: lastEvent.streamId, revision: lastEvent.streamRevision };
      const transferred = outcome.events.find((e) => e.type === EVENT_TYPES.assignmentsTransferred);
      moved.push({
        directiveId: command.data.directiveId,
        number,
        assignmentIds: transferred ? (transferred.data as { assignmentIds: string[] }).assignmentIds : [],
        monitoring: outcome.events.some((e) => e.type === EVENT_TYPES.monitoringTransferred),
      });
    }
    if (lastWrite) reply.header('x-consistency-token', await this.consistency.afterWrite({ source: this.store.name, ...lastWrite }));
    reply.status(200).send({
      from,
      to: request.to,
      duties: successor.duties,
      endedOn,
      successorFrom,
      transferredOn,
      directives: moved,
      assignments: moved.reduce((n, d) => n + d.assignmentIds.length, 0),
    });
  }

  /**
   * The successor the registry names for an ended agency, valid on the
   * transfer date, which is not before the successor takes over (422).
   */
  private async successorOf(from: string, to: string, transferredOn: string) {
    const registry = await this.projection.registry();
    const agency = registry.agency(from);
    if (!agency) throw new NotFoundError(`No agency ${from}`);
    if (agency.validTo === null)
      throw new RuleViolationError(`${from} has not ended: only an ended agency's work moves to a successor`, 'id', 'has not ended');
    const successor = agency.successors.find((s) => s.agencyId === to);
    if (!successor) {
      const named = agency.successors.map((s) => s.agencyId).join(', ');
      throw new RuleViolationError(`${to} is not a successor of ${from}; its successors: ${named || 'none'}`, 'to', 'is not a successor');
    }
    const successorFrom = addDays(agency.validTo, 1);
    if (transferredOn < successorFrom)
      throw new RuleViolationError(
        `${from} is valid until ${formatVietnamese(agency.validTo)}: its work moves from ${formatVietnamese(successorFrom)}`,
        'transferredOn',
        `must not be before ${formatVietnamese(successorFrom)}`,
      );
    const heir = registry.agency(to, transferredOn);
    if (!heir || heir.validFrom > transferredOn || (heir.validTo !== null && heir.validTo < transferredOn))
      throw new RuleViolationError(
        `${to} is not valid on ${formatVietnamese(transferredOn)}`,
        'transferredOn',
        `is outside ${to}'s validity`,
      );
    return { successor, successorFrom, endedOn: agency.validTo };
  }

  /** The transfer of one directive, decided now on its stream (a refusal stops the whole batch), or null with nothing to move. */
  private async planned(
    call: CommandCall,
    request: TransferRequest,
    directiveId: string,
    { transferredOn, successorFrom }: { transferredOn: string; successorFrom: string },
  ) {
    const state = await directiveStateOf(this.store, directiveId);
    if (!state.exists) {
      if (request.directiveIds) throw new NotFoundError(`No directive ${directiveId}`, 'directiveIds');
      return null;
    }
    const from = call.params.id;
    const held = Object.values(state.assignments).filter((a) => a.agencyId === from && a.closedOn === null);
    const keyed = idempotencyKeyOf(call.request) !== undefined;
    // A keyed retry looks again at directives it may have moved, but never at one issued after the transfer date.
    if (state.closed || (!held.length && state.monitoringAgency !== from && (!keyed || state.issuedOn > transferredOn))) return null;
    const recurring = new Set(
      Object.values(state.tasks)
        .filter((t) => t.recurrence)
        .map((t) => t.number),
    );
    const data = {
      directiveId,
      from,
      to: request.to,
      transferredOn,
      successorFrom,
      reason: request.reason,
      authorizingDocument: request.authorizingDocument,
      done: await this.activity.acceptedOnce(held.filter((a) => !recurring.has(a.taskNumber)).map((a) => a.id)),
      lastRecordedOn: await this.activity.lastRecordedOn(held.map((a) => a.id)),
      today: today(),
    };
    const base = commandMetadata(call, { ...request, directiveId }, 'admin', transferredOn);
    // One Idempotency-Key covers the batch: each directive's command gets an id of its own from it.
    const metadata = base.keyed ? { ...base, commandId: uuidv5(`${base.commandId}\n${directiveId}`, TRANSFER_NAMESPACE) } : base;
    const command = new TransferToSuccessor(data, metadata);
    // Nothing to move, unless this is a keyed retry: the command then answers what it moved the first time.
    if (!directiveDecider.decide(command, state).length && !metadata.keyed) return null;
    return { command, number: state.number };
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
}
