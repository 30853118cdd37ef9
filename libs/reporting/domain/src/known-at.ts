import { EVENT_TYPES } from '@dm/contracts';
import { factKey, factsOf, type AssignmentDoc, type FactEvent, type FactSource, type StatusFact } from './assignments/assignment-doc';
import { isStartFact } from './assignments/fact-view';
import type { DirectiveDoc } from './directives/directives.projection';

/**
 * The read models as they stood at a record time `knownAt` (docs/domain.md,
 * "As known at a time"): only facts recorded at or before it. A fact without
 * a record time (written by an older version) counts as known.
 */
const recordedBy = (knownAt: string) => {
  const limit = Date.parse(knownAt);
  return (fact: { recordedAt?: string }) => fact.recordedAt === undefined || Date.parse(fact.recordedAt) <= limit;
};

/**
 * An assignment document as known at `knownAt`: its facts recorded by then,
 * and the header fields later facts overwrite (who monitors it, who has
 * held it) as they stood then; null when it was not known yet (its start
 * recorded later) or never created.
 */
export function asKnownAt<D extends AssignmentDoc>(doc: D, knownAt: string): D | null {
  if (doc.created !== true) return null;
  const known = recordedBy(knownAt);
  const start = factsOf(doc, 'd').find(isStartFact);
  if (start && !known(start)) return null;

  const facts: AssignmentDoc['facts'] = {};
  const rev: AssignmentDoc['rev'] = {};
  for (const source of ['d', 'a'] as FactSource[]) {
    const kept = factsOf(doc, source).filter(known);
    if (!kept.length) continue;
    facts[source] = Object.fromEntries(kept.map((f) => [factKey(f.revision), f]));
    rev[source] = kept[kept.length - 1].revision;
  }
  const { transferred, heldBy, monitoringAgency, ...header } = doc;
  void transferred;
  void heldBy;
  const moves = (facts.d ? Object.values(facts.d) : []).filter((f) => f.type === EVENT_TYPES.assignmentsTransferred);
  return {
    ...header,
    rev,
    facts,
    monitoringAgency: monitoringAgencyKnown(factsOf(doc, 'd'), known) ?? monitoringAgency,
    ...(moves.length ? { transferred: true, heldBy: Object.fromEntries(moves.map((f) => [String(f.data.to), true])) } : {}),
  } as D;
}

/**
 * Who monitored the assignment's directive as last recorded by then: the
 * successor of the last monitoring transfer known, else the agency the
 * first transfer (recorded later) moved it from; undefined without transfers.
 */
function monitoringAgencyKnown(facts: StatusFact[], known: (f: StatusFact) => boolean): string | undefined {
  const transfers = facts.filter((f) => f.type === EVENT_TYPES.monitoringTransferred);
  const last = transfers.filter(known).pop();
  if (last) return String(last.data.to);
  return transfers.length ? String(transfers[0].data.from) : undefined;
}

/** A directive document as known at `knownAt`: its changes recorded by then; null when its issue was recorded later. */
export function directiveAsKnownAt<D extends DirectiveDoc>(doc: D, knownAt: string): D | null {
  const known = recordedBy(knownAt);
  if (!doc.created || !known(doc)) return null;
  const changes = Object.fromEntries(Object.entries(doc.changes ?? {}).filter(([, change]) => known(change)));
  return { ...doc, changes };
}

/** Timeline entries recorded by `knownAt`. */
export const entriesKnownAt = (entries: FactEvent[], knownAt: string): FactEvent[] => entries.filter(recordedBy(knownAt));
