import { EVENT_TYPES } from '@dm/contracts';
import { factsOf, type AssignmentDoc, type StatusFact } from './assignment-doc';

/** A reported completion and the monitoring office's decision on it, if any. */
export interface CompletionEpisode {
  completedOn: string;
  decision: { accepted: boolean; on: string } | null;
}

export interface ProgressFact {
  reportedOn: string;
  percent: number | null;
  revision: number;
}

/** What an assignment document's facts say, independent of any as-of date. */
export interface FactView {
  /** D: the deadline as last changed (by revision), else the issued task's deadline. */
  deadline: string | null;
  cancelledOn: string | null;
  /** The accepted completion (C is its completedOn). */
  accepted: { completedOn: string; confirmedOn: string } | null;
  progress: ProgressFact[];
  /** Reported completions in stream order, each with its decision. */
  episodes: CompletionEpisode[];
}

const str = (f: StatusFact, key: string): string => f.data[key] as string;

export function readFacts(doc: Pick<AssignmentDoc, 'facts'>): FactView {
  const view: FactView = { deadline: null, cancelledOn: null, accepted: null, progress: [], episodes: [] };

  for (const f of factsOf(doc, 'd')) {
    if (f.type === EVENT_TYPES.directiveIssued) {
      view.deadline = (f.data.deadline as string | null) ?? null;
    } else if (f.type === EVENT_TYPES.taskDeadlineChanged) {
      view.deadline = (f.data.deadline as string | null) ?? null;
    } else if (f.type === EVENT_TYPES.taskCancelled && view.cancelledOn === null) {
      view.cancelledOn = str(f, 'cancelledOn');
    }
  }

  for (const f of factsOf(doc, 'a')) {
    switch (f.type) {
      case EVENT_TYPES.progressReported:
        view.progress.push({ reportedOn: str(f, 'reportedOn'), percent: (f.data.percent as number | null) ?? null, revision: f.revision });
        break;
      case EVENT_TYPES.completionReported:
        view.episodes.push({ completedOn: str(f, 'completedOn'), decision: null });
        break;
      case EVENT_TYPES.completionConfirmed:
        decide(view, str(f, 'completedOn'), { accepted: true, on: str(f, 'confirmedOn') });
        view.accepted = { completedOn: str(f, 'completedOn'), confirmedOn: str(f, 'confirmedOn') };
        break;
      case EVENT_TYPES.completionReturned:
        decide(view, str(f, 'completedOn'), { accepted: false, on: str(f, 'returnedOn') });
        break;
    }
  }
  return view;
}

/** Attaches a decision to the pending completion (or records one if its report is missing). */
function decide(view: FactView, completedOn: string, decision: { accepted: boolean; on: string }): void {
  const pending = view.episodes[view.episodes.length - 1];
  if (pending && pending.decision === null) pending.decision = decision;
  else view.episodes.push({ completedOn, decision });
}
