import { EVENT_TYPES, type TimelineEntry } from '@dm/contracts';
import type { Projection } from '@dm/eventsourcing';
import type { FactEvent } from '../assignments/assignment-doc';
import { ASSIGNMENT_FACT_TYPES, eventsByAssignment } from '../assignments/assignment-events';
import { DEFAULT_STATUS_RULES, isRecordedLate, type StatusRules } from '../assignments/status';

export const TIMELINE = 'timeline';

/** A timeline document: one event as it concerns one assignment. */
export interface TimelineDoc {
  _id: string;
  assignmentId: string;
  entry: FactEvent;
}

export const timelineEntryId = (assignmentId: string, fact: Pick<FactEvent, 'source' | 'revision'>) =>
  `${assignmentId}:${fact.source}:${fact.revision}`;

/**
 * The `timeline` read model: every event that changed an assignment, whole,
 * once per assignment it concerns. Insert-only: a replay finds the entry
 * there and changes nothing.
 */
export const timelineProjection: Projection = {
  collection: TIMELINE,
  canHandle: ASSIGNMENT_FACT_TYPES,
  indexes: [['assignmentId']],
  evolve: (event) =>
    eventsByAssignment(event).map(([assignmentId, entry]) => ({
      id: timelineEntryId(assignmentId, entry),
      source: 't',
      revision: 0,
      setOnInsert: {},
      set: { assignmentId, entry },
      insertOnly: true,
    })),
};

const SOURCE_ORDER: Record<TimelineEntry['source'], number> = { d: 0, a: 1, r: 2 };

/** The business date of each report, which its recording lag is measured from. */
const REPORT_DATE: Record<string, string> = {
  [EVENT_TYPES.progressReported]: 'reportedOn',
  [EVENT_TYPES.completionReported]: 'completedOn',
};

/** A report's flags: recorded late, and the agency a monitoring officer recorded it for. */
function reportFlags(f: FactEvent, rules: StatusRules): Partial<TimelineEntry> {
  if (!Object.hasOwn(REPORT_DATE, f.type)) return {};
  const flags: Partial<TimelineEntry> = { recordedLate: isRecordedLate(String(f.data[REPORT_DATE[f.type]]), f.recordedAt, rules) };
  if (f.data.incomingDocument) flags.onBehalfOf = String(f.data.agencyId);
  return flags;
}

/**
 * An assignment's timeline entries from both sources (its start, its
 * deadline changes and closure, its own progress events), oldest first by
 * recordedAt, then source (`d` before `a`), then revision. Reports carry
 * `recordedLate`, and `onBehalfOf` when a monitoring officer recorded them.
 */
export function timeline(entries: FactEvent[], rules: StatusRules = DEFAULT_STATUS_RULES): TimelineEntry[] {
  return entries
    .map((f): TimelineEntry => ({
      ...reportFlags(f, rules),
      type: f.type,
      occurredAt: f.occurredAt,
      recordedAt: f.recordedAt,
      actor: f.actor,
      data: f.data,
      source: f.source,
      streamId: f.streamId,
      revision: f.revision,
      eventId: f.eventId,
    }))
    .sort(
      (a, b) => compareInstants(a.recordedAt, b.recordedAt) || SOURCE_ORDER[a.source] - SOURCE_ORDER[b.source] || a.revision - b.revision,
    );
}

/** Compares ISO instants by time (whatever their offsets); text order only if one does not parse. */
function compareInstants(a: string, b: string): number {
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (!Number.isNaN(ta) && !Number.isNaN(tb)) return ta - tb;
  return a < b ? -1 : a > b ? 1 : 0;
}
