import { CALENDAR_SPAN, type IssueReportRequest, type Principal, type ReportContent, type ReportHeading } from '@dm/contracts';
import { authorize, ForbiddenError, NotFoundError, ValidationError } from '@dm/eventsourcing';
import { formatVietnamese, parsePeriod, today, type Period, type PeriodCalendar } from '@dm/periods';
import type { CheckpointDirectory } from '@dm/platform';
import {
  agencyFilterOf,
  complianceRows,
  directiveView,
  documentTypeName,
  subjectAfterVe,
  dutyInstances,
  mayReadDirective,
  readScopeOf,
  reportContent,
  reportingPolicy,
  type AssignmentDoc,
  type DirectiveDoc,
  type DutyInstance,
  type StatusRules,
} from '@dm/reporting-domain';
import type { ReportQueries } from '../report-queries';
import type { RegistryReader } from './registry-reader';
import type { ReportingLedger } from './reporting-ledger';

export interface ComplianceFilter {
  directiveId?: string;
  agencyId?: string;
  from: string;
  to: string;
  asOf: string;
}

/**
 * The reporting context's computations over the read models and its own
 * ledger: periodic report compliance, roll-ups by agency, group and
 * province, and a period's report content (docs/reporting.md).
 */
export class ReportingService {
  constructor(
    private readonly queries: () => ReportQueries,
    private readonly ledger: ReportingLedger,
    private readonly registry: RegistryReader,
    private readonly checkpoints: CheckpointDirectory,
    private readonly rules?: StatusRules,
  ) {}

  /** The periodic reports due in [from, to] under the regimes the reader may see, judged as of asOf, with a row per agency. */
  async compliance(reader: Principal, filter: ComplianceFilter) {
    await this.ledger.catchUp();
    const agencyId = agencyFilterOf(reader, filter.agencyId);
    authorize(reportingPolicy.readAgency, reader, agencyId);
    const names = await this.registry.on(filter.to);
    const instances: DutyInstance[] = [];
    for (const regime of this.ledger.regimes.values()) {
      if (filter.directiveId && regime.directiveId !== filter.directiveId) continue;
      if (!(await this.mayReadDirective(reader, regime.directiveId))) continue;
      instances.push(
        ...dutyInstances({
          directiveId: regime.directiveId,
          duties: regime.duties,
          reportersOn: (reporters, date) => this.reportersOn(reporters, date, names.registry),
          submitted: this.ledger.submitted,
          days: this.ledger.calendar,
          window: { from: filter.from, to: filter.to },
          asOf: filter.asOf,
        }).filter((i) => !agencyId || i.agencyId === agencyId),
      );
    }
    return {
      from: filter.from,
      to: filter.to,
      asOf: filter.asOf,
      instances: instances.map((i) => ({ ...i, agencyName: names.nameOf(i.agencyId) })),
      agencies: complianceRows(instances, names.nameOf),
    };
  }

  /** The province a place line names: from the provincial People's Committee's name in the registry (e.g. "Thanh Hóa"). */
  async provinceName(): Promise<string | null> {
    const name = (await this.registry.registry()).agency('ubnd-tinh')?.name;
    return name?.match(/tỉnh\s+(.+)$/i)?.[1] ?? null;
  }

  /** An assignment's document as it is now, or null. */
  assignment(id: string) {
    return this.queries().assignmentDoc(id);
  }

  /** A directive's document as it is now, or null. */
  directive(id: string): Promise<DirectiveDoc | null> {
    return this.queries().directiveDoc(id);
  }

  /** The agencies a duty's reporters name on a date: an agency itself, a group its members then. */
  reportersOn(reporters: string[], date: string, registry: Awaited<ReturnType<RegistryReader['registry']>>): string[] {
    const snapshot = registry.snapshot(date);
    const agencies = new Set<string>();
    for (const id of reporters) {
      if (Object.hasOwn(snapshot.groups, id)) snapshot.groups[id].members.forEach((m) => agencies.add(m));
      else if (Object.hasOwn(snapshot.agencies, id)) agencies.add(id);
    }
    return [...agencies].sort();
  }

  /** A period's roll-up: every agency by name, every group as of the period's end, and the whole scope. */
  async rollup(reader: Principal, period: string, calendar: PeriodCalendar, filter: { directiveId?: string }, knownAt?: string) {
    const window = parsePeriod(period, calendar);
    const content = await this.content(reader, window, filter.directiveId ?? null, knownAt ?? null, heading(window), false);
    return {
      ...window,
      filter,
      knownAt: knownAt ?? null,
      province: content.province,
      groups: content.groups,
      agencies: content.scorecards,
    };
  }

  /** The content a report is frozen with: computed as known at `knownAt`, naming the checkpoints. */
  async issueContent(reader: Principal, request: IssueReportRequest, knownAt: string, checkpoints: ReportContent['checkpoints']) {
    const window = parsePeriod(request.period, request.calendar);
    const directive = request.directiveId ? await this.queries().directiveDoc(request.directiveId) : null;
    const names = await this.registry.on(window.to);
    const issuer = reader.agencyId ? names.registry.agency(reader.agencyId, window.to) : undefined;
    const parent = issuer?.parent ? names.registry.agency(issuer.parent, window.to) : undefined;
    const base = heading(window, directive, names.nameOf);
    const reportHeading: ReportHeading = {
      parentBody: request.parentBody ?? (parent ? parent.name.toUpperCase() : null),
      issuingBody: request.issuingBody ?? (issuer ? issuer.name.toUpperCase() : base.issuingBody),
      number: request.number,
      place: request.place,
      date: request.date ?? today(),
      title: request.title ?? base.title,
      recipients: request.recipients,
      signer: request.signer ?? null,
    };
    const content = await this.content(reader, window, request.directiveId ?? null, knownAt, reportHeading);
    return { ...content, checkpoints };
  }

  private async content(
    reader: Principal,
    window: Period,
    directiveId: string | null,
    knownAt: string | null,
    reportHeading: ReportHeading,
    lists = true,
  ): Promise<ReportContent> {
    if (window.from < CALENDAR_SPAN.from || window.to > CALENDAR_SPAN.to)
      throw new ValidationError(
        `must lie between ${CALENDAR_SPAN.from} and ${CALENDAR_SPAN.to}, the years the working calendar knows`,
        'period',
      );
    const queries = this.queries();
    const directive = directiveId ? await queries.directiveDoc(directiveId) : null;
    if (directiveId && !directive) throw new NotFoundError(`No directive ${directiveId}`, 'directiveId');
    if (directiveId && !(await this.mayReadDirective(reader, directiveId)))
      throw new ForbiddenError(`${reader.agencyId ?? reader.sub} may not read directive ${directive?.number}`);
    const docs: AssignmentDoc[] = await queries.inScope(reader, window.to, { directiveId: directiveId ?? undefined }, knownAt ?? undefined);
    const names = await this.registry.on(window.to);
    const texts = new Map<string, string>();
    const taskTextOf = (id: string, number: string) => texts.get(`${id}|${number}`) ?? '';
    for (const id of new Set(docs.map((d) => d.directiveId as string))) {
      const doc = id === directiveId ? directive : await queries.directiveDoc(id);
      if (doc) for (const task of directiveView(doc, window.to).tasks) texts.set(`${id}|${task.number}`, task.text);
    }
    const compliance = await this.compliance(reader, {
      directiveId: directiveId ?? undefined,
      from: window.from,
      to: window.to,
      asOf: window.to,
    });
    return reportContent({
      heading: reportHeading,
      directive: directive
        ? {
            directiveId: directive.directiveId,
            number: directive.number,
            subject: directive.subject,
            issuer: names.nameOf(directive.issuer),
            issuedOn: directive.issuedOn,
          }
        : null,
      period: window,
      knownAt: knownAt ?? new Date().toISOString(),
      checkpoints: [],
      docs,
      registry: names,
      taskTextOf,
      submissions: compliance.agencies,
      rules: this.rules,
      lists,
    });
  }

  /** Whether the reader may read a directive (and so its regime, submissions and reports). */
  async mayReadDirective(reader: Principal, directiveId: string): Promise<boolean> {
    if (readScopeOf(reader).all) return true;
    const doc = await this.queries().directiveDoc(directiveId);
    if (!doc) return false;
    if (await this.reportsUnder(reader, directiveId)) return true;
    const held = await this.queries().inScope(reader, '9999-12-31', { directiveId });
    return mayReadDirective(reader, doc, held);
  }

  /** The reader's agency reports under one of the directive's duties (today, or ever submitted under it). */
  private async reportsUnder(reader: Principal, directiveId: string): Promise<boolean> {
    const agencyId = reader.agencyId;
    const regime = agencyId ? (await this.ledger.catchUp()).regimes.get(directiveId) : undefined;
    if (!agencyId || !regime) return false;
    if (this.ledger.submissionsOf({ directiveId, agencyId }).length) return true;
    const registry = await this.registry.registry();
    return regime.duties.some((duty) => this.reportersOn(duty.reporters, today(), registry).includes(agencyId));
  }
}

/** A period the working calendar knows the days of (ValidationError naming `period` otherwise). */
export function requireCalendarSpan(window: { from: string; to: string }): void {
  if (window.from < CALENDAR_SPAN.from || window.to > CALENDAR_SPAN.to)
    throw new ValidationError(
      `must lie between ${CALENDAR_SPAN.from} and ${CALENDAR_SPAN.to}, the years the working calendar knows`,
      'period',
    );
}

/** The title a report gets when the office gives none. */
function heading(window: Period, directive?: DirectiveDoc | null, nameOf?: (id: string) => string): ReportHeading {
  const about = directive
    ? `thực hiện ${documentTypeName(directive.type)} số ${directive.number} ngày ${formatVietnamese(directive.issuedOn)} của ${nameOf?.(directive.issuer) ?? directive.issuer} về ${subjectAfterVe(directive.subject)}`
    : 'thực hiện các văn bản chỉ đạo';
  return {
    parentBody: null,
    issuingBody: '',
    number: '',
    place: '',
    date: window.to,
    title: `Kết quả ${about}, kỳ ${window.period} (số liệu từ ngày ${formatVietnamese(window.from)} đến ngày ${formatVietnamese(window.to)})`,
    recipients: [],
    signer: null,
  };
}
