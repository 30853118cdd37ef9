import { closedAssignments, EVENT_TYPES, startedAssignments, type Closure, type RecordedEvent, type Recurrence } from '@dm/contracts';
import { NotFoundError, writesOf, type Document, type Projection } from '@dm/eventsourcing';
import type { AssignmentContext } from '@dm/progress-domain';
import type { ReadStore } from '@dm/read-store';

export const VIEW_COLLECTION = 'assignment_view';

/** progress-events' read model of an assignment, from the directive topic: what its commands and policy need. */
export interface AssignmentViewDoc extends Document {
  created?: boolean;
  directiveId: string;
  directiveNumber: string;
  taskNumber: string;
  agencyId: string;
  role: 'lead' | 'coordinating';
  issuedOn: string;
  assignedOn: string;
  issuer: string;
  issuerOffice: string | null;
  monitoringAgency: string;
  closedAs: Closure | null;
  closedOn: string | null;
  /** The task's recurring deadline, or null (absent before 0.2). */
  recurrence?: Recurrence | null;
  /** After a transfer, the day `agencyId` took over the ended agency's duties (absent when never transferred). */
  heldSince?: string;
}

export const assignmentViewProjection: Projection = {
  collection: VIEW_COLLECTION,
  canHandle: [
    EVENT_TYPES.directiveIssued,
    EVENT_TYPES.taskAdded,
    EVENT_TYPES.taskAgencyAdded,
    EVENT_TYPES.taskLeadChanged,
    EVENT_TYPES.taskCancelled,
    EVENT_TYPES.directiveSuperseded,
    EVENT_TYPES.directiveRevoked,
    EVENT_TYPES.assignmentsTransferred,
    EVENT_TYPES.monitoringTransferred,
  ],
  evolve(event) {
    const base = { source: 'd', revision: event.streamRevision };
    const started = startedAssignments(event).map(({ directive, assignment: a, on, task }) => ({
      ...base,
      id: a.id,
      setOnInsert: { closedAs: null, closedOn: null },
      set: {
        created: true,
        directiveId: directive.directiveId,
        directiveNumber: directive.number,
        taskNumber: a.taskNumber,
        agencyId: a.agencyId,
        role: a.role,
        issuedOn: directive.issuedOn,
        assignedOn: on,
        issuer: directive.issuer,
        issuerOffice: directive.issuerOffice,
        monitoringAgency: directive.monitoringAgency,
        recurrence: task.recurrence,
      },
    }));
    const closing = closedAssignments(event);
    const closed = (closing?.ids ?? []).map((id) => ({
      ...base,
      id,
      setOnInsert: {},
      set: { closedAs: closing?.as, closedOn: closing?.on },
    }));
    return [...closed, ...transferred(event, base), ...started];
  },
};

/** A transfer: the successor holds the assignments named (`agencyId`), or monitors them (`monitoringAgency`). */
function transferred(event: RecordedEvent, base: { source: string; revision: number }) {
  const field =
    event.type === EVENT_TYPES.assignmentsTransferred
      ? 'agencyId'
      : event.type === EVENT_TYPES.monitoringTransferred
        ? 'monitoringAgency'
        : null;
  if (!field) return [];
  const { assignmentIds, to, transferredOn, successorFrom } = event.data as {
    assignmentIds: string[];
    to: string;
    transferredOn: string;
    successorFrom?: string;
  };
  // The successor's own reports may be dated from the day it took over the duties, which a transfer recorded later does not move.
  const set = field === 'agencyId' ? { agencyId: to, heldSince: successorFrom ?? transferredOn } : { monitoringAgency: to };
  return assignmentIds.map((id) => ({ ...base, id, setOnInsert: {}, set }));
}

/** The assignment as its decider and policy know it. */
export function contextOf(doc: AssignmentViewDoc): AssignmentContext {
  return {
    assignmentId: doc._id,
    directiveId: doc.directiveId,
    directiveNumber: doc.directiveNumber,
    taskNumber: doc.taskNumber,
    agencyId: doc.agencyId,
    role: doc.role,
    issuedOn: doc.issuedOn,
    assignedOn: doc.assignedOn ?? doc.issuedOn,
    issuer: doc.issuer,
    issuerOffice: doc.issuerOffice,
    monitoringAgency: doc.monitoringAgency,
    closed: doc.closedAs && doc.closedOn ? { as: doc.closedAs, on: doc.closedOn } : legacyClosure(doc),
    recurrence: doc.recurrence ?? null,
    heldSince: doc.heldSince ?? null,
  };
}

/** A view written before 0.2 kept `cancelled` / `cancelledOn`. */
function legacyClosure(doc: AssignmentViewDoc): AssignmentContext['closed'] {
  const legacy = doc as unknown as { cancelled?: boolean; cancelledOn?: string | null };
  return legacy.cancelled ? { as: 'cancelled', on: legacy.cancelledOn ?? doc.issuedOn } : null;
}

/**
 * The view, with a bounded wait for an assignment it has not seen yet. Docs
 * read are kept in memory (this process is the view's only writer): a write
 * forgets the docs it touches, and a read that overlapped a write is not kept.
 */
export class AssignmentView {
  private readonly cache = new Map<string, AssignmentViewDoc>();
  private writes = 0;
  private writesInFlight = 0;

  constructor(
    /** The progress view store: the view's collection, and the files reports carry (PROGRESS_ATTACHMENTS), never rebuilt. */
    readonly store: ReadStore,
    private readonly waitMs: number,
    private readonly cacheSize = 100_000,
  ) {}

  async apply(events: RecordedEvent[]): Promise<void> {
    const writes = writesOf(assignmentViewProjection, events);
    if (!writes.length) return;
    this.writes++;
    this.writesInFlight++;
    try {
      await this.store.applyFacts(VIEW_COLLECTION, writes);
    } finally {
      for (const w of writes) this.cache.delete(w.id);
      this.writesInFlight--;
    }
  }

  async find(assignmentId: string): Promise<AssignmentViewDoc | null> {
    const cached = this.cache.get(assignmentId);
    if (cached) return cached;
    const deadline = Date.now() + this.waitMs;
    for (;;) {
      const writesBefore = this.writes;
      const doc = await this.store.get<AssignmentViewDoc>(VIEW_COLLECTION, assignmentId);
      if (doc?.created) {
        if (this.writes === writesBefore && this.writesInFlight === 0) this.remember(doc);
        return doc;
      }
      if (Date.now() >= deadline) return null;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  private remember(doc: AssignmentViewDoc) {
    if (this.cache.size >= this.cacheSize) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(doc._id, doc);
  }

  /** The assignment as its commands and policy know it, or NotFoundError once the wait is over. */
  async context(assignmentId: string): Promise<AssignmentContext> {
    const doc = await this.find(assignmentId);
    if (!doc) throw new NotFoundError(`No assignment ${assignmentId}`);
    return contextOf(doc);
  }

  truncate(): Promise<void> {
    this.cache.clear();
    return this.store.truncate(VIEW_COLLECTION);
  }
}
