import { Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  agencyId,
  asOfQuery,
  pageOfParts,
  registryListQuery,
  changeMembersRequest,
  createAgencyRequest,
  createGroupRequest,
  endAgencyRequest,
  endGroupRequest,
  REGISTRY_STREAM,
  renameAgencyRequest,
  type RegistryEvent,
} from '@dm/contracts';
import { directivesPolicy } from '@dm/directives-domain';
import { NotFoundError, type CommandMetadata, type CommandOutcome, type EventStore } from '@dm/eventsourcing';
import { today } from '@dm/periods';
import {
  Allow,
  answerWrite,
  Call,
  commandMetadata,
  CONSISTENCY,
  validateBody,
  validateQuery,
  type CommandCall,
  type Consistency,
} from '@dm/platform';
import {
  ChangeGroupMembers,
  CreateAgency,
  CreateGroup,
  EndAgency,
  EndGroup,
  ImportEdition,
  parseEdition,
  RenameAgency,
  type RegistryState,
} from '@dm/registry';
import { RegistryProjection } from './registry-projection';
import { TA_EVENT_STORE, TA_REGISTRY } from './tokens';

type Outcome = CommandOutcome<RegistryState, RegistryEvent>;

const whole = (message: string) =>
  z
    .string()
    .regex(/^-?\d{1,9}$/, message)
    .transform(Number);
const timelineQuery = z.object({
  after: whole('must be a revision (a whole number, -1 for the start)').pipe(z.number().int().min(-1, 'must be -1 or more')).optional(),
  limit: whole('must be a whole number from 1 to 1000')
    .pipe(z.number().int().min(1, 'must be at least 1').max(1_000, 'must be at most 1000'))
    .optional(),
  id: agencyId.optional(),
});

/** The agency registry: agencies and groups, with a group's members as of a date. */
@Controller('api/v1/agencies')
@Allow(directivesPolicy.readRegistry)
export class RegistryController {
  constructor(@Inject(TA_REGISTRY) private readonly projection: RegistryProjection) {}

  @Get()
  async list(@Query() query: Record<string, unknown>) {
    const { asOf, limit, after } = validateQuery(registryListQuery, query);
    const registry = await this.projection.registry();
    // A page of the agencies, then the groups, each in the registry's order (of creation: a new one comes last), sliced in memory.
    const agencyAt = new Map(registry.agencies().map((a, i) => [a.id, i]));
    const groupAt = new Map(registry.groups().map((g, i) => [g.id, i]));
    const page = pageOfParts(
      { agencies: { keyOf: (a) => [agencyAt.get(a.id) ?? -1] }, groups: { keyOf: (g) => [groupAt.get(g.id) ?? -1] } },
      { agencies: registry.agencies(asOf), groups: registry.groups(asOf) },
      { limit, after },
    );
    return { version: registry.version, ...(asOf ? { asOf } : {}), ...page };
  }

  @Get('groups/:id')
  async group(@Param('id') id: string, @Query() query: Record<string, unknown>) {
    const asOf = validateQuery(asOfQuery, query).asOf ?? today();
    const registry = await this.projection.registry();
    const snapshot = registry.snapshot(asOf);
    const group = Object.hasOwn(snapshot.groups, id) ? snapshot.groups[id] : undefined;
    if (!group) {
      const known = registry.groups().find((g) => g.id === id);
      if (known) throw new NotFoundError(`Group ${id} exists from ${known.validFrom} to ${known.validTo ?? '…'}, not on ${asOf}`, 'asOf');
      throw new NotFoundError(`No group ${id}`);
    }
    return { ...group, asOf, members: group.members.map((m) => snapshot.agencies[m]) };
  }

  @Get(':id')
  async agency(@Param('id') id: string, @Query() query: Record<string, unknown>) {
    const { asOf } = validateQuery(asOfQuery, query);
    const found = (await this.projection.registry()).agency(id, asOf);
    if (!found) throw new NotFoundError(`No agency ${id}`);
    if (asOf && (asOf < found.validFrom || (found.validTo !== null && asOf > found.validTo)))
      throw new NotFoundError(`Agency ${id} exists from ${found.validFrom} to ${found.validTo ?? '…'}, not on ${asOf}`, 'asOf');
    return { ...found, ...(asOf ? { asOf } : {}) };
  }
}

/**
 * Changes to the registry, each dated, with its reason and authorising
 * document, appended to the registry's stream; and the stream read back as
 * the registry's timeline (who changed what, when, why).
 */
@Controller('api/v1/registry')
export class RegistryChangesController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(TA_EVENT_STORE) private readonly store: EventStore,
    @Inject(CONSISTENCY) private readonly consistency: Consistency,
  ) {}

  @Post('agencies')
  @Allow(directivesPolicy.changeRegistry)
  async createAgency(@Call() call: CommandCall, @Res() reply: FastifyReply) {
    const r = validateBody(createAgencyRequest, call.body);
    await this.change(call, reply, r, r.validFrom, 201, (m) => new CreateAgency({ ...r, parent: r.parent ?? null }, m));
  }

  @Post('agencies/:id/rename')
  @HttpCode(200)
  @Allow(directivesPolicy.changeRegistry)
  async rename(@Call() call: CommandCall, @Res() reply: FastifyReply) {
    const r = validateBody(renameAgencyRequest, call.body);
    await this.change(call, reply, r, r.effectiveOn, 200, (m) => new RenameAgency({ ...r, id: call.params.id }, m));
  }

  @Post('agencies/:id/end')
  @HttpCode(200)
  @Allow(directivesPolicy.changeRegistry)
  async end(@Call() call: CommandCall, @Res() reply: FastifyReply) {
    const r = validateBody(endAgencyRequest, call.body);
    const successors = r.successors.map((s) => ({ agencyId: s.agencyId, duties: s.duties ?? null }));
    await this.change(call, reply, r, r.validTo, 200, (m) => new EndAgency({ ...r, successors, id: call.params.id }, m));
  }

  @Post('groups')
  @Allow(directivesPolicy.changeRegistry)
  async createGroup(@Call() call: CommandCall, @Res() reply: FastifyReply) {
    const r = validateBody(createGroupRequest, call.body);
    await this.change(call, reply, r, r.validFrom, 201, (m) => new CreateGroup(r, m));
  }

  @Post('groups/:id/members')
  @HttpCode(200)
  @Allow(directivesPolicy.changeRegistry)
  async members(@Call() call: CommandCall, @Res() reply: FastifyReply) {
    const r = validateBody(changeMembersRequest, call.body);
    await this.change(call, reply, r, r.effectiveOn, 200, (m) => new ChangeGroupMembers({ ...r, id: call.params.id }, m));
  }

  @Post('groups/:id/end')
  @HttpCode(200)
  @Allow(directivesPolicy.changeRegistry)
  async endGroup(@Call() call: CommandCall, @Res() reply: FastifyReply) {
    const r = validateBody(endGroupRequest, call.body);
    await this.change(call, reply, r, r.validTo, 200, (m) => new EndGroup({ ...r, id: call.params.id }, m));
  }

  /** An edition (JSON; the CLI turns CSV into it): each difference becomes a change event, all or none. */
  @Post('import')
  @HttpCode(200)
  @Allow(directivesPolicy.changeRegistry)
  async import(@Call() call: CommandCall, @Res() reply: FastifyReply) {
    validateBody(z.object({}).passthrough(), call.body);
    const edition = parseEdition(call.body);
    await this.change(call, reply, edition, edition.effectiveOn, 200, (m) => new ImportEdition(edition, m));
  }

  /** The registry's changes in order, after a revision; with `id`, those that name that agency or group (as itself, a member or a successor). */
  @Get('timeline')
  @Allow(directivesPolicy.readRegistry)
  async timeline(@Query() query: Record<string, unknown>) {
    const { after = -1, limit = 200, id } = validateQuery(timelineQuery, query);
    const names = id ? (data: unknown) => JSON.stringify(data).includes(`"${id}"`) : () => true;
    const entries = [];
    let scanned = after;
    for await (const e of this.store.readStream<RegistryEvent>(REGISTRY_STREAM, { fromRevision: after + 1 })) {
      scanned = e.streamRevision;
      const { reason, authorizingDocument, ...what } = e.data as RegistryEvent['data'] & { reason: string; authorizingDocument: string };
      if (!names(what)) continue;
      entries.push({
        revision: e.streamRevision,
        eventId: e.eventId,
        type: e.type,
        occurredAt: e.occurredAt,
        recordedAt: e.recordedAt,
        actor: e.actor,
        reason,
        authorizingDocument,
        data: what,
      });
      if (entries.length === limit) break;
    }
    return { entries, next: entries.length === limit ? scanned : null };
  }

  /** Sends a registry command; answers the events it wrote (none when the registry already said so). */
  private async change(
    call: CommandCall,
    reply: FastifyReply,
    body: unknown,
    businessDate: string,
    status: number,
    command: (metadata: CommandMetadata) => object,
  ) {
    const outcome: Outcome = await this.commands.execute(command(commandMetadata(call, body, 'admin', businessDate)));
    const events = outcome.events.map((e) => ({ eventId: e.eventId, revision: e.streamRevision, type: e.type, data: e.data }));
    if (!events.length) {
      reply.status(200).send({ changed: false, events });
      return;
    }
    await answerWrite(reply, this.consistency, this.store.name, outcome, status, { changed: true, events });
  }
}
