import type { TimelineEntry } from '@dm/contracts';
import type { Projection } from '@dm/eventsourcing';
import type { FactEvent, FactSource } from '../assignments/assignment-doc';
import { ASSIGNMENT_FACT_TYPES, eventsByAssignment } from '../assignments/assignment-events';

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

const SOURCE_ORDER: Record<FactSource, number> = { d: 0, a: 1 };

/**
 * An assignment's timeline entries from both sources (its creation, its
 * task's deadline changes and cancellation, its own progress events), oldest
 * first by recordedAt, then source (`d` before `a`), then revision.
 */
export function timeline(entries: FactEvent[]): TimelineEntry[] {
  return entries
    .map((f): TimelineEntry => ({
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
