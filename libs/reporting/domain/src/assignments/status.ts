import type { AssignmentStatus, LifecycleStage, OfficialStatus } from '@dm/contracts';
import { NotFoundError } from '@dm/eventsourcing';
import { daysBetween } from '@dm/periods';
import type { AssignmentDoc } from './assignment-doc';
import { readFacts, type FactView } from './fact-view';

export const STATUS_LABELS: Readonly<Record<OfficialStatus, string>> = {
  completedOnTime: 'Hoàn thành đúng hạn',
  completedLate: 'Hoàn thành quá hạn',
  inProgressWithinDeadline: 'Đang thực hiện trong hạn',
  overdue: 'Quá hạn chưa hoàn thành',
  noDeadline: 'Không có thời hạn',
};

export const LIFECYCLE_LABELS: Readonly<Record<LifecycleStage, string>> = {
  notIssued: 'Chưa ban hành',
  notStarted: 'Chưa thực hiện',
  inProgress: 'Đang thực hiện',
  awaitingConfirmation: 'Chờ xác nhận',
  returned: 'Trả lại',
  completed: 'Đã hoàn thành',
  cancelled: 'Đã hủy',
};

/** A task without a deadline is flagged when nothing was reported for more than this many days. */
export const STALE_AFTER_DAYS = 90;

/**
 * The status of an assignment as of a business date T (end of that day,
 * Asia/Ho_Chi_Minh), judged with everything known now:
 * D is the deadline as last changed (a change replaces D for every T),
 * C the completedOn of the accepted completion. Dates compare as `YYYY-MM-DD`.
 *
 * Lifecycle, first match: notIssued (T < issuedOn); cancelled (cancelledOn ≤ T);
 * completed (C ≤ T and accepted on or before T); awaitingConfirmation (the
 * latest completion dated ≤ T was still undecided at T, including one
 * accepted or returned after T); returned (that completion was returned on or
 * before T); inProgress (a progress report dated ≤ T); else notStarted.
 * So with C ≤ T but confirmation after T the official status is already
 * completed (known now) while the lifecycle at T is awaitingConfirmation.
 *
 * Throws NotFoundError on a document without its creation fact (callers do
 * not show those). `asOf` is a date `YYYY-MM-DD`, checked at the edge.
 */
export function deriveStatus(doc: AssignmentDoc, asOf: string): AssignmentStatus {
  if (doc.created !== true) throw new NotFoundError(`assignment ${doc._id} has not been issued (yet)`);
  const T = asOf;
  const facts = readFacts(doc);
  const issuedOn = doc.issuedOn as string;
  const D = facts.deadline;
  const C = facts.accepted && facts.accepted.completedOn <= T ? facts.accepted.completedOn : null;

  const status: OfficialStatus =
    C !== null
      ? D === null || C <= D
        ? 'completedOnTime'
        : 'completedLate'
      : D === null
        ? 'noDeadline'
        : T <= D
          ? 'inProgressWithinDeadline'
          : 'overdue';
  const lifecycle = lifecycleAt(facts, issuedOn, T);
  const lastReportedOn = latest(
    [...facts.progress.map((p) => p.reportedOn), ...facts.episodes.map((e) => e.completedOn)].filter((d) => d <= T),
  );
  const staleNoReport =
    status === 'noDeadline' &&
    lifecycle !== 'cancelled' &&
    lifecycle !== 'notIssued' &&
    daysBetween(lastReportedOn ?? issuedOn, T) > STALE_AFTER_DAYS;

  return {
    assignmentId: doc._id,
    directiveId: doc.directiveId as string,
    taskNumber: doc.taskNumber as string,
    agencyId: doc.agencyId as string,
    role: doc.role as 'lead' | 'coordinating',
    viaGroup: doc.viaGroup ?? null,
    issuedOn,
    asOf: T,
    status,
    statusLabel: STATUS_LABELS[status],
    completedWithoutDeadline: C !== null && D === null,
    lifecycle,
    lifecycleLabel: LIFECYCLE_LABELS[lifecycle],
    deadline: D,
    completedOn: C,
    lastReportedOn,
    latestPercent: latestPercentAt(facts, T),
    staleNoReport,
  };
}

function lifecycleAt(facts: FactView, issuedOn: string, T: string): LifecycleStage {
  if (T < issuedOn) return 'notIssued';
  if (facts.cancelledOn !== null && facts.cancelledOn <= T) return 'cancelled';
  const reported = facts.episodes.filter((e) => e.completedOn <= T);
  const last = reported[reported.length - 1];
  if (last) {
    if (last.decision === null || last.decision.on > T) return 'awaitingConfirmation';
    return last.decision.accepted ? 'completed' : 'returned';
  }
  if (facts.progress.some((p) => p.reportedOn <= T)) return 'inProgress';
  return 'notStarted';
}

function latestPercentAt(facts: FactView, T: string): number | null {
  let best: { reportedOn: string; revision: number; percent: number } | null = null;
  for (const p of facts.progress) {
    if (p.reportedOn > T || p.percent === null) continue;
    if (!best || p.reportedOn > best.reportedOn || (p.reportedOn === best.reportedOn && p.revision > best.revision)) {
      best = { reportedOn: p.reportedOn, revision: p.revision, percent: p.percent };
    }
  }
  return best?.percent ?? null;
}

function latest(dates: string[]): string | null {
  return dates.reduce<string | null>((max, d) => (max === null || d > max ? d : max), null);
}
