import { Controller, Get, Inject, Param, Post, Put, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import {
  compareKeys,
  complianceQuery,
  hasRole,
  pageOf,
  pageOfParts,
  scheduleQuery,
  submissionsQuery,
  periodicReportRequest,
  regimeRequest,
  type Principal,
  type RegimeDuty,
} from '@dm/contracts';
import { authorize, ForbiddenError, NotFoundError, ValidationError, type CommandOutcome } from '@dm/eventsourcing';
import { parsePeriod, today } from '@dm/periods';
import {
  Allow,
  answerWrite,
  Call,
  commandMetadata,
  CONSISTENCY,
  CurrentPrincipal,
  sendAttachment,
  validateBody,
  validateQuery,
  type CommandCall,
  type Consistency,
} from '@dm/platform';
import {
  dueDateOf,
  dutiesPolicy,
  periodsOfDuty,
  reportingPolicy,
  SetReportingRegime,
  SubmitPeriodicReport,
  submissionsDecider,
  type SubmitPeriodicReportData,
} from '@dm/reporting-domain';
import { RP_REPORTING, type ReportingContext } from './reporting-context';

/** The order of the compliance rows (complianceRows): by the agency's name in Vietnamese. */
const VIETNAMESE = new Intl.Collator('vi');

/**
 * Reporting regimes (who reports to whom, how often, by when) and the
 * periodic reports agencies submit under them (docs/reporting.md, "Periodic reports").
 */
@Controller('api/v1/reporting')
export class DutiesController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(RP_REPORTING) private readonly reporting: ReportingContext,
    @Inject(CONSISTENCY) private readonly consistency: Consistency,
  ) {}

  @Put('regimes/:directiveId')
  @Allow(dutiesPolicy.setRegime)
  async setRegime(@Call() call: CommandCall, @Res() reply: FastifyReply) {
    const directive = await this.directive(call.params.directiveId);
    authorize(dutiesPolicy.setRegime, call.principal, directive);
    const request = validateBody(regimeRequest, call.body);
    const registry = await this.reporting.registry.registry();
    const known = (id: string) => Boolean(registry.agency(id)) || registry.groups().some((g) => g.id === id);
    const named = request.duties.flatMap((d) => [...d.reporters, d.recipient]);
    const duties = request.duties.map((d) => ({ ...d, title: d.title ?? null }));
    const data = {
      directiveId: directive.directiveId,
      duties,
      reason: request.reason ?? null,
      issuedOn: directive.issuedOn,
      unknownAgencies: [...new Set(named.filter((id) => !known(id)))],
    };
    const actingAs = hasRole(call.principal, 'admin') ? 'admin' : 'monitoring_officer';
    const outcome = await this.commands.execute(new SetReportingRegime(data, commandMetadata(call, request, actingAs, today())));
    await this.answer(reply, outcome, 200);
  }

  @Get('regimes/:directiveId')
  @Allow(reportingPolicy.read)
  async regime(@CurrentPrincipal() reader: Principal, @Param('directiveId') directiveId: string, @Query() query: Record<string, unknown>) {
    const { until } = validateQuery(scheduleQuery, query);
    await this.directive(directiveId);
    if (!(await this.reporting.service.mayReadDirective(reader, directiveId)))
      throw new ForbiddenError(`${reader.agencyId ?? reader.sub} may not read directive ${directiveId}`);
    const ledger = await this.reporting.ledger.catchUp();
    const regime = ledger.regimes.get(directiveId);
    if (!regime) throw new NotFoundError(`directive ${directiveId} has no reporting regime`);
    const last = until ?? `${today().slice(0, 4)}-12-31`;
    return {
      ...regime,
      schedule: regime.duties.map((duty) => ({
        dutyId: duty.id,
        periods: periodsOfDuty(duty, last).map((p) => ({
          period: p.period,
          from: p.from,
          cutOff: p.to,
          dueOn: dueDateOf(duty, p.to, ledger.calendar),
        })),
      })),
    };
  }

  @Post('regimes/:directiveId/submissions')
  @Allow(dutiesPolicy.submit)
  async submit(@Call() call: CommandCall, @Res() reply: FastifyReply) {
    const directive = await this.directive(call.params.directiveId);
    const request = validateBody(periodicReportRequest, call.body);
    const agencyId = request.agencyId ?? call.principal.agencyId;
    if (!agencyId) throw new ValidationError('name the agency whose report this is', 'agencyId');
    authorize(dutiesPolicy.submit, call.principal, agencyId);
    const onBehalf = agencyId !== call.principal.agencyId;
    if (onBehalf) authorize(dutiesPolicy.recordPaperReport, call.principal, directive);
    if (onBehalf && !request.incomingDocument)
      throw new ValidationError(
        `the office records ${agencyId}'s paper report: give its number and date`,
        'incomingDocument',
        'is required',
      );
    if (!onBehalf && request.incomingDocument)
      throw new ValidationError('an agency submits its own report; only the office records a paper report', 'incomingDocument');
    const ledger = await this.reporting.ledger.catchUp();
    const actingAs = onBehalf ? 'monitoring_officer' : 'agency_officer';
    const submittedOn = request.incomingDocument?.date ?? today();
    const metadata = commandMetadata(call, request, actingAs, submittedOn);
    const file = this.reporting.attachments.describe(request.attachment);
    const taken = ledger.submissionsOf({ directiveId: directive.directiveId, agencyId }).some((s) => s.eventId === metadata.commandId);
    if (taken) {
      // A retry of a submission taken answers it (its stream finds the command), whatever the regime says now.
      const retry = { directiveId: directive.directiveId, agencyId } as SubmitPeriodicReportData;
      return this.answer(reply, await this.commands.execute(new SubmitPeriodicReport(retry, metadata)), 201);
    }
    const duty = ledger.regimes.get(directive.directiveId)?.duties.find((d) => d.id === request.dutyId);
    if (!duty) throw new ValidationError(`directive ${directive.number} has no reporting duty ${request.dutyId}`, 'dutyId');
    const window = parsePeriod(request.period, duty.calendar);
    const reporters = this.reporting.service.reportersOn(duty.reporters, window.to, await this.reporting.registry.registry());
    const data: SubmitPeriodicReportData = {
      directiveId: directive.directiveId,
      dutyId: duty.id,
      agencyId,
      period: window.period,
      submittedOn,
      attachment: file.meta,
      note: request.note ?? null,
      incomingDocument: request.incomingDocument ?? null,
      duty: duty as RegimeDuty,
      reporters,
      today: today(),
    };
    const command = new SubmitPeriodicReport(data, metadata);
    // The decider's checks first, so a refused report keeps no file; then the file, then the event that names it.
    submissionsDecider.decide(command, submissionsDecider.initialState());
    await this.reporting.attachments.put(file);
    const outcome = await this.commands.execute(command);
    await this.answer(reply, outcome, 201);
  }

  @Get('submissions')
  @Allow(reportingPolicy.read)
  async submissions(@CurrentPrincipal() reader: Principal, @Query() query: Record<string, unknown>) {
    const { limit, after, ...filter } = validateQuery(submissionsQuery, query);
    const agencyId = this.ownAgency(reader, filter.agencyId);
    const ledger = await this.reporting.ledger.catchUp();
    const submissions = ledger.submissionsOf({ ...filter, agencyId });
    const readable = new Map<string, boolean>();
    for (const id of new Set(submissions.map((s) => s.directiveId)))
      readable.set(id, await this.reporting.service.mayReadDirective(reader, id));
    // The ledger is in memory: the readable submissions in the order recorded (then by event id), sliced.
    const { items, next } = pageOf(
      submissions.filter((s) => readable.get(s.directiveId)),
      { keyOf: (s) => [s.recordedAt, s.eventId] as const },
      { limit, after },
    );
    return { submissions: items, next };
  }

  @Get('compliance')
  @Allow(reportingPolicy.read)
  async compliance(@CurrentPrincipal() reader: Principal, @Query() query: Record<string, unknown>) {
    const q = validateQuery(complianceQuery, query);
    const asOf = q.asOf ?? today();
    const from = q.from ?? `${asOf.slice(0, 4)}-01-01`;
    const to = q.to ?? asOf;
    if (from > to) throw new ValidationError(`from ${from} is after to ${to}`, 'from');
    const { instances, agencies, ...answer } = await this.reporting.service.compliance(reader, {
      directiveId: q.directiveId,
      agencyId: q.agencyId,
      from,
      to,
      asOf,
    });
    // Computed in memory from the ledger: a page of the instances (by directive, duty, period, agency, recipient), then of the agencies' rows (in their order, by name).
    const page = pageOfParts(
      {
        instances: { keyOf: (i) => [i.directiveId, i.dutyId, i.period, i.agencyId, i.recipient] },
        agencies: {
          keyOf: (r) => [r.agencyName, r.agencyId],
          compare: (a, b) => VIETNAMESE.compare(String(a[0]), String(b[0])) || compareKeys(a, b),
        },
      },
      { instances, agencies },
      { limit: q.limit, after: q.after },
    );
    return { ...answer, ...page };
  }

  @Get('attachments/:hash')
  @Allow(reportingPolicy.read)
  async attachment(@CurrentPrincipal() reader: Principal, @Param('hash') sha256: string, @Res() reply: FastifyReply) {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new ValidationError('must be a SHA-256 in lower-case hex', 'hash');
    const ledger = await this.reporting.ledger.catchUp();
    const submitted = ledger.submissionsOf({}).filter((s) => s.attachment.sha256 === sha256);
    if (!submitted.length) throw new NotFoundError(`No attachment ${sha256}`);
    if (!(await this.mayReadSubmission(reader, submitted)))
      throw new ForbiddenError(`${reader.agencyId ?? reader.sub} may not read the reports that carry this file`);
    const file = await this.reporting.attachments.get(sha256);
    if (!file) throw new NotFoundError(`No attachment ${sha256}`);
    sendAttachment(reply, file);
  }

  /** An agency officer its own agency's reports; anyone else those of a directive they may read. */
  private async mayReadSubmission(reader: Principal, submitted: Array<{ agencyId: string; directiveId: string }>): Promise<boolean> {
    const own = this.ownAgency(reader, undefined);
    if (own) return submitted.some((s) => s.agencyId === own);
    for (const s of submitted) if (await this.reporting.service.mayReadDirective(reader, s.directiveId)) return true;
    return false;
  }

  /** An agency officer reads its own agency's only. */
  private ownAgency(reader: Principal, asked: string | undefined): string | undefined {
    if (hasRole(reader, 'agency_officer') && reader.roles.length === 1) {
      if (asked && asked !== reader.agencyId) authorize(reportingPolicy.readAgency, reader, asked);
      return reader.agencyId ?? undefined;
    }
    return asked;
  }

  private async directive(id: string) {
    const doc = await this.reporting.service.directive(id);
    if (!doc) throw new NotFoundError(`No directive ${id}`);
    return doc;
  }

  private answer(reply: FastifyReply, outcome: CommandOutcome<unknown>, status: number) {
    const event = outcome.events[0];
    return answerWrite(reply, this.consistency, this.reporting.store.name, outcome, status, {
      eventId: event.eventId,
      type: event.type,
      streamId: event.streamId,
      revision: event.streamRevision,
      recordedAt: event.recordedAt,
      data: event.data,
    });
  }
}
