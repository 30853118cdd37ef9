import { createHash } from 'node:crypto';
import {
  canonicalJson,
  issuedReportStreamId,
  REPORTING_EVENT_TYPES,
  type IssueReportRequest,
  type Principal,
  type RecordedEvent,
  type ReportIssued,
} from '@dm/contracts';
import { authorize, ForbiddenError, NotFoundError, ValidationError } from '@dm/eventsourcing';
import { parsePeriod } from '@dm/periods';
import type { CheckpointDirectory } from '@dm/platform';
import { diffReports, dutiesPolicy, readScopeOf } from '@dm/reporting-domain';
import type { ReportingContext } from './reporting-context';
import { requireCalendarSpan } from './reporting-service';
import type { IssuedReportEntry, RevisionEntry } from './reporting-ledger';

/** What every answer lists of a revision. */
const revisionMeta = ({ revision, reason, recordedAt, actor, contentSha256, number, date }: RevisionEntry) => ({
  revision,
  reason,
  recordedAt,
  issuedBy: actor,
  contentSha256,
  number,
  date,
});

/** A report's id: who issued it, for which directive (or all it follows), which period and calendar. */
export function reportIdOf(issuer: string, directiveId: string | null, period: string, calendar: string): string {
  return `${issuer}~${directiveId ?? 'all'}~${period}~${calendar}`;
}

/**
 * Issued reports (docs/reporting.md, "Issued reports"): computed as known at
 * a checkpoint taken for them, frozen in the event that issues them; each
 * re-issue a new revision with its reason; every revision readable, any two compared.
 */
export class IssuedReports {
  constructor(
    private readonly reporting: ReportingContext,
    private readonly checkpoints: CheckpointDirectory,
  ) {}

  /** The data of the IssueReport command: the content computed now, at a checkpoint signed for it. */
  /** Which report a request issues (its id), once the issuer may issue it. */
  async identify(issuer: Principal, request: IssueReportRequest) {
    const window = parsePeriod(request.period, request.calendar);
    const directive = request.directiveId ? await this.reporting.service.directive(request.directiveId) : null;
    if (request.directiveId && !directive) throw new NotFoundError(`No directive ${request.directiveId}`, 'directiveId');
    authorize(dutiesPolicy.issueReport, issuer, directive);
    requireCalendarSpan(window);
    const reportId = reportIdOf(issuer.agencyId ?? 'admin', directive?.directiveId ?? null, window.period, window.calendar);
    return { reportId, window, directiveId: directive?.directiveId ?? null };
  }

  /**
   * The data of the IssueReport command: the content computed now, as known
   * at a checkpoint signed for it. Called once the command is known to be new
   * and allowed, so a refused or repeated request signs nothing.
   */
  async prepare(issuer: Principal, request: IssueReportRequest, target: Awaited<ReturnType<IssuedReports['identify']>>) {
    const { reportId, window, directiveId } = target;
    const checkpoints = await this.checkpoints.take(`report ${reportId}`);
    const knownAt =
      checkpoints
        .map((c) => c.time)
        .sort()
        .pop() ?? new Date().toISOString();
    const content = await this.reporting.service.issueContent(issuer, request, knownAt, checkpoints);
    return {
      reportId,
      reason: request.reason ?? null,
      directiveId,
      period: window.period,
      calendar: window.calendar,
      contentSha256: createHash('sha256').update(canonicalJson(content)).digest('hex'),
      content,
    };
  }

  /** The reports the reader may read, newest first, each with its revisions (without content). */
  async list(reader: Principal, filter: { directiveId?: string; period?: string }) {
    const ledger = await this.reporting.ledger.catchUp();
    const entries = [...ledger.issued.values()].filter(
      (e) => (!filter.directiveId || e.directiveId === filter.directiveId) && (!filter.period || e.period === filter.period),
    );
    const readable: IssuedReportEntry[] = [];
    for (const entry of entries) if (await this.mayRead(reader, entry)) readable.push(entry);
    return readable
      .map(({ reportId, directiveId, period, calendar, revisions }) => {
        const metas = revisions.map(revisionMeta);
        return { reportId, directiveId, period, calendar, revisions: metas, latest: metas[metas.length - 1] };
      })
      .sort((a, b) => b.latest.recordedAt.localeCompare(a.latest.recordedAt));
  }

  /** One revision as issued (the latest without one), with the report's revisions listed. */
  async revision(reader: Principal, reportId: string, revision?: number) {
    const entry = await this.entry(reader, reportId);
    const n = revision ?? entry.revisions.length;
    if (!Number.isInteger(n) || n < 1 || n > entry.revisions.length)
      throw new NotFoundError(`report ${reportId} has revisions 1 to ${entry.revisions.length}, not ${revision}`, 'revision');
    const event = await this.eventOf(reportId, n);
    const { content, ...meta } = event.data;
    return {
      ...meta,
      eventId: event.eventId,
      recordedAt: event.recordedAt,
      issuedBy: event.actor,
      revisions: entry.revisions.map(revisionMeta),
      content,
    };
  }

  /** What changed from one revision to another, figure by figure. */
  async diff(reader: Principal, reportId: string, from: number, to: number) {
    const [a, b] = [await this.revision(reader, reportId, from), await this.revision(reader, reportId, to)];
    return {
      reportId,
      from: { revision: from, recordedAt: a.recordedAt, reason: a.reason, contentSha256: a.contentSha256 },
      to: { revision: to, recordedAt: b.recordedAt, reason: b.reason, contentSha256: b.contentSha256 },
      changes: diffReports(a.content, b.content),
    };
  }

  private async entry(reader: Principal, reportId: string): Promise<IssuedReportEntry> {
    const ledger = await this.reporting.ledger.catchUp();
    const entry = ledger.issued.get(reportId);
    if (!entry) throw new NotFoundError(`No issued report ${reportId}`);
    if (!(await this.mayRead(reader, entry))) throw new ForbiddenError(`${reader.agencyId ?? reader.sub} may not read report ${reportId}`);
    return entry;
  }

  /** Inspectors and admins all; the issuing office its own; anyone else a directive's report they may read the directive of. */
  private async mayRead(reader: Principal, entry: IssuedReportEntry): Promise<boolean> {
    if (readScopeOf(reader).all) return true;
    if (reader.agencyId && entry.reportId.startsWith(`${reader.agencyId}~`)) return true;
    return entry.directiveId !== null && (await this.reporting.service.mayReadDirective(reader, entry.directiveId));
  }

  private async eventOf(reportId: string, revision: number): Promise<RecordedEvent<{ type: string; data: ReportIssued }>> {
    for await (const event of this.reporting.store.readStream<{ type: typeof REPORTING_EVENT_TYPES.reportIssued; data: ReportIssued }>(
      issuedReportStreamId(reportId),
      { fromRevision: revision - 1, maxCount: 1 },
    ))
      return event;
    throw new ValidationError(`report ${reportId} has no revision ${revision}`, 'revision');
  }
}
