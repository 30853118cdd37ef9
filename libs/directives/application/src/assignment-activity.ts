import { EVENT_TYPES, type RecordedEvent } from '@dm/contracts';
import { writesOf, type Document, type Projection } from '@dm/eventsourcing';
import type { ReadStore } from '@dm/read-store';

export const ACTIVITY_COLLECTION = 'assignment_activity';

/** The business date each assignment event states. */
const DATE_FIELD: Record<string, string> = {
  [EVENT_TYPES.progressReported]: 'reportedOn',
  [EVENT_TYPES.completionReported]: 'completedOn',
  [EVENT_TYPES.completionConfirmed]: 'confirmedOn',
  [EVENT_TYPES.completionReturned]: 'returnedOn',
  [EVENT_TYPES.completionReopened]: 'reopenedOn',
};

/**
 * task-assignment's read model of each assignment's activity, from the
 * progress topic: the latest business date recorded on it, one field however
 * many reports it has.
 */
export interface ActivityDoc extends Document {
  /** The latest business date any of its events states (kept with `max`). */
  lastOn?: string;
  /** Before read-model version 7, each event's date by revision (`r<revision>`): read as well, never written. */
  dates?: Record<string, string>;
  /** A one-off task's completion accepted and not reopened since: its work is done. */
  acceptedOnce?: boolean;
}

/** What a completion decision says of a one-off task's work (a recurring task's periods are never all done). */
const ACCEPTANCE: Record<string, boolean> = { [EVENT_TYPES.completionConfirmed]: true, [EVENT_TYPES.completionReopened]: false };

export const assignmentActivityProjection: Projection = {
  collection: ACTIVITY_COLLECTION,
  canHandle: Object.keys(DATE_FIELD),
  evolve(event) {
    const data = event.data as Record<string, unknown>;
    const date = data[DATE_FIELD[event.type]];
    if (typeof date !== 'string' || typeof data.assignmentId !== 'string') return [];
    const accepted = Object.hasOwn(ACCEPTANCE, event.type) && !data.period ? { acceptedOnce: ACCEPTANCE[event.type] } : {};
    return [
      {
        id: data.assignmentId,
        source: 'a',
        revision: event.streamRevision,
        set: accepted,
        max: { lastOn: date },
      },
    ];
  },
};

/** The last business date recorded on each assignment, for the rule that nothing is cancelled before it. */
export class AssignmentActivity {
  constructor(private readonly store: ReadStore) {}

  async apply(events: RecordedEvent[]): Promise<void> {
    const writes = writesOf(assignmentActivityProjection, events);
    if (writes.length) await this.store.applyFacts(ACTIVITY_COLLECTION, writes);
  }

  /** By assignment id, the latest business date recorded on it; assignments with nothing recorded are left out. */
  async lastRecordedOn(ids: string[]): Promise<Record<string, string>> {
    const last: Record<string, string> = {};
    for (let i = 0; i < ids.length; i += 500) {
      const docs = await this.store.find<ActivityDoc>(ACTIVITY_COLLECTION, { where: { _id: { in: ids.slice(i, i + 500) } } });
      for (const doc of docs) {
        const dates = [...(doc.lastOn ? [doc.lastOn] : []), ...Object.values(doc.dates ?? {})];
        if (dates.length) last[doc._id] = dates.reduce((a, b) => (b > a ? b : a));
      }
    }
    return last;
  }

  /** Of these assignments, those whose one-off completion stands accepted. */
  async acceptedOnce(ids: string[]): Promise<string[]> {
    const done: string[] = [];
    for (let i = 0; i < ids.length; i += 500) {
      const docs = await this.store.find<ActivityDoc>(ACTIVITY_COLLECTION, { where: { _id: { in: ids.slice(i, i + 500) } } });
      done.push(...docs.filter((d) => d.acceptedOnce === true).map((d) => d._id));
    }
    return done;
  }

  truncate(): Promise<void> {
    return this.store.truncate(ACTIVITY_COLLECTION);
  }
}
