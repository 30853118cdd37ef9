import { EVENT_TYPES, type ActivityCounts, type LifecycleCounts, type StatusCounts, type SummaryBlock } from '@dm/contracts';
import { factsOf, type AssignmentDoc } from './assignment-doc';
import { rate } from './rates';
import { deriveStatus } from './status';

export interface ReportWindow {
  from: string;
  to: string;
}

/** Documents counted for a window: created, of directives issued on or before its end. */
export function isCounted(doc: AssignmentDoc, to: string): boolean {
  return doc.created === true && typeof doc.issuedOn === 'string' && doc.issuedOn <= to;
}

/**
 * Counts already selected documents (all of one role) as of `to`. Cancelled
 * (cancelledOn ≤ to) ones count only in `lifecycle.cancelled`.
 *
 * "Due" (đến hạn), the base of `completed/due`: live assignments whose
 * deadline D exists and D ≤ to, i.e. every overdue and every late one, those
 * completed on time whose deadline has passed (or is `to` itself), and those in
 * progress whose deadline is `to`. Its numerator is the due ones completed by `to`.
 */
export function tally(docs: AssignmentDoc[], { from, to }: ReportWindow): SummaryBlock {
  const counts: StatusCounts = {
    completedOnTime: 0,
    completedLate: 0,
    inProgressWithinDeadline: 0,
    overdue: 0,
    noDeadline: 0,
    completedWithoutDeadline: 0,
    total: 0,
  };
  const lifecycle: LifecycleCounts = { notStarted: 0, inProgress: 0, awaitingConfirmation: 0, returned: 0, completed: 0, cancelled: 0 };
  const activity: ActivityCounts = { progressReports: 0, completionsReported: 0, confirmations: 0, returns: 0 };
  let due = 0;
  let completedDue = 0;

  for (const doc of docs) {
    countActivity(doc, from, to, activity);
    const s = deriveStatus(doc, to);
    if (s.lifecycle === 'cancelled') {
      lifecycle.cancelled += 1;
      continue;
    }
    if (s.lifecycle === 'notIssued') continue;
    counts.total += 1;
    counts[s.status] += 1;
    if (s.completedWithoutDeadline) counts.completedWithoutDeadline += 1;
    lifecycle[s.lifecycle] += 1;
    if (s.deadline !== null && s.deadline <= to) {
      due += 1;
      if (s.completedOn !== null) completedDue += 1;
    }
  }

  return { counts, lifecycle, rates: ratesOf(counts, due, completedDue), activity };
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
};

function countActivity(doc: AssignmentDoc, from: string, to: string, activity: ActivityCounts): void {
  for (const f of factsOf(doc, 'a')) {
    const entry = Object.hasOwn(ACTIVITY, f.type) ? ACTIVITY[f.type] : undefined;
    if (!entry) continue;
    const date = f.data[entry[1]];
    if (typeof date === 'string' && from <= date && date <= to) activity[entry[0]] += 1;
  }
}
