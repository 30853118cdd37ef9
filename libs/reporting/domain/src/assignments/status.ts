import type { AssignmentStatus, LifecycleStage, ObligationStatus, OfficialStatus, Recurrence } from '@dm/contracts';
import { NotFoundError } from '@dm/eventsourcing';
import { addDays, daysBetween, deadlineInForce, isExtendedAfterDue, obligationsOf, vietnamDate, workingDaysAfter } from '@dm/periods';
import { assignedOnOf, holderOn, type AssignmentDoc } from './assignment-doc';
import { readFacts, type CompletionEpisode, type FactView } from './fact-view';

export const STATUS_LABELS: Readonly<Record<OfficialStatus, string>> = {
  completedOnTime: 'Hoàn thành đúng hạn',
  completedLate: 'Hoàn thành quá hạn',
  inProgressWithinDeadline: 'Đang thực hiện trong hạn',
  overdue: 'Quá hạn chưa hoàn thành',
  noDeadline: 'Không có thời hạn',
};

export const LIFECYCLE_LABELS: Readonly<Record<LifecycleStage, string>> = {
  notStarted: 'Chưa thực hiện',
  inProgress: 'Đang thực hiện',
  awaitingConfirmation: 'Chờ xác nhận',
  returned: 'Trả lại',
  completed: 'Đã hoàn thành',
  cancelled: 'Đã hủy',
  superseded: 'Đã được thay thế',
  revoked: 'Đã thu hồi',
};

/** A task without a deadline is flagged when nothing was reported for more than this many days. */
export const STALE_AFTER_DAYS = 90;

/** The rules a deployment sets (docs/domain.md, "Reporting lag"). */
export interface StatusRules {
  /** A report recorded more than this many working days after its business date is `recordedLate`. */
  recordedLateAfterWorkingDays: number;
}
export const DEFAULT_STATUS_RULES: StatusRules = { recordedLateAfterWorkingDays: 2 };

/** Recorded more than the allowed working days after its business date. */
export function isRecordedLate(on: string, recordedAt: string | null | undefined, rules: StatusRules): boolean {
  if (!recordedAt) return false;
  const recordedOn = vietnamDate(new Date(recordedAt));
  return workingDaysAfter(on, recordedOn) > rules.recordedLateAfterWorkingDays;
}

/**
 * The status of an assignment as of a business date T (end of that day,
 * Asia/Ho_Chi_Minh), with everything known now (docs/domain.md, "Statuses").
 *
 * - D(X) is the deadline in force on X: the last one effective on or before X.
 * - C is the completedOn of the accepted completion dated ≤ T and not
 *   reopened by T. It is on time when C ≤ D(C), or D(C) is null.
 * - Without C: no D(T) → noDeadline; T ≤ D(T) → within deadline; else overdue.
 * - Coordinating assignments, and those closed by T (cancelled; superseded
 *   or revoked unless completed by then), have no official status (null).
 *
 * Throws NotFoundError before the assignment started (there is no status
 * before issue) and on a document without its creation fact.
 */
export function deriveStatus(doc: AssignmentDoc, asOf: string, rules: StatusRules = DEFAULT_STATUS_RULES): AssignmentStatus {
  if (doc.created !== true) throw new NotFoundError(`assignment ${doc._id} has not been issued (yet)`);
  const T = asOf;
  const issuedOn = doc.issuedOn as string;
  const assignedOn = assignedOnOf(doc);
  if (T < assignedOn) {
    const since = assignedOn === issuedOn ? `its directive was issued on ${issuedOn}` : `it was assigned on ${assignedOn}`;
    throw new NotFoundError(`assignment ${doc._id} has no status on ${T}, before issue: ${since}`, 'asOf');
  }
  const facts = readFacts(doc);
  const closed = closedAt(facts, T);
  const role = doc.role as 'lead' | 'coordinating';
  const judged = doc.recurrence ? judgeRecurring(doc.recurrence, facts, assignedOn, T) : judgeOnce(facts, T);
  const status = role === 'coordinating' || closed ? null : judged.status;
  const lastReportedOn = latest(facts.reports.map((r) => r.on).filter((d) => d <= T));

  return {
    assignmentId: doc._id,
    directiveId: doc.directiveId as string,
    taskNumber: doc.taskNumber as string,
    agencyId: holderOn(doc, T),
    role,
    mode: doc.mode ?? 'giao',
    viaGroup: doc.viaGroup ?? null,
    issuedOn,
    assignedOn,
    asOf: T,
    status,
    statusLabel: status ? STATUS_LABELS[status] : null,
    completedWithoutDeadline: status !== null && judged.completedOn !== null && judged.deadlineAtCompletion === null,
    lifecycle: closed ? closed.as : judged.lifecycle,
    lifecycleLabel: LIFECYCLE_LABELS[closed ? closed.as : judged.lifecycle],
    deadline: judged.deadline,
    deadlineAtCompletion: status !== null ? judged.deadlineAtCompletion : null,
    extendedAfterDue: facts.deadlines.some(
      (d, i) => i > 0 && d.effectiveOn <= T && isExtendedAfterDue(facts.deadlines[i - 1].deadline, d.effectiveOn),
    ),
    closedOn: closed?.on ?? null,
    completedOn: status !== null ? judged.completedOn : null,
    lastReportedOn,
    latestPercent: latestPercentAt(facts, T),
    staleNoReport: status === 'noDeadline' && daysBetween(lastReportedOn ?? assignedOn, T) > STALE_AFTER_DAYS,
    recordedLateReports: facts.reports.filter((r) => r.on <= T && isRecordedLate(r.on, r.recordedAt, rules)).length,
    recurrence: doc.recurrence ?? null,
    obligations: judged.obligations,
  };
}

/** What one judgement gives: the official status of the unit judged, and the dates it was judged by. */
interface Judgement {
  status: OfficialStatus;
  lifecycle: LifecycleStage;
  deadline: string | null;
  completedOn: string | null;
  deadlineAtCompletion: string | null;
  obligations: ObligationStatus[];
}

/**
 * Judges completions against a deadline: C, the standing accepted completion
 * at T, is on time when C ≤ D(C); without C, T against D(T).
 */
function judge(
  episodes: CompletionEpisode[],
  progress: FactView['progress'],
  T: string,
  D: (date: string) => string | null,
): Omit<Judgement, 'obligations'> {
  const C = completionAt(episodes, T)?.completedOn ?? null;
  const deadline = D(T);
  const status: OfficialStatus =
    C !== null
      ? D(C) === null || C <= (D(C) as string)
        ? 'completedOnTime'
        : 'completedLate'
      : deadline === null
        ? 'noDeadline'
        : T <= deadline
          ? 'inProgressWithinDeadline'
          : 'overdue';
  return {
    status,
    lifecycle: lifecycleAt(episodes, progress, T),
    deadline,
    completedOn: C,
    deadlineAtCompletion: C !== null ? D(C) : null,
  };
}

/** A one-off task: its deadlines in force. */
function judgeOnce(facts: FactView, T: string): Judgement {
  const episodes = facts.episodes.filter((e) => e.period === '');
  return { ...judge(episodes, facts.progress, T, (date) => deadlineInForce(facts.deadlines, date)), obligations: [] };
}

/**
 * A recurring task: each obligation begun by T judged against its own due
 * date; the assignment takes the first overdue one's status, else the
 * latest's. Before its first obligation begins, it is within the deadline of
 * the next one due.
 */
function judgeRecurring(rule: Recurrence, facts: FactView, assignedOn: string, T: string): Judgement {
  const closedOn = facts.closure?.as === 'cancelled' ? facts.closure.on : null;
  const obligations = obligationsOf(rule, assignedOn, T, closedOn).map((o) => {
    const judged = judge(
      facts.episodes.filter((e) => e.period === o.period),
      facts.progress,
      T,
      () => o.dueOn,
    );
    return { obligation: o, judged };
  });
  const current = obligations.find((o) => o.judged.status === 'overdue') ?? obligations[obligations.length - 1];
  const list = obligations.map(({ obligation: o, judged: j }) => ({
    period: o.period,
    dueOn: o.dueOn,
    status: j.status,
    statusLabel: STATUS_LABELS[j.status],
    lifecycle: j.lifecycle,
    completedOn: j.completedOn,
  }));
  if (!current) {
    // none begun by T: the first within a year and a bit is the next one due
    const [next] = obligationsOf(rule, assignedOn, addDays(T, 400));
    return {
      status: 'inProgressWithinDeadline',
      lifecycle: lifecycleAt([], facts.progress, T),
      deadline: next.dueOn,
      completedOn: null,
      deadlineAtCompletion: null,
      obligations: [],
    };
  }
  return { ...current.judged, obligations: list };
}

/**
 * The units a summary counts of a recurring assignment live at `to`: its
 * obligations due within [from, to], judged as of `to` (a closure after `to`
 * owes nothing due by then less).
 */
export function obligationsDueWithin(
  doc: AssignmentDoc,
  rule: Recurrence,
  from: string,
  to: string,
): Array<ObligationStatus & { from: string }> {
  const facts = readFacts(doc);
  return obligationsOf(rule, assignedOnOf(doc), to)
    .filter((o) => from <= o.dueOn && o.dueOn <= to)
    .map((o) => {
      const j = judge(
        facts.episodes.filter((e) => e.period === o.period),
        facts.progress,
        to,
        () => o.dueOn,
      );
      return {
        period: o.period,
        from: o.from,
        dueOn: o.dueOn,
        status: j.status,
        statusLabel: STATUS_LABELS[j.status],
        lifecycle: j.lifecycle,
        completedOn: j.completedOn,
      };
    });
}

/** The accepted completion that stands at T: dated ≤ T, not reopened by T; the latest such. */
function completionAt(episodes: CompletionEpisode[], T: string): CompletionEpisode | null {
  const standing = episodes.filter((e) => e.decision?.accepted && e.completedOn <= T && (e.reopenedOn === null || e.reopenedOn > T));
  return standing[standing.length - 1] ?? null;
}

/**
 * The closure in force at T: a cancellation always; a supersession or
 * revocation only of work not completed by its date (completed work stays completed).
 */
function closedAt(facts: FactView, T: string): FactView['closure'] {
  const { closure } = facts;
  if (!closure || closure.on > T) return null;
  if (closure.as !== 'cancelled' && completionAt(facts.episodes, closure.on)) return null;
  return closure;
}

function lifecycleAt(episodes: CompletionEpisode[], progress: FactView['progress'], T: string): LifecycleStage {
  const reported = episodes.filter((e) => e.completedOn <= T);
  const last = reported[reported.length - 1];
  if (last) {
    if (last.decision === null || last.decision.on > T) return 'awaitingConfirmation';
    if (!last.decision.accepted) return 'returned';
    if (last.reopenedOn === null || last.reopenedOn > T) return 'completed';
    return 'inProgress';
  }
  if (progress.some((p) => p.on <= T)) return 'inProgress';
  return 'notStarted';
}

function latestPercentAt(facts: FactView, T: string): number | null {
  let best: { on: string; revision: number; percent: number } | null = null;
  for (const p of facts.progress) {
    if (p.on > T || p.percent === null) continue;
    if (!best || p.on > best.on || (p.on === best.on && p.revision > best.revision))
      best = { on: p.on, revision: p.revision, percent: p.percent };
  }
  return best?.percent ?? null;
}

function latest(dates: string[]): string | null {
  return dates.reduce<string | null>((max, d) => (max === null || d > max ? d : max), null);
}
