import { Controller, Get, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  compareKeys,
  diffQuery,
  exportQuery,
  hasRole,
  issuedReportsQuery,
  issueReportRequest,
  pageOf,
  type Principal,
  type ReportIssued,
} from '@dm/contracts';
import type { CommandOutcome } from '@dm/eventsourcing';
import { today } from '@dm/periods';
import {
  Allow,
  answerWrite,
  Call,
  CHECKPOINTS,
  commandMetadata,
  CONSISTENCY,
  CurrentPrincipal,
  validateBody,
  validateQuery,
  type CheckpointDirectory,
  type CommandCall,
  type Consistency,
} from '@dm/platform';
import { dutiesPolicy, IssueReport, issuedReportDecider, reportingPolicy, type IssueReportData } from '@dm/reporting-domain';
import { sendReportFile } from './report-files';
import { IssuedReports } from './issued-reports';
import { RP_REPORTING, type ReportingContext } from './reporting-context';

const revisionParam = z.coerce.number().int().min(1);

/** Issuing a period's report, its revisions, their differences and their files (docs/reporting.md, "Issued reports"). */
@Controller('api/v1/reports/issued')
export class IssuedReportsController {
  private readonly reports: IssuedReports;

  constructor(
    private readonly commands: CommandBus,
    @Inject(RP_REPORTING) private readonly reporting: ReportingContext,
    @Inject(CONSISTENCY) private readonly consistency: Consistency,
    @Inject(CHECKPOINTS) checkpoints: CheckpointDirectory,
  ) {
    this.reports = new IssuedReports(reporting, checkpoints);
  }

  @Post()
  @Allow(dutiesPolicy.issueReport)
  async issue(@Call() call: CommandCall, @Res() reply: FastifyReply) {
    const request = validateBody(issueReportRequest, call.body);
    const target = await this.reports.identify(call.principal, request);
    const actingAs = hasRole(call.principal, 'admin') ? 'admin' : 'monitoring_officer';
    const metadata = commandMetadata(call, request, actingAs, request.date ?? today());
    const issuedBefore = (await this.reporting.ledger.catchUp()).issued.get(target.reportId);
    const retried = issuedBefore?.revisions.some((r) => r.eventId === metadata.commandId) ?? false;
    // The decider's rules on what is issued so far, before a checkpoint is signed for it.
    if (!retried)
      issuedReportDecider.decide(
        new IssueReport({ reportId: target.reportId, reason: request.reason ?? null } as IssueReportData, metadata),
        {
          revisions: issuedBefore?.revisions.length ?? 0,
        },
      );
    // A retry answers the revision its first request issued (its stream finds the command): nothing is computed or signed again.
    const data = retried ? ({ reportId: target.reportId } as IssueReportData) : await this.reports.prepare(call.principal, request, target);
    const outcome: CommandOutcome<unknown> = await this.commands.execute(new IssueReport(data, metadata));
    await this.reporting.ledger.catchUp();
    const event = outcome.events[0];
    const issued = event.data as ReportIssued;
    await answerWrite(
      reply,
      this.consistency,
      this.reporting.store.name,
      outcome,
      201,
      {
        reportId: issued.reportId,
        revision: issued.revision,
        reason: issued.reason,
        contentSha256: issued.contentSha256,
        eventId: event.eventId,
        recordedAt: event.recordedAt,
        knownAt: issued.content.knownAt,
        checkpoints: issued.content.checkpoints,
      },
      `/api/v1/reports/issued/${encodeURIComponent(issued.reportId)}/revisions/${issued.revision}`,
    );
  }

  @Get()
  @Allow(reportingPolicy.read)
  async list(@CurrentPrincipal() reader: Principal, @Query() query: Record<string, unknown>) {
    const { limit, after, ...filter } = validateQuery(issuedReportsQuery, query);
    // The issued reports are the ledger's, in memory: sorted newest first (then by id), sliced.
    const { items, next } = pageOf(
      await this.reports.list(reader, filter),
      { keyOf: (r) => [r.latest.recordedAt, r.reportId] as const, compare: (a, b) => compareKeys(a, b, ['desc', 'asc']) },
      { limit, after },
    );
    return { reports: items, next };
  }

  @Get(':reportId')
  @Allow(reportingPolicy.read)
  latest(@CurrentPrincipal() reader: Principal, @Param('reportId') reportId: string) {
    return this.reports.revision(reader, reportId);
  }

  @Get(':reportId/revisions/:revision')
  @Allow(reportingPolicy.read)
  revision(@CurrentPrincipal() reader: Principal, @Param('reportId') reportId: string, @Param('revision') revision: string) {
    return this.reports.revision(reader, reportId, validateQuery(z.object({ revision: revisionParam }), { revision }).revision);
  }

  @Get(':reportId/diff')
  @Allow(reportingPolicy.read)
  diff(@CurrentPrincipal() reader: Principal, @Param('reportId') reportId: string, @Query() query: Record<string, unknown>) {
    const { from, to } = validateQuery(diffQuery, query);
    return this.reports.diff(reader, reportId, from, to);
  }

  @Get(':reportId/export')
  @Allow(reportingPolicy.read)
  async exportLatest(
    @CurrentPrincipal() reader: Principal,
    @Param('reportId') reportId: string,
    @Query() query: Record<string, unknown>,
    @Res() reply: FastifyReply,
  ) {
    const { format, view } = validateQuery(exportQuery, query);
    const issued = await this.reports.revision(reader, reportId);
    await sendReportFile(reply, issued.content, format, view, `${reportId}-r${issued.revision}`);
  }

  @Get(':reportId/revisions/:revision/export')
  @Allow(reportingPolicy.read)
  async exportRevision(
    @CurrentPrincipal() reader: Principal,
    @Param('reportId') reportId: string,
    @Param('revision') revision: string,
    @Query() query: Record<string, unknown>,
    @Res() reply: FastifyReply,
  ) {
    const { format, view } = validateQuery(exportQuery, query);
    const n = validateQuery(z.object({ revision: revisionParam }), { revision }).revision;
    const issued = await this.reports.revision(reader, reportId, n);
    await sendReportFile(reply, issued.content, format, view, `${reportId}-r${n}`);
  }
}
