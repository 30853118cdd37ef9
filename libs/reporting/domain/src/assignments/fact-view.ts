import { closedAssignments, EVENT_TYPES, type Closure } from '@dm/contracts';
import type { DeadlineEntry } from '@dm/periods';
import { factsOf, type AssignmentDoc, type StatusFact } from './assignment-doc';

/** A reported completion, the monitoring office's decision on it, and its reopening, if any. */
export interface CompletionEpisode {
  /** The period of a recurring task's obligation; `''` on a one-off task. */
  period: string;
  completedOn: string;
  decision: { accepted: boolean; on: string } | null;
  reopenedOn: string | null;
}

/** A report the agency made (or a monitoring officer recorded for it): its business date and when it was recorded. */
export interface ReportFact {
  on: string;
  recordedAt: string | null;
}

export interface ProgressFact extends ReportFact {
  percent: number | null;
  revision: number;
}

/** What an assignment document's facts say, independent of any as-of date. */
export interface FactView {
  /** Its deadlines by effective date: the first from its start, then each change from its `changedOn`. */
  deadlines: DeadlineEntry[];
  /** How and from when it closed (the first closure), or null. */
  closure: { as: Closure; on: string } | null;
  progress: ProgressFact[];
  /** Reported completions in stream order, each with its decision and reopening. */
  episodes: CompletionEpisode[];
  /** Every progress report and reported completion. */
  reports: ReportFact[];
}

const str = (f: StatusFact, key: string): string => f.data[key] as string;

export function readFacts(doc: Pick<AssignmentDoc, 'facts' | 'assignedOn' | 'issuedOn'>): FactView {
  const view: FactView = { deadlines: [], closure: null, progress: [], episodes: [], reports: [] };
  for (const f of factsOf(doc, 'd')) {
    if (isStartFact(f)) {
      view.deadlines.unshift({ effectiveOn: startOf(doc, f), deadline: (f.data.deadline as string | null) ?? null });
    } else if (f.type === EVENT_TYPES.taskDeadlineChanged) {
      view.deadlines.push({ effectiveOn: str(f, 'changedOn') ?? startOf(doc, f), deadline: (f.data.deadline as string | null) ?? null });
    } else if (view.closure === null) {
      const closure = closedAssignments({ type: f.type, data: { ...f.data, assignmentIds: [] } });
      if (closure) view.closure = { as: closure.as, on: closure.on };
    }
  }
  // Stable: changes keep their recorded order within one effective date.
  view.deadlines.sort((a, b) => (a.effectiveOn < b.effectiveOn ? -1 : a.effectiveOn > b.effectiveOn ? 1 : 0));
  for (const f of factsOf(doc, 'a')) {
    const recordedAt = f.recordedAt ?? null;
    switch (f.type) {
      case EVENT_TYPES.progressReported:
        view.progress.push({
          on: str(f, 'reportedOn'),
          percent: (f.data.percent as number | null) ?? null,
          revision: f.revision,
          recordedAt,
        });
        view.reports.push({ on: str(f, 'reportedOn'), recordedAt });
        break;
      case EVENT_TYPES.completionReported:
        view.episodes.push({ period: periodOf(f), completedOn: str(f, 'completedOn'), decision: null, reopenedOn: null });
        view.reports.push({ on: str(f, 'completedOn'), recordedAt });
        break;
      case EVENT_TYPES.completionConfirmed:
        decide(view, periodOf(f), str(f, 'completedOn'), { accepted: true, on: str(f, 'confirmedOn') });
        break;
      case EVENT_TYPES.completionReturned:
        decide(view, periodOf(f), str(f, 'completedOn'), { accepted: false, on: str(f, 'returnedOn') });
        break;
      case EVENT_TYPES.completionReopened: {
        const accepted = view.episodes.filter((e) => e.period === periodOf(f) && e.decision?.accepted).pop();
        if (accepted) accepted.reopenedOn = str(f, 'reopenedOn');
        break;
      }
    }
  }
  return view;
}

const STARTS: ReadonlySet<string> = new Set([
  EVENT_TYPES.directiveIssued,
  EVENT_TYPES.taskAdded,
  EVENT_TYPES.taskAgencyAdded,
  EVENT_TYPES.taskLeadChanged,
]);

/** The fact that started the assignment (directive.issued facts written before 0.2 carry no `starts`). */
export const isStartFact = (f: StatusFact) => STARTS.has(f.type) && (f.type === EVENT_TYPES.directiveIssued || 'starts' in f.data);
const startOf = (doc: Pick<AssignmentDoc, 'assignedOn' | 'issuedOn'>, f: StatusFact) =>
  (f.data.starts as string | undefined) ?? doc.assignedOn ?? (doc.issuedOn as string);

const periodOf = (f: StatusFact): string => (typeof f.data.period === 'string' ? f.data.period : '');

/** Attaches a decision to the period's pending completion (or records one if its report is missing). */
function decide(view: FactView, period: string, completedOn: string, decision: { accepted: boolean; on: string }): void {
  const pending = view.episodes.filter((e) => e.period === period).pop();
  if (pending && pending.decision === null) pending.decision = decision;
  else view.episodes.push({ period, completedOn, decision, reopenedOn: null });
}
