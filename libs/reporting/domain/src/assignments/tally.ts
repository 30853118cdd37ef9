import {
  EVENT_TYPES,
  type ActivityCounts,
  type CoordinatingBlock,
  type LifecycleCounts,
  type LifecycleStage,
  type OfficialStatus,
  type StatusCounts,
  type SummaryBlock,
} from '@dm/contracts';
import { assignedOnOf, factsOf, type AssignmentDoc } from './assignment-doc';
import { rate } from './rates';
import { DEFAULT_STATUS_RULES, deriveStatus, isRecordedLate, obligationsDueWithin, type StatusRules } from './status';

export interface ReportWindow {
  from: string;
  to: string;
}

/** Documents counted for a window: created, and started on or before its end. */
export function isCounted(doc: AssignmentDoc, to: string): boolean {
  return doc.created === true && assignedOnOf(doc) <= to;
}

const statusCounts = (): StatusCounts => ({
  completedOnTime: 0,
  completedLate: 0,
  inProgressWithinDeadline: 0,
  overdue: 0,
  noDeadline: 0,
  completedWithoutDeadline: 0,
  extendedAfterDue: 0,
  total: 0,
});
const lifecycleCounts = (): LifecycleCounts => ({
  notStarted: 0,
  inProgress: 0,
  awaitingConfirmation: 0,
  returned: 0,
  completed: 0,
  cancelled: 0,
  superseded: 0,
  revoked: 0,
});
const activityCounts = (): ActivityCounts => ({
  progressReports: 0,
  completionsReported: 0,
  confirmations: 0,
  returns: 0,
  reopenings: 0,
  recordedLate: 0,
});

/**
 * Counts already selected documents (of one block: official, requests) as
 * of `to`. Those closed by `to` count only in `lifecycle` (cancelled,
 * superseded, revoked); the live ones in `counts`, split by whether they
 * started before `from` (carried over) or within the window.
 *
 * "Due" (đến hạn), the base of `completed/due`: live assignments whose
 * deadline in force at `to` exists and is ≤ `to`. Its numerator is the due ones completed by `to`.
 */
export function tally(docs: AssignmentDoc[], { from, to }: ReportWindow, rules?: StatusRules): SummaryBlock {
  const counts = statusCounts();
  const carriedOver = statusCounts();
  const assignedInWindow = statusCounts();
  const lifecycle = lifecycleCounts();
  const activity = activityCounts();
  let due = 0;
  let completedDue = 0;

  let assigned = 0;
  for (const doc of docs) {
    countActivity(doc, from, to, activity, rules);
    for (const unit of unitsOf(doc, { from, to }, rules)) {
      assigned += 1;
      lifecycle[unit.lifecycle] += 1;
      if (unit.status === null) continue;
      const part = unit.startedOn < from ? carriedOver : assignedInWindow;
      for (const c of [counts, part]) {
        c.total += 1;
        c[unit.status] += 1;
        if (unit.completedWithoutDeadline) c.completedWithoutDeadline += 1;
        if (unit.extendedAfterDue) c.extendedAfterDue += 1;
      }
      if (unit.deadline !== null && unit.deadline <= to) {
        due += 1;
        if (unit.completedOn !== null) completedDue += 1;
      }
    }
  }

  return { assigned, counts, carriedOver, assignedInWindow, lifecycle, rates: ratesOf(counts, due, completedDue), activity };
}

/** What a summary counts: an assignment, or one obligation of a recurring one. */
interface CountedUnit {
  status: OfficialStatus | null;
  lifecycle: LifecycleStage;
  completedWithoutDeadline: boolean;
  extendedAfterDue: boolean;
  deadline: string | null;
  completedOn: string | null;
  /** When it began: the assignment's start, or the obligation's period start. */
  startedOn: string;
}

/**
 * The units a document counts for in a window, as of its end: a one-off
 * assignment once; a recurring one once per obligation due within the window
 * (none when none is due), or once as closed when it closed by the end.
 */
function unitsOf(doc: AssignmentDoc, { from, to }: ReportWindow, rules?: StatusRules): CountedUnit[] {
  const s = deriveStatus(doc, to, rules);
  const startedOn = assignedOnOf(doc);
  if (!doc.recurrence || s.status === null) return [{ ...s, startedOn }];
  return obligationsDueWithin(doc, doc.recurrence, from, to).map((o) => ({
    status: o.status,
    lifecycle: o.lifecycle,
    completedWithoutDeadline: false,
    extendedAfterDue: false,
    deadline: o.dueOn,
    completedOn: o.completedOn,
    startedOn: o.from < startedOn ? startedOn : o.from,
  }));
}

/** Coordinating assignments: how many, their stages and activity; they carry no official status. */
export function tallyCoordinating(docs: AssignmentDoc[], { from, to }: ReportWindow, rules?: StatusRules): CoordinatingBlock {
  const lifecycle = lifecycleCounts();
  const activity = activityCounts();
  let total = 0;
  for (const doc of docs) {
    countActivity(doc, from, to, activity, rules);
    const s = deriveStatus(doc, to, rules);
    lifecycle[s.lifecycle] += 1;
    if (s.closedOn === null) total += 1;
  }
  return { assigned: docs.length, total, lifecycle, activity };
}

function ratesOf(c: StatusCounts, due: number, completedDue: number) {
  const completed = c.completedOnTime + c.completedLate;
  return [
    rate('completed/assigned', 'Tỷ lệ hoàn thành trên tổng số nhiệm vụ được giao', completed, c.total),
    rate('completedOnTime/completed', 'Tỷ lệ hoàn thành đúng hạn trên số nhiệm vụ đã hoàn thành', c.completedOnTime, completed),
    rate(
      'completed/(completed+overdue)',
      'Tỷ lệ hoàn thành trên số nhiệm vụ đã hoàn thành và quá hạn chưa hoàn thành',
      completed,
      completed + c.overdue,
    ),
    rate('overdue/assigned', 'Tỷ lệ quá hạn chưa hoàn thành trên tổng số nhiệm vụ được giao', c.overdue, c.total),
    rate('completed/due', 'Tỷ lệ hoàn thành trên số nhiệm vụ đến hạn', completedDue, due),
  ];
}

const ACTIVITY: Record<string, [keyof ActivityCounts, string]> = {
  [EVENT_TYPES.progressReported]: ['progressReports', 'reportedOn'],
  [EVENT_TYPES.completionReported]: ['completionsReported', 'completedOn'],
  [EVENT_TYPES.completionConfirmed]: ['confirmations', 'confirmedOn'],
  [EVENT_TYPES.completionReturned]: ['returns', 'returnedOn'],
  [EVENT_TYPES.completionReopened]: ['reopenings', 'reopenedOn'],
};
const REPORTS: ReadonlySet<string> = new Set([EVENT_TYPES.progressReported, EVENT_TYPES.completionReported]);

function countActivity(doc: AssignmentDoc, from: string, to: string, activity: ActivityCounts, rules = DEFAULT_STATUS_RULES): void {
  for (const f of factsOf(doc, 'a')) {
    const entry = Object.hasOwn(ACTIVITY, f.type) ? ACTIVITY[f.type] : undefined;
    if (!entry) continue;
    const date = f.data[entry[1]];
    if (typeof date !== 'string' || date < from || date > to) continue;
    activity[entry[0]] += 1;
    if (REPORTS.has(f.type) && isRecordedLate(date, f.recordedAt, rules)) activity.recordedLate += 1;
  }
}
