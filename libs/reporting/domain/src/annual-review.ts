import {
  EVENT_TYPES,
  REVIEW_FLAGS,
  type AgencyReview,
  type AnnualReviewAssignment,
  type AnnualReviewEntry,
  type Rate,
  type ReviewFlags,
  type TimelineEntry,
} from '@dm/contracts';
import { daysBetween, isExtendedAfterDue, vietnamDate } from '@dm/periods';
import { assignedOnOf, factsOf, holderOn, type AssignmentDoc, type FactEvent } from './assignments/assignment-doc';
import { isStartFact, readFacts } from './assignments/fact-view';
import { rate } from './assignments/rates';
import { DEFAULT_STATUS_RULES, deriveStatus, isRecordedLate, type StatusRules } from './assignments/status';
import { blockOf } from './assignments/summary';
import { tally } from './assignments/tally';
import { timeline } from './timeline/timeline.projection';

/**
 * The annual review (kiểm điểm) of an agency (docs/domain.md, "The annual
 * review"): its assignments of a year, each judged as of 31/12, flagged
 * late, overdue, extended after due, returned or recorded late, the flagged
 * ones with their timelines, and the official block's rates. Pure: the
 * caller loads the documents (as known at a time) and the timelines.
 */

export interface ReviewYear {
  year: number;
  /** 01/01 of the year. */
  from: string;
  /** 31/12 of the year. */
  to: string;
  /** The cut-off every status is judged on: 31/12. */
  asOf: string;
}

export function reviewYearOf(year: number): ReviewYear {
  const y = String(year).padStart(4, '0');
  return { year, from: `${y}-01-01`, to: `${y}-12-31`, asOf: `${y}-12-31` };
}

const within = (y: ReviewYear, date: string) => y.from <= date && date <= y.to;

/**
 * An assignment of the year: started on or before 31/12, not closed
 * (cancelled, superseded, revoked) before 01/01, and, for a one-off task,
 * not completed before 01/01 (a completion dated in an earlier year that
 * still stands at the cut-off: that year's review holds it).
 */
export function isOfYear(doc: AssignmentDoc, y: ReviewYear, rules: StatusRules = DEFAULT_STATUS_RULES): boolean {
  if (doc.created !== true || assignedOnOf(doc) > y.to) return false;
  const s = deriveStatus(doc, y.asOf, rules);
  if (s.closedOn !== null && s.closedOn < y.from) return false;
  return !(!doc.recurrence && s.completedOn !== null && s.completedOn < y.from);
}

/** One deadline of an assignment: its first (from its start), then each change, in the order deriveStatus reads them. */
interface DeadlineStep {
  revision: number;
  start: boolean;
  effectiveOn: string;
  deadline: string | null;
  /** The deadline in force just before this step (null for the first). */
  previous: string | null;
  /** A change decided after the deadline it replaced had passed. */
  extendedAfterDue: boolean;
}

function deadlineSteps(doc: AssignmentDoc): DeadlineStep[] {
  const entries: Array<Pick<DeadlineStep, 'revision' | 'start' | 'effectiveOn' | 'deadline'>> = [];
  for (const f of factsOf(doc, 'd')) {
    const deadline = (f.data.deadline as string | null | undefined) ?? null;
    if (isStartFact(f)) {
      const effectiveOn = (f.data.starts as string | undefined) ?? assignedOnOf(doc);
      entries.unshift({ revision: f.revision, start: true, effectiveOn, deadline });
    } else if (f.type === EVENT_TYPES.taskDeadlineChanged) {
      entries.push({ revision: f.revision, start: false, effectiveOn: String(f.data.changedOn), deadline });
    }
  }
  // Stable, as readFacts sorts them: changes keep their recorded order within one effective date.
  entries.sort((a, b) => (a.effectiveOn < b.effectiveOn ? -1 : a.effectiveOn > b.effectiveOn ? 1 : 0));
  return entries.map((e, i) => {
    const previous = i > 0 ? entries[i - 1].deadline : null;
    return { ...e, previous, extendedAfterDue: i > 0 && isExtendedAfterDue(previous, e.effectiveOn) };
  });
}

/** One assignment of the year: its state as of the cut-off, and its flags. */
export function reviewAssignment(
  doc: AssignmentDoc,
  y: ReviewYear,
  rules: StatusRules = DEFAULT_STATUS_RULES,
  taskText: string | null = null,
): AnnualReviewAssignment {
  const s = deriveStatus(doc, y.asOf, rules);
  const facts = readFacts(doc);
  const returns = facts.episodes.filter((e) => e.decision !== null && !e.decision.accepted && within(y, e.decision.on)).length;
  const recordedLateReports = facts.reports.filter((r) => within(y, r.on) && isRecordedLate(r.on, r.recordedAt, rules)).length;
  const flags: ReviewFlags = {
    late: s.status === 'completedLate',
    overdue: s.status === 'overdue',
    extendedAfterDue: s.role === 'lead' && deadlineSteps(doc).some((d) => !d.start && d.extendedAfterDue && within(y, d.effectiveOn)),
    returned: returns > 0,
    recordedLate: recordedLateReports > 0,
  };
  return {
    assignmentId: doc._id,
    directiveId: s.directiveId,
    directiveNumber: doc.directiveNumber ?? s.directiveId,
    issuedOn: s.issuedOn,
    taskNumber: s.taskNumber,
    taskText,
    role: s.role,
    mode: s.mode,
    assignedOn: s.assignedOn,
    status: s.status,
    statusLabel: s.statusLabel,
    lifecycle: s.lifecycle,
    lifecycleLabel: s.lifecycleLabel,
    deadline: s.deadline,
    deadlineAtCompletion: s.deadlineAtCompletion,
    completedOn: s.completedOn,
    closedOn: s.closedOn,
    daysLate: s.status === 'completedLate' ? daysBetween(s.deadlineAtCompletion as string, s.completedOn as string) : null,
    daysOverdue: s.status === 'overdue' && s.deadline !== null ? daysBetween(s.deadline, y.asOf) : null,
    returns,
    recordedLateReports,
    flags,
  };
}

/** The business date each kind of event states, decisions before the completion date they name. */
const BUSINESS_DATES = [
  'confirmedOn',
  'returnedOn',
  'reopenedOn',
  'reportedOn',
  'completedOn',
  'changedOn',
  'cancelledOn',
  'transferredOn',
  'effectiveOn',
  'issuedOn',
];
const COMPLETION_EVENTS: ReadonlySet<string> = new Set([
  EVENT_TYPES.completionReported,
  EVENT_TYPES.completionConfirmed,
  EVENT_TYPES.completionReturned,
  EVENT_TYPES.completionReopened,
]);

function businessDateOf(e: TimelineEntry): string {
  for (const key of BUSINESS_DATES) if (typeof e.data[key] === 'string') return e.data[key] as string;
  return vietnamDate(new Date(e.occurredAt));
}

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/**
 * A flagged assignment's timeline up to the cut-off: every event about it
 * dated on or before 31/12 (as the timeline orders them, by record time),
 * read for the review: who, what, the business date and the record time,
 * deadlines with their reasons and documents, decisions with their reasons.
 */
export function reviewTimeline(
  entries: FactEvent[],
  doc: AssignmentDoc,
  y: ReviewYear,
  rules: StatusRules = DEFAULT_STATUS_RULES,
): AnnualReviewEntry[] {
  const steps = new Map(deadlineSteps(doc).map((d) => [d.revision, d]));
  return timeline(entries, rules)
    .map((e) => ({ e, on: businessDateOf(e) }))
    .filter(({ on }) => on <= y.to)
    .map(({ e, on }): AnnualReviewEntry => {
      const step = e.source === 'd' ? steps.get(e.revision) : undefined;
      const incoming = e.data.incomingDocument as { number?: unknown; date?: unknown } | null | undefined;
      return {
        eventId: e.eventId,
        type: e.type,
        on,
        recordedAt: e.recordedAt,
        actor: e.actor,
        onBehalfOf: e.onBehalfOf ?? null,
        recordedLate: e.recordedLate ?? null,
        summary: text(e.data.summary),
        percent: typeof e.data.percent === 'number' ? e.data.percent : null,
        period: text(e.data.period),
        completedOn: COMPLETION_EVENTS.has(e.type) ? text(e.data.completedOn) : null,
        previousDeadline: step && !step.start ? step.previous : null,
        deadline: step ? step.deadline : null,
        extendedAfterDue: step && !step.start ? step.extendedAfterDue : null,
        reason: text(e.data.reason),
        authorizingDocument: text(e.data.authorizingDocument),
        incomingDocument: incoming ? { number: String(incoming.number), date: String(incoming.date) } : null,
      };
    });
}

export interface AnnualReviewOptions {
  /** One agency's review (given even when it holds nothing that year); else every agency holding an assignment of the year. */
  agencyId?: string;
  rules?: StatusRules;
  /** The timeline entries of the flagged assignments (as known at the time asked); absent ones list none. */
  timelines?: ReadonlyMap<string, FactEvent[]>;
  /** The text of a task as of the cut-off. */
  taskText?: (directiveId: string, taskNumber: string) => string | null;
}

/**
 * The reviews of a year, one per agency holding (on 31/12) an assignment of
 * the year, sorted by agency id; with `agencyId`, that agency's only.
 */
export function annualReviews(docs: AssignmentDoc[], year: number, options: AnnualReviewOptions = {}): AgencyReview[] {
  const y = reviewYearOf(year);
  const rules = options.rules ?? DEFAULT_STATUS_RULES;
  const byAgency = new Map<string, AssignmentDoc[]>();
  for (const doc of docs) {
    if (!isOfYear(doc, y, rules)) continue;
    const holder = holderOn(doc, y.asOf);
    if (options.agencyId !== undefined && holder !== options.agencyId) continue;
    byAgency.set(holder, [...(byAgency.get(holder) ?? []), doc]);
  }
  const agencies = options.agencyId !== undefined ? [options.agencyId] : [...byAgency.keys()].sort();
  return agencies.map((agencyId) => agencyReview(agencyId, byAgency.get(agencyId) ?? [], y, rules, options));
}

const TASK_ORDER = new Intl.Collator('en', { numeric: true });

function agencyReview(
  agencyId: string,
  docs: AssignmentDoc[],
  y: ReviewYear,
  rules: StatusRules,
  options: AnnualReviewOptions,
): AgencyReview {
  const byId = new Map(docs.map((d) => [d._id, d]));
  const rows = docs
    .map((doc) => reviewAssignment(doc, y, rules, options.taskText?.(doc.directiveId as string, doc.taskNumber as string) ?? null))
    .sort(
      (a, b) =>
        a.issuedOn.localeCompare(b.issuedOn) ||
        a.directiveNumber.localeCompare(b.directiveNumber) ||
        a.directiveId.localeCompare(b.directiveId) ||
        TASK_ORDER.compare(a.taskNumber, b.taskNumber) ||
        (a.role === b.role ? 0 : a.role === 'lead' ? -1 : 1),
    );
  const flagged = rows
    .filter((r) => REVIEW_FLAGS.some((f) => r.flags[f]))
    .map((r) => ({
      assignmentId: r.assignmentId,
      directiveNumber: r.directiveNumber,
      taskNumber: r.taskNumber,
      role: r.role,
      flags: REVIEW_FLAGS.filter((f) => r.flags[f]),
      timeline: reviewTimeline(options.timelines?.get(r.assignmentId) ?? [], byId.get(r.assignmentId) as AssignmentDoc, y, rules),
    }));
  const count = (flag: keyof ReviewFlags) => rows.filter((r) => r.flags[flag]).length;
  return {
    agencyId,
    counts: {
      assignments: rows.length,
      lead: rows.filter((r) => r.role === 'lead').length,
      coordinating: rows.filter((r) => r.role === 'coordinating').length,
      late: count('late'),
      overdue: count('overdue'),
      extendedAfterDue: count('extendedAfterDue'),
      returned: count('returned'),
      recordedLate: count('recordedLate'),
    },
    rates: reviewRates(docs, rows, y, rules),
    assignments: rows,
    flagged,
  };
}

/**
 * The official block's rates (lead assignments of orders and requirements
 * of the review): the summary's five, counted as the year's summary counts
 * them (docs/domain.md, "Summaries and scorecards"), then the review's three.
 */
function reviewRates(docs: AssignmentDoc[], rows: AnnualReviewAssignment[], y: ReviewYear, rules: StatusRules): Rate[] {
  const official = docs.filter((d) => blockOf(d) === 'official');
  const block = tally(official, { from: y.from, to: y.to }, rules);
  const ids = new Set(official.map((d) => d._id));
  const extended = rows.filter((r) => ids.has(r.assignmentId) && r.status !== null && r.flags.extendedAfterDue).length;
  const { activity } = block;
  return [
    ...block.rates,
    rate(
      'extendedAfterDue/assigned',
      'Tỷ lệ nhiệm vụ gia hạn sau khi đã quá hạn trên tổng số nhiệm vụ được giao',
      extended,
      block.counts.total,
    ),
    rate(
      'returned/completionsReported',
      'Tỷ lệ báo cáo hoàn thành bị trả lại trên số báo cáo hoàn thành',
      activity.returns,
      activity.completionsReported,
    ),
    rate(
      'recordedLate/reports',
      'Tỷ lệ báo cáo ghi nhận muộn trên tổng số báo cáo',
      activity.recordedLate,
      activity.progressReports + activity.completionsReported,
    ),
  ];
}
