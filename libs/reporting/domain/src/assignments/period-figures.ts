import type { AssignmentDoc } from './assignment-doc';
import { deriveStatus, type StatusRules } from './status';
import { summarize, type Summary } from './summary';
import type { ReportWindow } from './tally';

export interface PeriodFigures {
  summary: Summary;
  statuses: Array<{ assignmentId: string; status: string | null; lifecycle: string }>;
}

/**
 * What an audit export carries of a period (docs/audit.md, "Exports"), and
 * what its verifier recomputes from the events: the summary of the documents,
 * and each one's status and stage at the window's end, ordered by id.
 */
export function periodFigures(docs: Array<AssignmentDoc & { _id: string }>, window: ReportWindow, rules: StatusRules): PeriodFigures {
  return {
    summary: summarize(docs, window, rules),
    statuses: docs
      .map((doc) => {
        const state = deriveStatus(doc, window.to, rules);
        return { assignmentId: doc._id, status: state.status ?? null, lifecycle: state.lifecycle };
      })
      .sort((a, b) => a.assignmentId.localeCompare(b.assignmentId)),
  };
}
