import { NotFoundError } from '@dm/eventsourcing';
import { parsePeriod, today, type PeriodCalendar } from '@dm/periods';
import type { Document, Query, ReadStore } from '@dm/read-store';
import {
  ASSIGNMENTS,
  deriveStatus,
  directiveListEntry,
  DIRECTIVES,
  directiveView,
  scorecards,
  summarize,
  timeline,
  TIMELINE,
  type AssignmentDoc,
  type DirectiveDoc,
  type TimelineDoc,
} from '@dm/reporting-domain';

type AssignmentDocument = AssignmentDoc & Document;

export interface AssignmentFilter {
  agencyId?: string;
  directiveId?: string;
  status?: string;
  asOf?: string;
}

/** An assignment as every list and audit answer names it. */
function describe(doc: AssignmentDoc) {
  return {
    id: doc._id,
    directiveId: doc.directiveId,
    directiveNumber: doc.directiveNumber,
    taskNumber: doc.taskNumber,
    agencyId: doc.agencyId,
    role: doc.role,
    viaGroup: doc.viaGroup ?? null,
  };
}

/** Every read route's answer: documents loaded from the read models, statuses derived as of a business date. */
export class ReportQueries {
  constructor(private readonly store: ReadStore) {}

  async listDirectives() {
    const docs = await this.store.find<DirectiveDoc>(DIRECTIVES, { where: { created: true }, orderBy: [['issuedOn', 'desc']] });
    return docs.map(directiveListEntry);
  }

  async directive(id: string, asOf = today()) {
    const doc = await this.store.get<DirectiveDoc>(DIRECTIVES, id);
    if (!doc?.created) throw new NotFoundError(`No directive ${id}`);
    const { tasks, ...header } = directiveView(doc);
    return { ...header, asOf, tasks, assignments: await this.assignments({ directiveId: id, asOf }) };
  }

  async assignments(filter: AssignmentFilter) {
    const asOf = filter.asOf ?? today();
    const docs = await this.issuedBy(asOf, filter, [
      ['directiveId', 'asc'],
      ['taskNumber', 'asc'],
      ['agencyId', 'asc'],
    ]);
    return docs
      .map((doc) => ({ ...describe(doc), state: deriveStatus(doc, asOf) }))
      .filter((a) => !filter.status || a.state.status === filter.status)
      .map(({ state, ...a }) => ({ ...a, asOf, status: state.status, lifecycle: state.lifecycle, state }));
  }

  async summary(period: string, calendar: PeriodCalendar, filter: { agencyId?: string; directiveId?: string }) {
    const window = parsePeriod(period, calendar);
    const docs = await this.issuedBy(window.to, filter);
    return { ...window, filter, ...summarize(docs, { from: window.from, to: window.to }) };
  }

  async agencies(period: string, calendar: PeriodCalendar, filter: { directiveId?: string }) {
    const window = parsePeriod(period, calendar);
    const docs = await this.issuedBy(window.to, filter);
    return { ...window, filter, agencies: scorecards(docs, { from: window.from, to: window.to }) };
  }

  async timeline(id: string) {
    const doc = await this.assignment(id);
    const entries = await this.store.find<TimelineDoc & Document>(TIMELINE, { where: { assignmentId: id } });
    return { ...describe(doc), events: timeline(entries.map((e) => e.entry)) };
  }

  async state(id: string, asOf = today()) {
    const doc = await this.assignment(id);
    return { ...describe(doc), ...deriveStatus(doc, asOf), asOf };
  }

  private async assignment(id: string): Promise<AssignmentDocument> {
    const doc = await this.store.get<AssignmentDocument>(ASSIGNMENTS, id);
    if (!doc?.created) throw new NotFoundError(`No assignment ${id}`);
    return doc;
  }

  /** Created assignments of directives issued on or before `date`, of one agency or directive when given. */
  private issuedBy(date: string, filter: { agencyId?: string; directiveId?: string }, orderBy?: Query['orderBy']) {
    const where: Query['where'] = { created: true, issuedOn: { lte: date } };
    if (filter.agencyId) where.agencyId = filter.agencyId;
    if (filter.directiveId) where.directiveId = filter.directiveId;
    return this.store.find<AssignmentDocument>(ASSIGNMENTS, { where, orderBy });
  }
}
