import { encodeCursor, pageOf, type PageRequest, type Principal } from '@dm/contracts';
import { authorize, NotFoundError } from '@dm/eventsourcing';
import { parsePeriod, today, type PeriodCalendar } from '@dm/periods';
import {
  collectPage,
  mergeScans,
  scanAfter,
  type Condition,
  type Document,
  type KeyOrder,
  type Query,
  type ReadStore,
} from '@dm/read-store';
import {
  periodFigures,
  asKnownAt,
  ASSIGNMENTS,
  DEFAULT_STATUS_RULES,
  directiveAsKnownAt,
  entriesKnownAt,
  deriveStatus,
  isCounted,
  directiveListEntry,
  DIRECTIVES,
  directiveView,
  holderOn,
  agencyFilterOf,
  mayReadAssignment,
  mayReadDirective,
  readScopeOf,
  reportingPolicy,
  scorecards,
  summarize,
  timeline,
  TIMELINE,
  type AssignmentDoc,
  type DirectiveDoc,
  type StatusRules,
  type TimelineDoc,
} from '@dm/reporting-domain';
import { loadOwnFacts, withOwnFactsLoaded } from './own-facts';

type AssignmentDocument = AssignmentDoc & Document;

export interface AssignmentFilter {
  agencyId?: string;
  directiveId?: string;
  status?: string;
  /** A stage; closed stages (cancelled, superseded, revoked) are listed only when asked for. */
  lifecycle?: string;
  /** lead (the default) or coordinating. */
  role?: 'lead' | 'coordinating';
  asOf?: string;
  /** A record time: only the facts recorded by then (docs/domain.md, "As known at a time"). */
  knownAt?: string;
}

const CLOSED_STAGES: ReadonlySet<string> = new Set(['cancelled', 'superseded', 'revoked']);

/** An assignment as every list and audit answer names it, with the agency holding it on `date`. */
function describe(doc: AssignmentDoc, date: string) {
  return {
    id: doc._id,
    directiveId: doc.directiveId,
    directiveNumber: doc.directiveNumber,
    taskNumber: doc.taskNumber,
    agencyId: holderOn(doc, date),
    role: doc.role,
    viaGroup: doc.viaGroup ?? null,
  };
}

/** The documents as known at `knownAt` (all of them, as they are, without it): those not known yet left out. */
function known<D extends AssignmentDoc>(docs: D[], knownAt: string | undefined): D[] {
  if (!knownAt) return docs;
  return docs.map((doc) => asKnownAt(doc, knownAt)).filter((doc): doc is D => doc !== null);
}

const notKnownYet = (what: string, knownAt: string) => new NotFoundError(`${what} was not recorded yet at ${knownAt}`, 'knownAt');

/**
 * Every read route's answer: documents loaded from the read models, as known
 * at a record time when one is given, statuses derived as of a business date.
 * Each answer echoes `knownAt` (null when not given). Each is the reader's:
 * lists leave out what the reader may not read, and a single directive,
 * assignment or task outside the reader's scope is refused
 * (reportingPolicy, libs/reporting/domain/src/read-scope.ts), decided on the
 * documents as they are now, before `knownAt` cuts them.
 */
export class ReportQueries {
  constructor(
    private readonly store: ReadStore,
    private readonly rules: StatusRules = DEFAULT_STATUS_RULES,
  ) {}

  /**
   * A page of the directives the reader may read, newest issue first (then
   * by id), as known at `knownAt`: read from the store a chunk at a time
   * after the cursor, until the page is full.
   */
  async listDirectives(reader: Principal, knownAt: string | undefined, page: PageRequest<DirectiveKey>) {
    const readable = await this.directiveReadable(reader);
    const docs = scanAfter<DirectiveDoc>(this.store, DIRECTIVES, { where: { created: true }, order: DIRECTIVE_ORDER, after: page.after });
    const { items, nextKey } = await collectPage(
      docs,
      (d) => {
        if (!readable(d)) return null;
        const shown = knownAt ? directiveAsKnownAt(d, knownAt) : d;
        return shown ? directiveListEntry(shown) : null;
      },
      DIRECTIVE_ORDER,
      page.limit,
    );
    return { knownAt: knownAt ?? null, directives: items, next: nextKey ? encodeCursor(nextKey) : null };
  }

  async directive(reader: Principal, id: string, asOf = today(), role: AssignmentFilter['role'] = 'lead', knownAt?: string) {
    const stored = await this.store.get<DirectiveDoc>(DIRECTIVES, id);
    if (!stored?.created) throw new NotFoundError(`No directive ${id}`);
    if (!readScopeOf(reader).all)
      authorize(reportingPolicy.readDirective, reader, {
        directive: stored,
        assignments: await this.store.find<AssignmentDocument>(ASSIGNMENTS, { where: { created: true, directiveId: id } }),
      });
    const doc = knownAt ? directiveAsKnownAt(stored, knownAt) : stored;
    if (!doc) throw notKnownYet(`directive ${stored.number}`, knownAt as string);
    if (asOf < doc.issuedOn)
      throw new NotFoundError(`directive ${doc.number} was not issued yet on ${asOf}: it was issued on ${doc.issuedOn}`, 'asOf');
    const { tasks, ...header } = directiveView(doc, asOf);
    const assignments = await this.listAssignments(reader, { directiveId: id, asOf, role, knownAt });
    return { ...header, asOf, knownAt: knownAt ?? null, tasks, assignments };
  }

  /**
   * The assignments started by asOf, of one role (lead by default), with
   * their state then. Filters combine: a lifecycle filter returns that stage
   * (closed ones only when asked for so), a status filter that status (never a
   * closed or coordinating assignment, which have none). An agency officer's
   * list is its own agency's (`agencyId` defaults to it, and names no other).
   */
  async assignments(reader: Principal, filter: AssignmentFilter, page: PageRequest<AssignmentKey>) {
    const agencyId = this.agencyFilter(reader, filter.agencyId);
    const asOf = filter.asOf ?? today();
    const role = filter.role ?? 'lead';
    const where: Record<string, Condition> = { created: true, issuedOn: { lte: asOf } };
    if (filter.directiveId) where.directiveId = filter.directiveId;
    const scan = (w: Record<string, Condition>) =>
      scanAfter<AssignmentDocument>(this.store, ASSIGNMENTS, { where: w, order: ASSIGNMENT_ORDER, after: page.after });
    const docs = agencyId
      ? mergeScans([scan({ ...where, agencyId }), scan({ ...where, transferred: true, [`heldBy.${agencyId}`]: true })], ASSIGNMENT_ORDER)
      : scan(where);
    const { items, nextKey } = await collectPage(
      withOwnFactsLoaded(this.store, docs),
      (stored) => {
        if (!mayReadAssignment(reader, stored)) return null;
        const [doc] = known([stored], filter.knownAt);
        if (!doc || (agencyId && holderOn(doc, asOf) !== agencyId)) return null;
        return this.listed(doc, asOf, role, filter);
      },
      ASSIGNMENT_ORDER,
      page.limit,
    );
    return { assignments: items, next: nextKey ? encodeCursor(nextKey) : null };
  }

  /** An assignment as a list shows it as of `asOf`, or null when the filter leaves it out. */
  private listed(doc: AssignmentDoc, asOf: string, role: string, filter: AssignmentFilter) {
    if (doc.role !== role || !isCounted(doc, asOf)) return null;
    const state = deriveStatus(doc, asOf, this.rules);
    if (filter.lifecycle ? state.lifecycle !== filter.lifecycle : CLOSED_STAGES.has(state.lifecycle)) return null;
    if (filter.status && state.status !== filter.status) return null;
    return { ...describe(doc, asOf), asOf, status: state.status, lifecycle: state.lifecycle, state };
  }

  /** A directive's assignments (bounded by its tasks: not paged), in the order of the assignment list. */
  private async listAssignments(reader: Principal, filter: AssignmentFilter) {
    const asOf = filter.asOf ?? today();
    const role = filter.role ?? 'lead';
    const docs = await this.issuedBy(reader, asOf, filter, filter.knownAt, ASSIGNMENT_ORDER);
    return docs.flatMap((doc) => this.listed(doc, asOf, role, filter) ?? []);
  }

  /** A period's summary of what the reader may read; an agency officer's is its own agency's (`agencyId` defaults to it). */
  async summary(
    reader: Principal,
    period: string,
    calendar: PeriodCalendar,
    asked: { agencyId?: string; directiveId?: string },
    knownAt?: string,
  ) {
    const window = parsePeriod(period, calendar);
    const filter = { ...asked, agencyId: this.agencyFilter(reader, asked.agencyId) };
    const docs = await this.issuedBy(reader, window.to, filter, knownAt);
    return { ...window, filter, knownAt: knownAt ?? null, ...summarize(docs, { from: window.from, to: window.to }, this.rules) };
  }

  /** Scorecards of what the reader may read: an agency officer's own agency's only. */
  /**
   * Scorecards of what the reader may read: an agency officer's own agency's
   * only. A page of them, by agency id: the cards are computed over every
   * assignment in scope (one per agency), then sliced.
   */
  async agencies(
    reader: Principal,
    period: string,
    calendar: PeriodCalendar,
    filter: { directiveId?: string },
    knownAt: string | undefined,
    page: PageRequest<readonly [string]>,
  ) {
    const window = parsePeriod(period, calendar);
    const docs = await this.issuedBy(reader, window.to, { ...filter, agencyId: this.agencyFilter(reader, undefined) }, knownAt);
    const cards = scorecards(docs, { from: window.from, to: window.to }, this.rules);
    const { items, next } = pageOf(cards, { keyOf: (c) => [c.agencyId] as const }, page);
    return { ...window, filter, knownAt: knownAt ?? null, agencies: items, next };
  }

  async timeline(reader: Principal, id: string, knownAt?: string) {
    const doc = await this.assignment(reader, id, knownAt);
    const entries = (await this.store.find<TimelineDoc & Document>(TIMELINE, { where: { assignmentId: id } })).map((e) => e.entry);
    return {
      ...describe(doc, today()),
      knownAt: knownAt ?? null,
      events: timeline(knownAt ? entriesKnownAt(entries, knownAt) : entries, this.rules),
    };
  }

  /**
   * A task's timeline: every event of its assignments, lead and coordinating,
   * oldest first; an event of the directive that concerned several of them
   * once (without its per-assignment part), an assignment's own event with
   * the agency and role it is of. A reader who may read only some of the
   * assignments gets their own events and the directive's.
   */
  async taskTimeline(reader: Principal, directiveId: string, taskNumber: string, knownAt?: string) {
    const stored = await loadOwnFacts(
      this.store,
      await this.store.find<AssignmentDocument>(ASSIGNMENTS, { where: { created: true, directiveId, taskNumber } }),
    );
    if (!stored.length) throw new NotFoundError(`No task ${taskNumber} in directive ${directiveId}`, 'taskNo');
    authorize(reportingPolicy.readTask, reader, { taskNumber, assignments: stored });
    const readable = new Set(stored.filter((d) => mayReadAssignment(reader, d)).map((d) => d._id));
    const docs = known(stored, knownAt);
    if (!docs.length) throw notKnownYet(`task ${taskNumber} of directive ${directiveId}`, knownAt as string);
    const byId = new Map(docs.map((d) => [d._id, d]));
    const entries: TimelineDoc[] = [];
    const ids = [...byId.keys()];
    for (let i = 0; i < ids.length; i += 500)
      entries.push(
        ...(await this.store.find<TimelineDoc & Document>(TIMELINE, { where: { assignmentId: { in: ids.slice(i, i + 500) } } })),
      );
    const ownerOf = new Map(entries.filter((t) => t.entry.source === 'a').map((t) => [t.entry.eventId, byId.get(t.assignmentId)]));
    const seen = new Set<string>();
    const events = [];
    const recorded = entries.map((t) => t.entry);
    for (const e of timeline(knownAt ? entriesKnownAt(recorded, knownAt) : recorded, this.rules)) {
      const own = e.source === 'a' ? ownerOf.get(e.eventId) : undefined;
      if (own && !readable.has(own._id)) continue;
      if (!own && seen.has(e.eventId)) continue;
      seen.add(e.eventId);
      const { assignment, ...data } = e.data as Record<string, unknown>;
      void assignment;
      events.push({
        ...e,
        data: own ? e.data : data,
        assignmentId: own?._id ?? null,
        agencyId: own?.agencyId ?? null,
        role: own?.role ?? null,
      });
    }
    return { directiveId, taskNumber, knownAt: knownAt ?? null, events };
  }

  async state(reader: Principal, id: string, asOf = today(), knownAt?: string) {
    const doc = await this.assignment(reader, id, knownAt);
    return { ...describe(doc, asOf), ...deriveStatus(doc, asOf, this.rules), asOf, knownAt: knownAt ?? null };
  }

  private async assignment(reader: Principal, id: string, knownAt?: string): Promise<AssignmentDocument> {
    const stored = await this.store.get<AssignmentDocument>(ASSIGNMENTS, id);
    if (!stored?.created) throw new NotFoundError(`No assignment ${id}`);
    authorize(reportingPolicy.readAssignment, reader, stored);
    const [doc] = await loadOwnFacts(this.store, [stored]);
    const [asKnown] = known([doc], knownAt);
    if (!asKnown) throw notKnownYet(`assignment ${id}`, knownAt as string);
    return asKnown;
  }

  /** The agency a list is narrowed to (an agency officer's own by default); another agency than an agency officer's is refused. */
  private agencyFilter(reader: Principal, asked: string | undefined): string | undefined {
    const agencyId = agencyFilterOf(reader, asked);
    authorize(reportingPolicy.readAgency, reader, agencyId);
    return agencyId;
  }

  /**
   * Of the directives given, those the reader may read: for a reader scoped
   * to an agency, those addressed to it (an assignment it holds or has held)
   * and, for its monitoring officers, those it issued or monitors.
   */
  private async directiveReadable(reader: Principal): Promise<(d: DirectiveDoc) => boolean> {
    const scope = readScopeOf(reader);
    if (scope.all) return () => true;
    const held = new Map<string, AssignmentDocument[]>();
    if (scope.agencyId) {
      const find = (where: Query['where']) => this.store.find<AssignmentDocument>(ASSIGNMENTS, { where });
      const ever = [
        ...(await find({ created: true, agencyId: scope.agencyId })),
        ...(await find({ created: true, transferred: true, [`heldBy.${scope.agencyId}`]: true })),
      ];
      for (const doc of ever) held.set(doc.directiveId as string, [...(held.get(doc.directiveId as string) ?? []), doc]);
    }
    return (d) => mayReadDirective(reader, d, held.get(d.directiveId) ?? []);
  }

  /**
   * What an audit export carries of a directive's period (docs/audit.md,
   * "Exports"): the summary's blocks and every assignment's status at the
   * period's end, as known at `knownAt`, for the offline verifier to recompute.
   */
  async directiveFigures(directiveId: string, period: string, calendar: PeriodCalendar, knownAt: string) {
    const window = parsePeriod(period, calendar);
    const docs = await this.issuedBy(AUDITOR, window.to, { directiveId }, knownAt);
    return { rules: this.rules, ...periodFigures(docs, { from: window.from, to: window.to }, this.rules) };
  }

  /** The assignments a reader may read of directives issued by `date` (of one directive when given), as known at `knownAt`. */
  async inScope(reader: Principal, date: string, filter: { agencyId?: string; directiveId?: string }, knownAt?: string) {
    return this.issuedBy(reader, date, filter, knownAt);
  }

  /** An assignment's document as it is now (its own facts merged in), or null. */
  async assignmentDoc(id: string): Promise<AssignmentDocument | null> {
    const doc = await this.store.get<AssignmentDocument>(ASSIGNMENTS, id);
    return doc?.created ? (await loadOwnFacts(this.store, [doc]))[0] : null;
  }

  /** A directive's document as it is now, or null. */
  async directiveDoc(id: string): Promise<DirectiveDoc | null> {
    const doc = await this.store.get<DirectiveDoc>(DIRECTIVES, id);
    return doc?.created ? doc : null;
  }

  /** The lead assignments of every directive, each as of `asOf` (the urging scheduler's view). */
  async leadStates(asOf: string) {
    const stored = await this.store.find<AssignmentDocument>(ASSIGNMENTS, {
      where: { created: true, role: 'lead', issuedOn: { lte: asOf } },
    });
    const docs = await loadOwnFacts(
      this.store,
      stored.filter((doc) => isCounted(doc, asOf)),
    );
    return docs.map((doc) => ({ doc, holder: holderOn(doc, asOf), state: deriveStatus(doc, asOf, this.rules) }));
  }

  /**
   * Created assignments of directives issued on or before `date` (callers
   * keep those started by then) that the reader may read, as known at
   * `knownAt`, of one directive when given, and of one agency: those it
   * holds on `date`, assigned to it or transferred to it.
   */
  private async issuedBy(
    reader: Principal,
    date: string,
    filter: { agencyId?: string; directiveId?: string },
    knownAt: string | undefined,
    orderBy?: Query['orderBy'],
  ) {
    const where: Query['where'] = { created: true, issuedOn: { lte: date } };
    if (filter.directiveId) where.directiveId = filter.directiveId;
    const agencyId = filter.agencyId;
    const find = async (q: Query['where']) => {
      const readable = (await this.store.find<AssignmentDocument>(ASSIGNMENTS, { where: q, orderBy })).filter((doc) =>
        mayReadAssignment(reader, doc),
      );
      return known(await loadOwnFacts(this.store, readable), knownAt);
    };
    if (!agencyId) return find(where);
    const assigned = await find({ ...where, agencyId });
    const received = await find({ ...where, transferred: true, [`heldBy.${agencyId}`]: true });
    const mine = [...assigned, ...received.filter((d) => d.agencyId !== agencyId)].filter((d) => holderOn(d, date) === agencyId);
    return received.length ? sortLike(mine, orderBy) : mine;
  }
}

/** The directive list's order: newest issue first, then by id; a cursor is [issuedOn, id]. */
const DIRECTIVE_ORDER: KeyOrder = [
  ['issuedOn', 'desc'],
  ['_id', 'asc'],
];
export type DirectiveKey = readonly [string, string];

/** The assignment list's order: directive, task, agency, then id; a cursor is those four. */
const ASSIGNMENT_ORDER: KeyOrder = [
  ['directiveId', 'asc'],
  ['taskNumber', 'asc'],
  ['agencyId', 'asc'],
  ['_id', 'asc'],
];
export type AssignmentKey = readonly [string, string, string, string];

/** Who an audit export reads as: every assignment. */
const AUDITOR: Principal = { sub: 'audit-export', name: null, agencyId: null, roles: ['inspector'] };

/** Documents merged from two queries, in the order both were asked for. */
function sortLike(docs: AssignmentDocument[], orderBy: Query['orderBy'] = []): AssignmentDocument[] {
  const value = (d: AssignmentDocument, path: string) => String((d as unknown as Record<string, unknown>)[path] ?? '');
  return [...docs].sort((a, b) => {
    for (const [path, direction] of orderBy) {
      const c = value(a, path).localeCompare(value(b, path));
      if (c) return direction === 'desc' ? -c : c;
    }
    return 0;
  });
}
