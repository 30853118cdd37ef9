import type { CoordinatingBlock, SummaryBlock } from '@dm/contracts';
import { ValidationError } from '@dm/eventsourcing';
import { holderOn, type AssignmentDoc } from './assignment-doc';
import type { StatusRules } from './status';
import { isCounted, tally, tallyCoordinating, type ReportWindow } from './tally';

/** The official block at the top level (lead assignments of orders); requests and coordinating assignments beside. */
export interface Summary extends SummaryBlock {
  from: string;
  to: string;
  /** Every status is evaluated as of the end of the window. */
  asOf: string;
  requests: SummaryBlock;
  coordinating: CoordinatingBlock;
}

export interface Scorecard extends SummaryBlock {
  agencyId: string;
  requests: SummaryBlock;
}

/** Which block of a summary an assignment counts in (docs/domain.md, "Summaries and scorecards"). */
export type Block = 'official' | 'requests' | 'coordinating';
export function blockOf(doc: AssignmentDoc): Block {
  if (doc.role === 'coordinating') return 'coordinating';
  return doc.mode === 'de-nghi' ? 'requests' : 'official';
}

/**
 * Counts the documents started by `to`, each evaluated as of `to`, in three
 * blocks that partition them: official (lead assignments of orders and
 * requirements), requests (lead assignments of `de-nghi` tasks) and
 * coordinating. The caller selects the documents (one agency, one directive).
 */
export function summarize(docs: AssignmentDoc[], window: ReportWindow, rules?: StatusRules): Summary {
  const { from, to } = checkWindow(window);
  const byBlock = partition(docs.filter((d) => isCounted(d, to)));
  return {
    from,
    to,
    asOf: to,
    ...tally(byBlock.official, { from, to }, rules),
    requests: tally(byBlock.requests, { from, to }, rules),
    coordinating: tallyCoordinating(byBlock.coordinating, { from, to }, rules),
  };
}

/** One row per agency holding a counted lead assignment (official or request) at the window's end, sorted by agencyId. */
export function scorecards(docs: AssignmentDoc[], window: ReportWindow, rules?: StatusRules): Scorecard[] {
  const { from, to } = checkWindow(window);
  const byAgency = new Map<string, AssignmentDoc[]>();
  for (const doc of docs) {
    if (!isCounted(doc, to) || doc.role !== 'lead' || typeof doc.agencyId !== 'string') continue;
    const holder = holderOn(doc, to);
    const list = byAgency.get(holder) ?? [];
    list.push(doc);
    byAgency.set(holder, list);
  }
  return [...byAgency.keys()].sort().map((agencyId) => {
    const blocks = partition(byAgency.get(agencyId) as AssignmentDoc[]);
    return { agencyId, ...tally(blocks.official, { from, to }, rules), requests: tally(blocks.requests, { from, to }, rules) };
  });
}

function partition(docs: AssignmentDoc[]): Record<Block, AssignmentDoc[]> {
  const blocks: Record<Block, AssignmentDoc[]> = { official: [], requests: [], coordinating: [] };
  for (const doc of docs) blocks[blockOf(doc)].push(doc);
  return blocks;
}

function checkWindow(window: ReportWindow): ReportWindow {
  const { from, to } = window;
  if (from > to) throw new ValidationError(`from ${from} is after to ${to}`, 'from');
  return { from, to };
}
