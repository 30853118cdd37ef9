import { canonicalJson, type RecordedEvent } from '@dm/contracts';
import { parsePeriod, type PeriodCalendar } from '@dm/periods';
import { asKnownAt, foldAssignments, periodFigures, type AssignmentDoc, type StatusRules, type Summary } from '@dm/reporting-domain';

/** A directive's summary of a period and its assignments' statuses, as the server answered them as known at a time. */
export interface IssuedFigures {
  kind: 'figures';
  directiveId: string;
  period: string;
  calendar: PeriodCalendar;
  knownAt: string;
  rules: StatusRules;
  summary: Summary;
  statuses: AssignmentStatusLine[];
}

export interface AssignmentStatusLine {
  assignmentId: string;
  status: string | null;
  lifecycle: string;
}

/**
 * The same figures from the events alone (docs/audit.md, "The offline
 * verifier"): the assignments read model folded from the events recorded by
 * `knownAt`, with the reporting domain's own projection and status rules.
 */
export function recomputeFigures(events: Iterable<RecordedEvent>, issued: Omit<IssuedFigures, 'kind' | 'summary' | 'statuses'>) {
  const limit = Date.parse(issued.knownAt);
  const docs = foldAssignments([...events].filter((event) => Date.parse(event.recordedAt) <= limit));
  const window = parsePeriod(issued.period, issued.calendar);
  const known = [...docs.values()]
    .map((doc) => asKnownAt(doc, issued.knownAt))
    .filter((d): d is AssignmentDoc => !!d && d.directiveId === issued.directiveId && (d.issuedOn as string) <= window.to);
  return periodFigures(known, { from: window.from, to: window.to }, issued.rules);
}

/** The first place two values differ, as a path (`official.overdue`), with both values; null when equal. */
export function firstDifference(
  issued: unknown,
  recomputed: unknown,
  path = '',
): { path: string; issued: unknown; recomputed: unknown } | null {
  if (canonicalJson(issued) === canonicalJson(recomputed)) return null;
  if (issued && recomputed && typeof issued === 'object' && typeof recomputed === 'object') {
    const keys = [...new Set([...Object.keys(issued), ...Object.keys(recomputed)])].sort();
    for (const key of keys) {
      const found = firstDifference(
        (issued as Record<string, unknown>)[key],
        (recomputed as Record<string, unknown>)[key],
        path ? `${path}.${key}` : key,
      );
      if (found) return found;
    }
  }
  return { path: path || '(the whole)', issued, recomputed };
}
