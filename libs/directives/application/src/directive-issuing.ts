import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { v5 as uuidv5 } from 'uuid';
import { directiveImportStreamId, issueDirectiveRequest, type DirectiveEvent, type DirectiveImportEvent } from '@dm/contracts';
import {
  directiveIdFor,
  directivesPolicy,
  importDraftDecider,
  IssueDirective,
  IssueDirectiveImport,
  type DirectiveState,
  type ImportDraftOf,
  type ImportDraftState,
  type LinkedDirective,
} from '@dm/directives-domain';
import {
  authorize,
  foldEvents,
  IllegalStateError,
  RuleViolationError,
  StreamQueue,
  type CommandMetadata,
  type CommandOutcome,
  type EventStore,
} from '@dm/eventsourcing';
import { isIsoDate, today } from '@dm/periods';
import { bodyHash, commandMetadata, validateBody, type CommandCall } from '@dm/platform';
import { directiveStateOf } from './directive-state';
import { RegistryProjection } from './registry-projection';
import { TA_EVENT_STORE, TA_REGISTRY } from './tokens';

type Outcome = CommandOutcome<DirectiveState, DirectiveEvent>;

/** UUIDv5 namespace of the command ids an issue derives for the draft it was issued from (fixed forever). */
const IMPORT_ISSUE_NAMESPACE = '8d1f6f55-3c1e-4b7a-9a57-64b6a2f3e0c1';

/** An import draft as its stream tells it now. */
export async function importDraftStateOf(store: EventStore, draftId: string): Promise<ImportDraftState> {
  const events: DirectiveImportEvent[] = [];
  for await (const event of store.readStream<DirectiveImportEvent>(directiveImportStreamId(draftId))) events.push(event);
  return foldEvents(importDraftDecider, importDraftDecider.initialState(), events);
}

/**
 * Issuing a directive (POST /api/v1/directives), typed in or from an import
 * draft (`importDraftId`; docs/import.md): the same policy, validation and
 * decider either way. From a draft, the draft's stream then records the
 * issue. The two appends are to two streams: if the second is cut off, the
 * request sent again with its Idempotency-Key answers the directive as
 * issued and writes the second (its command id derives from the directive's
 * event, and the decider writes it once).
 */
@Injectable()
export class DirectiveIssuing {
  constructor(
    private readonly commands: CommandBus,
    @Inject(TA_EVENT_STORE) private readonly store: EventStore,
    @Inject(TA_REGISTRY) private readonly registries: RegistryProjection,
  ) {}

  private readonly issuingDrafts = new StreamQueue();

  /** `identity`, when given, replaces the command's id (an issue the server names, not the client's key). */
  async issue(call: CommandCall, body: unknown, identity?: Pick<CommandMetadata, 'commandId' | 'keyed'>) {
    const sent = body as { issuer?: unknown; issuedOn?: unknown } | null;
    const issuer = typeof sent?.issuer === 'string' && sent.issuer ? sent.issuer : null;
    const registry = await this.registries.registry();
    // The issuer's office as of the issue date named (today while the body is yet unchecked).
    const on = typeof sent?.issuedOn === 'string' && isIsoDate(sent.issuedOn) ? sent.issuedOn : today();
    authorize(directivesPolicy.issue, call.principal, { issuer, issuerOffice: issuer ? registry.officeOf(issuer, on) : null });
    const request = validateBody(issueDirectiveRequest, body);
    const linked = await this.linkedDirectives([...request.legalBasis, ...(request.basedOn ?? []).map((id) => ({ directiveId: id }))]);
    const data = { ...request, registry: registry.snapshot(request.issuedOn), today: today(), linked };
    const metadata = { ...commandMetadata(call, request, 'monitoring_officer', request.issuedOn), ...identity };
    const execute = async () => {
      const outcome: Outcome = await this.commands.execute(new IssueDirective(data, metadata));
      const [issued] = outcome.events;
      if (issued.type !== 'directive.issued') throw new Error(`directive.issued expected, got ${issued.type}`);
      return { outcome, issued };
    };
    const draftId = request.importDraftId;
    // One issue of a draft at a time in this process: a second, sent alongside as another directive, finds it issued (409).
    const { outcome, issued } = draftId
      ? await this.issuingDrafts.run(draftId, async () => {
          await this.draftToIssue(call, draftId, directiveIdFor(request.issuer, request.issuedOn, request.number));
          const done = await execute();
          await this.recordOnDraft(draftId, request, done.issued, metadata);
          return done;
        })
      : await execute();
    const { directiveId: id, number, type, issuedOn, subject, monitoringAgency, registryVersion, tasks, assignments } = issued.data;
    const answer = {
      id,
      number,
      type,
      issuer: request.issuer,
      issuedOn,
      subject,
      monitoringAgency,
      registryVersion,
      tasks,
      assignments,
      ...(request.importDraftId ? { importDraftId: request.importDraftId } : {}),
    };
    return { outcome, answer, location: `/api/v1/directives/${id}` };
  }

  /** The draft named, the caller allowed to review it, and open (or issued as this very directive: a retry). */
  private async draftToIssue(call: CommandCall, draftId: string, directiveId: string): Promise<ImportDraftOf> {
    const draft = await importDraftStateOf(this.store, draftId);
    if (!draft.exists) throw new RuleViolationError(`No import draft ${draftId}`, 'importDraftId', 'is not an import draft');
    authorize(directivesPolicy.reviewImport, call.principal, draft);
    if (draft.status === 'discarded')
      throw new IllegalStateError(`import draft ${draftId} was discarded`, 'importDraftId', 'was discarded');
    if (draft.status === 'issued' && draft.directiveId !== directiveId)
      throw new IllegalStateError(
        `import draft ${draftId} was issued already, as directive ${draft.directiveId}`,
        'importDraftId',
        `was issued already, as directive ${draft.directiveId}`,
      );
    return draft;
  }

  private async recordOnDraft(
    draftId: string,
    request: unknown,
    issued: { eventId: string; data: { directiveId: string; number: string } },
    directive: CommandMetadata,
  ) {
    const data = {
      draftId,
      directiveId: issued.data.directiveId,
      directiveNumber: issued.data.number,
      directiveEventId: issued.eventId,
      request,
    };
    const metadata: CommandMetadata = {
      ...directive,
      commandId: uuidv5(`directive-import.issued\n${issued.eventId}`, IMPORT_ISSUE_NAMESPACE),
      bodyHash: bodyHash({ draftId, directiveEventId: issued.eventId }),
      keyed: false,
    };
    await this.commands.execute(new IssueDirectiveImport(data, metadata));
  }

  /** The recorded directives a legal basis links to, by id (null where none is issued). */
  private async linkedDirectives(bases: Array<string | { directiveId: string }>): Promise<Record<string, LinkedDirective | null>> {
    const linked: Record<string, LinkedDirective | null> = {};
    for (const basis of bases) {
      if (typeof basis === 'string' || Object.hasOwn(linked, basis.directiveId)) continue;
      const found = await directiveStateOf(this.store, basis.directiveId);
      linked[basis.directiveId] = found.exists
        ? { directiveId: found.directiveId, number: found.number, issuer: found.issuer, issuedOn: found.issuedOn }
        : null;
    }
    return linked;
  }
}
