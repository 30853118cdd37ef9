import {
  REGISTRY_STREAM,
  type RecordedEvent,
  assignmentStreamId,
  directiveImportStreamId,
  directiveStreamId,
  EVENT_TYPES,
  startedAssignments,
} from '@dm/contracts';
import { NotFoundError, type EventStore } from '@dm/eventsourcing';
import { eventsByAssignment } from '@dm/reporting-domain';

/** What an inspection timeline covers (docs/audit.md, "Inspection API"). */
export type TimelineScope =
  { registry: true } | { directiveId: string; taskNumber?: string } | { assignmentId: string } | { agencyId: string };

export interface TimelineFilter {
  /** Event types, exact or a prefix ending in `.` (`assignment.`). */
  types?: string[];
  userId?: string;
  /** Recorded at or after (ISO 8601 instant, UTC). */
  from?: string;
  /** Recorded strictly after: where a "what changed" view starts. */
  since?: string;
  /** Recorded at or before. */
  to?: string;
  /** How many entries of the ordered answer to skip (the `next` of the page before). */
  after?: number;
  limit?: number;
}

export interface TimelineEntry {
  store: string;
  position: number;
  streamId: string;
  revision: number;
  eventId: string;
  type: string;
  occurredAt: string;
  recordedAt: string;
  actor: RecordedEvent['actor'];
  correlationId: string;
  data: unknown;
  prevHash: string;
  hash: string;
}

interface AssignmentFacts {
  directiveId: string;
  taskNumber: string;
  /** The agency assigned and every successor it was transferred to. */
  agencies: Set<string>;
}

/**
 * Timelines read from the event stores themselves, not the read models: the
 * registry's, a directive's, a task's, an assignment's or an agency's events,
 * the stores merged by record time (the reporting store's events that name
 * the directive, assignment or agency among them), filtered and paginated. An index of the
 * directive streams (which assignment belongs to which directive, task and
 * agencies) is kept up to date from the store's global order.
 */
export class EventTimeline {
  private readonly assignments = new Map<string, AssignmentFacts>();
  private indexed = 0;

  constructor(
    private readonly directives: EventStore,
    private readonly progress: EventStore,
    /** The reporting context's store (calendar, regimes, periodic and issued reports, reminders), when audited here. */
    private readonly reporting?: EventStore,
  ) {}

  async read(scope: TimelineScope, filter: TimelineFilter = {}) {
    await this.refresh();
    const all = (await this.collect(scope)).filter((e) => matches(e, filter));
    return page(all, filter);
  }

  /** The events recorded between two record times, with counts by type and the streams they touched. */
  async changes(scope: TimelineScope | null, from: string, to: string, filter: TimelineFilter = {}) {
    const answer = scope
      ? await this.read(scope, { ...filter, since: from, to })
      : await this.readEverything({ ...filter, since: from, to });
    const byType: Record<string, number> = {};
    const streams = new Set<string>();
    for (const e of answer.events) {
      byType[e.type] = (byType[e.type] ?? 0) + 1;
      streams.add(e.streamId);
    }
    return { from, to, ...answer, byType, streams: [...streams].sort() };
  }

  private async readEverything(filter: TimelineFilter) {
    const entries: TimelineEntry[] = [];
    for (const store of this.stores())
      for await (const e of store.readAll()) if (matches(entryOf(store.name, e), filter)) entries.push(entryOf(store.name, e));
    return page(entries, filter);
  }

  private async collect(scope: TimelineScope): Promise<TimelineEntry[]> {
    if ('registry' in scope) return this.stream(this.directives, REGISTRY_STREAM);
    if ('agencyId' in scope) {
      const ids = [...this.assignments].filter(([, a]) => a.agencies.has(scope.agencyId)).map(([id]) => id);
      const quoted = JSON.stringify(scope.agencyId);
      const registry = (await this.stream(this.directives, REGISTRY_STREAM)).filter((e) => JSON.stringify(e.data).includes(quoted));
      if (!ids.length && !registry.length)
        throw new NotFoundError(`No assignment of ${scope.agencyId} and no registry change naming it`, 'agencyId');
      return [...registry, ...(await this.ofAssignments(ids)), ...(await this.reportingAbout('agencyId', scope.agencyId))];
    }
    if ('assignmentId' in scope) {
      if (!this.assignments.has(scope.assignmentId)) throw new NotFoundError(`No assignment ${scope.assignmentId}`, 'assignmentId');
      return [...(await this.ofAssignments([scope.assignmentId])), ...(await this.reportingAbout('assignmentId', scope.assignmentId))];
    }
    const ids = [...this.assignments]
      .filter(([, a]) => a.directiveId === scope.directiveId && (!scope.taskNumber || a.taskNumber === scope.taskNumber))
      .map(([id]) => id);
    if (!ids.length)
      throw new NotFoundError(
        scope.taskNumber ? `No task ${scope.taskNumber} in directive ${scope.directiveId}` : `No directive ${scope.directiveId}`,
      );
    if (!scope.taskNumber) {
      const own = await this.stream(this.directives, directiveStreamId(scope.directiveId));
      return [
        ...own,
        ...(await this.importOf(own)),
        ...(await this.progressOf(ids)),
        ...(await this.reportingAbout('directiveId', scope.directiveId)),
      ];
    }
    return this.ofAssignments(ids);
  }

  /** Assignments' own streams, and the events of their directives that concern them or the whole directive. */
  private async ofAssignments(ids: string[]): Promise<TimelineEntry[]> {
    const wanted = new Set(ids);
    const directives = new Set(ids.map((id) => this.assignments.get(id)!.directiveId));
    const entries: TimelineEntry[] = [];
    for (const directiveId of directives)
      for (const e of await this.events(this.directives, directiveStreamId(directiveId))) {
        const concerned = eventsByAssignment(e).map(([id]) => id);
        if (!concerned.length || concerned.some((id) => wanted.has(id))) entries.push(entryOf(this.directives.name, e));
      }
    return [...entries, ...(await this.progressOf(ids))];
  }

  /** The import draft a directive was issued from (docs/import.md): its import, corrections and issue. */
  private async importOf(own: TimelineEntry[]): Promise<TimelineEntry[]> {
    const issued = own.find((e) => e.type === EVENT_TYPES.directiveIssued)?.data as { importDraftId?: string } | undefined;
    return issued?.importDraftId ? this.stream(this.directives, directiveImportStreamId(issued.importDraftId)) : [];
  }

  /** The reporting store's events naming a directive, an assignment or an agency (its regimes, reports, reminders). */
  private async reportingAbout(field: 'directiveId' | 'assignmentId' | 'agencyId', id: string): Promise<TimelineEntry[]> {
    if (!this.reporting) return [];
    const entries: TimelineEntry[] = [];
    for await (const e of this.reporting.readAll())
      if ((e.data as Record<string, unknown> | null)?.[field] === id) entries.push(entryOf(this.reporting.name, e));
    return entries;
  }

  private stores(): EventStore[] {
    return [this.directives, this.progress, ...(this.reporting ? [this.reporting] : [])];
  }

  private async progressOf(ids: string[]): Promise<TimelineEntry[]> {
    const entries: TimelineEntry[] = [];
    for (const id of ids) entries.push(...(await this.stream(this.progress, assignmentStreamId(id))));
    return entries;
  }

  private async stream(store: EventStore, streamId: string): Promise<TimelineEntry[]> {
    return (await this.events(store, streamId)).map((e) => entryOf(store.name, e));
  }

  private async events(store: EventStore, streamId: string): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    for await (const e of store.readStream(streamId)) events.push(e);
    return events;
  }

  private async refresh(): Promise<void> {
    for await (const event of this.directives.readAll({ after: this.indexed, streamPrefixes: ['directive-'] })) {
      for (const { assignment, directive } of startedAssignments(event))
        this.assignments.set(assignment.id, {
          directiveId: directive.directiveId,
          taskNumber: assignment.taskNumber,
          agencies: new Set([assignment.agencyId]),
        });
      if (event.type === EVENT_TYPES.assignmentsTransferred) {
        const { assignmentIds = [], to } = event.data as { assignmentIds?: string[]; to: string };
        for (const id of assignmentIds) this.assignments.get(id)?.agencies.add(to);
      }
      this.indexed = event.globalPosition;
    }
  }
}

/** Oldest record first (ties: store, then position), one page of it. */
function page(entries: TimelineEntry[], filter: TimelineFilter) {
  entries.sort(
    (a, b) =>
      (a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : 0) || a.store.localeCompare(b.store) || a.position - b.position,
  );
  const start = filter.after ?? 0;
  const limit = filter.limit ?? 200;
  return {
    total: entries.length,
    events: entries.slice(start, start + limit),
    next: start + limit < entries.length ? start + limit : null,
  };
}

function entryOf(store: string, e: RecordedEvent): TimelineEntry {
  return {
    store,
    position: e.globalPosition,
    streamId: e.streamId,
    revision: e.streamRevision,
    eventId: e.eventId,
    type: e.type,
    occurredAt: e.occurredAt,
    recordedAt: e.recordedAt,
    actor: e.actor,
    correlationId: e.correlationId,
    data: e.data,
    prevHash: e.prevHash,
    hash: e.hash,
  };
}

function matches(e: TimelineEntry, filter: TimelineFilter): boolean {
  if (filter.types?.length && !filter.types.some((t) => (t.endsWith('.') ? e.type.startsWith(t) : e.type === t))) return false;
  if (filter.userId && e.actor.userId !== filter.userId) return false;
  if (filter.from && e.recordedAt < filter.from) return false;
  if (filter.since && e.recordedAt <= filter.since) return false;
  if (filter.to && e.recordedAt > filter.to) return false;
  return true;
}
