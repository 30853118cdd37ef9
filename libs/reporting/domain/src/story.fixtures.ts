/* Specs of the reporting read models: events of one directive and its
   assignments, applied through the projections as a read store applies them. */
import { EVENT_TYPES, startedAssignments, type RecordedEvent, type ResolvedAssignment, type Task } from '@dm/contracts';
import { applyFact, writesOf, type Document, type FactWrite } from '@dm/eventsourcing';
import type { AssignmentDoc, FactEvent } from './assignments/assignment-doc';
import { foldAssignments } from './assignments/assignments.projection';
import { timelineProjection, type TimelineDoc } from './timeline/timeline.projection';

/** Applies fact writes to documents in memory, with every read store's semantics. */
export function applyWrites(docs: Map<string, Document>, writes: FactWrite[]): void {
  for (const w of writes) docs.set(w.id, applyFact(docs.get(w.id) ?? null, w).doc);
}

/** The assignment documents the events give, with their own facts merged in as readers merge them. */
export function project(events: RecordedEvent[]): Map<string, Document> {
  return foldAssignments(events) as unknown as Map<string, Document>;
}

/** The timeline entries of one assignment, as the timeline collection holds them. */
export function timelineOf(events: RecordedEvent[], id: string): FactEvent[] {
  const docs = new Map<string, Document>();
  applyWrites(docs, writesOf(timelineProjection, events));
  return [...docs.values()]
    .map((d) => d as unknown as TimelineDoc)
    .filter((d) => d.assignmentId === id)
    .map((d) => d.entry);
}

export const assignmentId = (taskNumber: string, agencyId: string, role: 'lead' | 'coordinating' = 'lead', directiveId = 'd-1') =>
  `${directiveId}-${taskNumber}-${agencyId}-${role}`;

export interface TaskSpec {
  number: string;
  deadline: string | null;
  lead: string[];
  coordinating?: string[];
  mode?: Task['mode'];
  recurrence?: Task['recurrence'];
}

const fullTask = (t: TaskSpec): Task => ({
  number: t.number,
  text: `Nhiệm vụ ${t.number}`,
  mode: t.mode ?? 'giao',
  lead: t.lead,
  coordinating: t.coordinating ?? [],
  deadline: t.deadline,
  reportDuty: null,
  recurrence: t.recurrence ?? null,
});

/** A directive stream and its assignments' streams, with revisions and record times handed out in order. */
export class Story {
  readonly events: RecordedEvent[] = [];
  private readonly revisions = new Map<string, number>();
  private clock = Date.parse('2017-02-10T08:00:00Z');
  private position = 0;

  constructor(
    readonly directiveId = 'd-1',
    readonly issuedOn = '2017-02-10',
  ) {}

  issue(tasks: TaskSpec[]): this {
    const fullTasks = tasks.map(fullTask);
    const assignments = tasks.flatMap((t) => this.assignmentsOf(t));
    return this.directiveEvent(EVENT_TYPES.directiveIssued, this.issuedOn, {
      directiveId: this.directiveId,
      number: `${this.directiveId}/UBND-VX`,
      type: 'cong-van',
      issuer: 'ubnd-tinh',
      issuedOn: this.issuedOn,
      subject: 'Giảm nghèo bền vững',
      legalBasis: ['01/CT-TTg'],
      addressees: ['so-ban-nganh'],
      signer: { name: 'Phạm Đặng Quyền', capacity: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH' },
      monitoringAgency: 'so-ldtbxh',
      issuerOffice: 'vp-ubnd-tinh',
      registryVersion: 'test@1',
      tasks: fullTasks,
      assignments,
    });
  }

  /** A task added by an amendment, effective on `effectiveOn`. */
  addTask(task: TaskSpec, effectiveOn: string): this {
    return this.directiveEvent(EVENT_TYPES.taskAdded, effectiveOn, {
      ...this.amendment(effectiveOn),
      directive: this.directiveRef(),
      task: fullTask(task),
      assignments: this.assignmentsOf(task),
    });
  }

  /** The directive superseded (or revoked) from `on`: every open assignment named. */
  close(kind: 'superseded' | 'revoked', on: string): this {
    const type = kind === 'superseded' ? EVENT_TYPES.directiveSuperseded : EVENT_TYPES.directiveRevoked;
    const link = kind === 'superseded' ? { supersededBy: 'd-2', supersededByNumber: 'd-2/UBND-VX' } : {};
    return this.directiveEvent(type, on, { ...this.amendment(on), ...link, assignmentIds: this.allIds() });
  }

  /** The assignments `from` holds (or, with `monitoring`, the directive's monitoring) moved to `to` from `transferredOn`. */
  transfer(from: string, to: string, transferredOn: string, what: 'assignments' | 'monitoring' = 'assignments'): this {
    const type = what === 'assignments' ? EVENT_TYPES.assignmentsTransferred : EVENT_TYPES.monitoringTransferred;
    const ids = what === 'assignments' ? this.started().filter((a) => a.agencyId === from) : this.started();
    return this.directiveEvent(type, transferredOn, {
      directiveId: this.directiveId,
      from,
      to,
      transferredOn,
      reason: 'Sắp xếp tổ chức bộ máy',
      authorizingDocument: '3/QĐ-UBND',
      assignmentIds: ids.map((a) => a.id),
    });
  }

  reopen(id: string, completedOn: string, reopenedOn: string): this {
    return this.assignmentEvent(id, EVENT_TYPES.completionReopened, reopenedOn, { completedOn, reason: 'Kiểm tra lại', reopenedOn });
  }

  /** The next event is recorded at this instant (later ones a minute apart from it). */
  recordAt(instant: string): this {
    this.clock = Date.parse(instant) - 60_000;
    return this;
  }

  private amendment(effectiveOn: string) {
    return { directiveId: this.directiveId, reason: 'Bổ sung', authorizingDocument: '2/UBND', effectiveOn };
  }

  private directiveRef() {
    return {
      number: `${this.directiveId}/UBND-VX`,
      issuer: 'ubnd-tinh',
      issuerOffice: 'vp-ubnd-tinh',
      issuedOn: this.issuedOn,
      monitoringAgency: 'so-ldtbxh',
    };
  }

  private assignmentsOf(t: TaskSpec): ResolvedAssignment[] {
    return [
      ...t.lead.map((agencyId) => ({
        id: assignmentId(t.number, agencyId, 'lead', this.directiveId),
        taskNumber: t.number,
        agencyId,
        role: 'lead' as const,
        viaGroup: null,
      })),
      ...(t.coordinating ?? []).map((agencyId) => ({
        id: assignmentId(t.number, agencyId, 'coordinating', this.directiveId),
        taskNumber: t.number,
        agencyId,
        role: 'coordinating' as const,
        viaGroup: 'nhom',
      })),
    ];
  }

  changeDeadline(taskNumber: string, previousDeadline: string | null, deadline: string | null, changedOn: string, agencyId?: string): this {
    return this.directiveEvent(EVENT_TYPES.taskDeadlineChanged, changedOn, {
      directiveId: this.directiveId,
      taskNumber,
      agencyId: agencyId ?? null,
      assignmentIds: this.idsOf(taskNumber, agencyId),
      previousDeadline,
      deadline,
      reason: 'Gia hạn',
      authorizingDocument: '1/UBND',
      changedOn,
    });
  }

  cancel(taskNumber: string, cancelledOn: string, agencyId?: string): this {
    return this.directiveEvent(EVENT_TYPES.taskCancelled, cancelledOn, {
      directiveId: this.directiveId,
      taskNumber,
      agencyId: agencyId ?? null,
      assignmentIds: this.idsOf(taskNumber, agencyId),
      reason: 'Không còn phù hợp',
      authorizingDocument: null,
      cancelledOn,
    });
  }

  progress(id: string, reportedOn: string, percent: number | null = null): this {
    return this.assignmentEvent(id, EVENT_TYPES.progressReported, reportedOn, {
      reportedOn,
      summary: 'Đang làm',
      percent,
      difficulties: null,
      proposals: null,
    });
  }

  complete(id: string, completedOn: string, period?: string): this {
    return this.assignmentEvent(id, EVENT_TYPES.completionReported, completedOn, {
      completedOn,
      summary: 'Xong',
      evidence: null,
      ...(period ? { period } : {}),
    });
  }

  confirm(id: string, completedOn: string, confirmedOn: string, period?: string): this {
    return this.assignmentEvent(id, EVENT_TYPES.completionConfirmed, confirmedOn, {
      completedOn,
      confirmedOn,
      ...(period ? { period } : {}),
    });
  }

  giveBack(id: string, completedOn: string, returnedOn: string): this {
    return this.assignmentEvent(id, EVENT_TYPES.completionReturned, returnedOn, { completedOn, reason: 'Thiếu số liệu', returnedOn });
  }

  docs(): Map<string, Document> {
    return project(this.events);
  }

  doc(id: string): AssignmentDoc {
    const doc = this.docs().get(id);
    if (!doc) throw new Error(`no document ${id}`);
    return doc as unknown as AssignmentDoc;
  }

  private started(): ResolvedAssignment[] {
    return this.events.flatMap((e) => startedAssignments(e).map((s) => s.assignment));
  }

  private idsOf(taskNumber: string, agencyId?: string): string[] {
    return this.started()
      .filter((a) => a.taskNumber === taskNumber && (!agencyId || a.agencyId === agencyId))
      .map((a) => a.id);
  }

  private allIds(): string[] {
    return this.started().map((a) => a.id);
  }

  private directiveEvent(type: string, on: string, data: Record<string, unknown>): this {
    return this.record(`directive-${this.directiveId}`, type, on, data, {
      userId: 'u-vp',
      agencyId: 'vp-ubnd-tinh',
      role: 'monitoring_officer',
    });
  }

  private assignmentEvent(id: string, type: string, on: string, data: Record<string, unknown>): this {
    const a = this.started().find((x) => x.id === id);
    const ref = { assignmentId: id, directiveId: this.directiveId, taskNumber: a?.taskNumber ?? '?', agencyId: a?.agencyId ?? '?' };
    const role = [EVENT_TYPES.completionConfirmed, EVENT_TYPES.completionReturned, EVENT_TYPES.completionReopened].includes(type as never)
      ? 'monitoring_officer'
      : 'agency_officer';
    return this.record(`assignment-${id}`, type, on, { ...ref, ...data }, { userId: 'u', agencyId: ref.agencyId, role });
  }

  private record(streamId: string, type: string, on: string, data: Record<string, unknown>, actor: RecordedEvent['actor']): this {
    const revision = (this.revisions.get(streamId) ?? -1) + 1;
    this.revisions.set(streamId, revision);
    this.clock += 60_000;
    this.position += 1;
    this.events.push({
      eventId: `e-${this.position}`,
      type,
      schemaVersion: 1,
      streamId,
      streamRevision: revision,
      globalPosition: this.position,
      occurredAt: `${on}T09:00:00+07:00`,
      recordedAt: new Date(this.clock).toISOString(),
      actor,
      correlationId: `c-${this.position}`,
      causationId: null,
      data,
      metadata: {},
      prevHash: '0',
      hash: '0',
    });
    return this;
  }
}
