import { createHash } from 'node:crypto';
import { Controller, Get, HttpCode, Inject, Post, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { v7 as uuidv7, v5 as uuidv5 } from 'uuid';
import { z } from 'zod';
import * as reader from '@dm/directive-import';
import {
  correctDraftRequest,
  directiveImportStreamId,
  discardDraftRequest,
  importDirectiveRequest,
  issueDirectiveRequest,
  type CorrectDraftRequest,
  type DirectiveDraft,
  type DirectiveImportEvent,
  type DraftAgency,
  type RecordedEvent,
} from '@dm/contracts';
import {
  CorrectDirectiveImport,
  directivesPolicy,
  DiscardDirectiveImport,
  DraftDirectiveImport,
  importDraftDecider,
  issueRequestOf,
  type ImportDraftOf,
  type ImportDraftState,
} from '@dm/directives-domain';
import { authorize, foldEvents, type CommandOutcome, type EventStore } from '@dm/eventsourcing';
import { isIsoDate, today } from '@dm/periods';
import type { AgencyRegistry } from '@dm/registry';
import {
  Allow,
  answerWrite,
  Call,
  commandMetadata,
  CONSISTENCY,
  problems,
  textOrJsonBody,
  validateBody,
  type CommandCall,
  type Consistency,
  type FieldError,
} from '@dm/platform';
import { DirectiveIssuing } from './directive-issuing';
import { RegistryProjection } from './registry-projection';
import { TA_EVENT_STORE, TA_REGISTRY } from './tokens';

type Outcome = CommandOutcome<ImportDraftState, DirectiveImportEvent>;

/** The reader's version, recorded on each draft: the library's own when it names one. */
export const PARSER_VERSION: string = (reader as { PARSER_VERSION?: string }).PARSER_VERSION ?? '@dm/directive-import 1';

/** UUIDv5 namespace of the issue an /issue request names when it sends no Idempotency-Key (fixed forever). */
const DRAFT_ISSUE_NAMESPACE = 'f4b5c0a2-61d7-4f0e-8f3c-2a9d7c61b0e4';

const draftIdParam = z.string().uuid('must be the id of an import draft (a UUID)');

/**
 * A directive's text imported into a draft, reviewed, corrected, then issued
 * through the directive command or discarded (docs/import.md). Each route
 * asks the policy before it reads the body, like every command.
 */
@Controller('api/v1/directives')
export class DirectiveImportsController {
  /** The registry as the reader takes it, by registry version and date (a few dates at a time are read). */
  private readonly readable = new Map<string, reader.ImportRegistry>();

  constructor(
    private readonly commands: CommandBus,
    @Inject(TA_EVENT_STORE) private readonly store: EventStore,
    @Inject(CONSISTENCY) private readonly consistency: Consistency,
    @Inject(TA_REGISTRY) private readonly registries: RegistryProjection,
    private readonly issuing: DirectiveIssuing,
  ) {}

  @Post('import')
  @Allow(directivesPolicy.importDirective)
  async import(@Call() call: CommandCall, @Res() reply: FastifyReply) {
    const text = textOrJsonBody(importDirectiveRequest, call.body);
    const registry = await this.registries.registry();
    const { draft, on } = this.read(text, registry);
    const metadata = commandMetadata(call, { text }, 'monitoring_officer', today());
    // Sent again with its Idempotency-Key, an import finds its own draft (its id is the command's).
    const draftId = metadata.keyed ? metadata.commandId : uuidv7();
    const sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
    const data = { draftId, text, sha256, parserVersion: PARSER_VERSION, registryOn: on, registryVersion: registry.version, draft };
    const outcome: Outcome = await this.commands.execute(new DraftDirectiveImport(data, metadata));
    const [drafted] = outcome.events;
    if (drafted.type !== 'directive-import.drafted') throw new Error(`directive-import.drafted expected, got ${drafted.type}`);
    const answer = { ...drafted.data.draft, draftId: drafted.data.draftId, status: 'draft', revision: drafted.streamRevision };
    await answerWrite(reply, this.consistency, this.store.name, outcome, 201, answer, `/api/v1/directives/imports/${drafted.data.draftId}`);
  }

  @Get('imports/:draftId')
  @Allow(directivesPolicy.reviewImport)
  async draft(@Call() call: CommandCall, @Res() reply: FastifyReply) {
    const { events, state } = await this.allowedDraft(call);
    reply.header('etag', `"${state.revision}"`).status(200).send(draftView(events));
  }

  @Put('imports/:draftId')
  @HttpCode(200)
  @Allow(directivesPolicy.reviewImport)
  async correct(@Call() call: CommandCall, @Res() reply: FastifyReply) {
    const { state } = await this.allowedDraft(call);
    const request = validateBody(correctDraftRequest, call.body);
    const expectedRevision = ifMatchOf(call) ?? request.revision;
    const draft = correctedDraft(state.draft, request);
    const metadata = commandMetadata(call, request, 'monitoring_officer', today());
    const outcome: Outcome = await this.commands.execute(
      new CorrectDirectiveImport({ draftId: state.draftId, draft, expectedRevision }, metadata),
    );
    await this.answerDraft(reply, outcome, state.draftId);
  }

  @Post('imports/:draftId/discard')
  @HttpCode(200)
  @Allow(directivesPolicy.reviewImport)
  async discard(@Call() call: CommandCall, @Res() reply: FastifyReply) {
    const { state } = await this.allowedDraft(call);
    const request = call.body === undefined ? { reason: null } : validateBody(discardDraftRequest, call.body);
    const metadata = commandMetadata(call, request, 'monitoring_officer', today());
    const outcome: Outcome = await this.commands.execute(
      new DiscardDirectiveImport({ draftId: state.draftId, reason: request.reason ?? null }, metadata),
    );
    await this.answerDraft(reply, outcome, state.draftId);
  }

  /**
   * The current draft issued as it stands: put as the issue request (agency
   * ids, recurrence), every field it lacks a 422 naming it as a path of the
   * draft, then issued as POST /api/v1/directives with importDraftId would.
   * Without an Idempotency-Key the issue of one revision of a draft is one
   * command, so a retry after a failure answers it again.
   */
  @Post('imports/:draftId/issue')
  @Allow(directivesPolicy.reviewImport)
  async issue(@Call() call: CommandCall, @Res() reply: FastifyReply) {
    const { state } = await this.allowedDraft(call);
    if (state.status !== 'draft')
      throw problems.conflict(
        state.status === 'issued'
          ? `Import draft ${state.draftId} was issued already, as directive ${state.directiveId}`
          : `Import draft ${state.draftId} was discarded`,
      );
    const { request, missing } = issueRequestOf(state.draft);
    const body = { ...request, importDraftId: state.draftId };
    const faults = [...missing, ...requestFaults(body).filter((f) => !missing.some((m) => m.field === f.field))];
    if (faults.length) throw problems.unprocessable(`Import draft ${state.draftId} lacks what a directive needs`, faults.slice(0, 100));
    const identity = call.request.headers['idempotency-key']
      ? undefined
      : { commandId: uuidv5(`${state.draftId}\n${state.revision}`, DRAFT_ISSUE_NAMESPACE), keyed: true };
    const { outcome, answer, location } = await this.issuing.issue(call, body, identity);
    await answerWrite(reply, this.consistency, this.store.name, outcome, 201, answer, location);
  }

  /**
   * The text read with the registry as it stood on the directive's date (the
   * date read from the text; today when it has none, or one in the future):
   * read once with today's registry to find the date, again when it differs.
   */
  private read(text: string, registry: AgencyRegistry): { draft: DirectiveDraft; on: string } {
    const now = today();
    const first = reader.importDirective(text, this.readableOn(registry, now), { today: now });
    const on = first.issuedOn && isIsoDate(first.issuedOn) && first.issuedOn <= now ? first.issuedOn : now;
    if (on === now) return { draft: first, on };
    return { draft: reader.importDirective(text, this.readableOn(registry, on), { today: now }), on };
  }

  private readableOn(registry: AgencyRegistry, date: string): reader.ImportRegistry {
    const key = `${registry.version}|${date}`;
    let found = this.readable.get(key);
    if (!found) {
      if (this.readable.size >= 16) this.readable.delete(this.readable.keys().next().value as string);
      this.readable.set(key, (found = reader.importRegistryOf(registry.state, date)));
    }
    return found;
  }

  /** The draft the path names (400 naming draftId when it is no id, 404 when unknown), the caller allowed to review it. */
  private async allowedDraft(call: CommandCall): Promise<{ events: RecordedEvent<DirectiveImportEvent>[]; state: ImportDraftOf }> {
    const parsed = draftIdParam.safeParse(call.params.draftId);
    if (!parsed.success) throw problems.invalid([{ field: 'draftId', message: parsed.error.issues[0].message }]);
    const draftId = parsed.data.toLowerCase();
    const events: RecordedEvent<DirectiveImportEvent>[] = [];
    for await (const event of this.store.readStream<DirectiveImportEvent>(directiveImportStreamId(draftId))) events.push(event);
    const state = foldEvents(importDraftDecider, importDraftDecider.initialState(), events);
    if (!state.exists) throw problems.notFound(`No import draft ${draftId}`);
    authorize(directivesPolicy.reviewImport, call.principal, state);
    return { events, state };
  }

  /** The draft after a write (200, with its consistency token), or as it was when the command changed nothing. */
  private async answerDraft(reply: FastifyReply, outcome: Outcome, draftId: string) {
    const events: RecordedEvent<DirectiveImportEvent>[] = [];
    for await (const event of this.store.readStream<DirectiveImportEvent>(directiveImportStreamId(draftId))) events.push(event);
    const view = draftView(events);
    reply.header('etag', `"${view.revision}"`);
    if (!outcome.events.length) return void reply.status(200).send(view);
    await answerWrite(reply, this.consistency, this.store.name, outcome, 200, view);
  }
}

/** `If-Match: "3"` (or `3`, `W/"3"`): the revision a correction was made on; 400 naming If-Match when it is none. */
function ifMatchOf(call: CommandCall): number | undefined {
  const header = call.request.headers['if-match'];
  if (header === undefined) return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(String(header));
  if (!match) throw problems.invalid([{ field: 'If-Match', message: 'must be the revision the draft was read at, as its ETag ("3")' }]);
  return Number(match[1]);
}

/** The reviewer's draft: the fields as sent, what was left out (names, place, recipients, signature) and the reader's annotations as they were. */
function correctedDraft(current: DirectiveDraft, request: CorrectDraftRequest): DirectiveDraft {
  const { revision, confidence, warnings, names, place, recipients, signature, tasks, ...header } = request;
  void [revision, confidence, warnings];
  const named = (a: { text: string; agencyId: string | null } | null, was: DraftAgency | null | undefined) =>
    a && { text: a.text, agencyId: a.agencyId, confidence: was?.confidence ?? 1 };
  return {
    ...current,
    ...header,
    names: names
      ? {
          issuer: named(names.issuer, current.names.issuer),
          addressees: names.addressees.map((a, i) => named(a, current.names.addressees[i]) as DraftAgency),
          monitoringAgency: named(names.monitoringAgency, current.names.monitoringAgency),
        }
      : current.names,
    place: place === undefined ? current.place : place,
    recipients: recipients ?? current.recipients,
    signature: signature === undefined ? current.signature : signature,
    tasks: tasks.map((t, i) => {
      const { confidence: rated, source, lead, coordinating, ...rest } = t;
      void [rated, source];
      const before = current.tasks[i];
      const agencies = (list: typeof lead, was: DirectiveDraft['tasks'][number]['lead'] | undefined) =>
        list.map((a, j) => ({ text: a.text, agencyId: a.agencyId, confidence: was?.[j]?.confidence ?? 1 }));
      return {
        ...rest,
        lead: agencies(lead, before?.lead),
        coordinating: agencies(coordinating, before?.coordinating),
        confidence: before?.confidence ?? { number: 1, text: 1, mode: 1, lead: 1, coordinating: 1, deadline: 1 },
        source: before?.source ?? { from: 0, to: 0 },
      };
    }),
  };
}

/** The issue request's own refusals of a draft put as a request, named as paths of the draft. */
function requestFaults(body: unknown): FieldError[] {
  const result = issueDirectiveRequest.safeParse(body);
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const path = issue.path.map((p) => (p === 'recurrence' ? 'recurring' : p));
    const [head, , role] = path;
    const agency = head === 'tasks' && (role === 'lead' || role === 'coordinating') && typeof path[3] === 'number' && path.length === 4;
    const field = path.reduce<string>((out, p) => (typeof p === 'number' ? `${out}[${p}]` : out ? `${out}.${p}` : p), '');
    return { field: agency ? `${field}.agencyId` : field || '(draft)', message: issue.message };
  });
}

/** What GET answers: the draft now, its status and revision, the directive it became, the source text and each event. */
export function draftView(events: RecordedEvent<DirectiveImportEvent>[]) {
  const state = foldEvents(importDraftDecider, importDraftDecider.initialState(), events) as ImportDraftOf;
  const drafted = events[0] as RecordedEvent<Extract<DirectiveImportEvent, { type: 'directive-import.drafted' }>>;
  return {
    ...state.draft,
    draftId: state.draftId,
    status: state.status,
    revision: state.revision,
    directiveId: state.directiveId,
    source: drafted.data.source.text,
    sourceSha256: drafted.data.source.sha256,
    parserVersion: drafted.data.parserVersion,
    history: events.map((e) => ({
      type: e.type,
      revision: e.streamRevision,
      at: e.recordedAt,
      by: e.actor,
      ...(e.type === 'directive-import.corrected' ? { changes: e.data.changes } : {}),
      ...(e.type === 'directive-import.issued' ? { changes: e.data.corrections, directiveId: e.data.directiveId } : {}),
      ...(e.type === 'directive-import.discarded' ? { reason: e.data.reason } : {}),
    })),
  };
}
