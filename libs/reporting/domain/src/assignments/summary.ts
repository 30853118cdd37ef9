import { ValidationError } from '@dm/eventsourcing';
import type { AssignmentDoc } from './assignment-doc';
import type { SummaryBlock } from '@dm/contracts';
import { isCounted, tally, type ReportWindow } from './tally';

/** Lead assignments at the top level (the official counts); coordinating ones beside. */
export interface Summary extends SummaryBlock {
  from: string;
  to: string;
  /** Every status is evaluated as of the end of the window. */
  asOf: string;
  coordinating: SummaryBlock;
}

export interface Scorecard extends SummaryBlock {
  agencyId: string;
}

/**
 * Counts the documents that are created and whose directive was issued on or
 * before `to`, evaluated as of `to`. `counts` partition the live (not
 * cancelled by `to`) lead assignments; `activity` counts the facts dated
 * within [from, to]. The caller selects the documents (e.g. one agency or one directive).
 */
export function summarize(docs: AssignmentDoc[], window: ReportWindow): Summary {
  const { from, to } = checkWindow(window);
  const counted = docs.filter((d) => isCounted(d, to));
  return {
    from,
    to,
    asOf: to,
    ...tally(
      counted.filter((d) => d.role === 'lead'),
      { from, to },
    ),
    coordinating: tally(
      counted.filter((d) => d.role === 'coordinating'),
      { from, to },
    ),
  };
}

/** One row per agency with a counted lead assignment, with the same counts and rates, sorted by agencyId. */
export function scorecards(docs: AssignmentDoc[], window: ReportWindow): Scorecard[] {
  const { from, to } = checkWindow(window);
  const byAgency = new Map<string, AssignmentDoc[]>();
  for (const doc of docs) {
    if (!isCounted(doc, to) || doc.role !== 'lead' || typeof doc.agencyId !== 'string') continue;
    const list = byAgency.get(doc.agencyId) ?? [];
    list.push(doc);
    byAgency.set(doc.agencyId, list);
  }
  return [...byAgency.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((agencyId) => ({ agencyId, ...tally(byAgency.get(agencyId) as AssignmentDoc[], { from, to }) }));
}

function checkWindow(window: ReportWindow): ReportWindow {
  const { from, to } = window;
  if (from > to) throw new ValidationError(`from ${from} is after to ${to}`, 'from');
  return { from, to };
}
