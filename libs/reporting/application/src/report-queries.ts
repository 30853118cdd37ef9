import type { Document, ReadStore, Query } from '@dm/read-store';
import { parsePeriod, vietnamDate } from '@dm/periods';
import { problems } from '@dm/platform';
import { deriveStatus, scorecards, summarize, timeline, type AssignmentDoc, type TimelineDoc } from '@dm/reporting-domain';
import { currentTasks, DIRECTIVES, type DirectiveDoc } from './directive-projection';
import { ASSIGNMENTS, TIMELINE } from './report-projector';

type AssignmentDocument = AssignmentDoc & Document;

export interface AssignmentFilter {
  agencyId?: string;
  directiveId?: string;
  status?: string;
  asOf?: string;
}

const today = () => vietnamDate(new Date());

/** Every read route's answer, computed from the read model as of a business date. */
export class ReportQueries {
  constructor(private readonly store: ReadStore) {}

  async listDirectives() {
    const docs = await this.store.find<DirectiveDoc>(DIRECTIVES, { where: { created: true }, orderBy: [['issuedOn', 'desc']] });
    return docs.map((d) => ({
      id: d.directiveId,
      number: d.number,
      type: d.type,
      issuer: d.issuer,
      issuedOn: d.issuedOn,
      subject: d.subject,
      monitoringAgency: d.monitoringAgency,
      taskCount: d.tasks.length,
      assignmentCount: d.assignmentCount,
    }));
  }

  async directive(id: string, asOf = today()) {
    const doc = await this.store.get<DirectiveDoc>(DIRECTIVES, id);
    if (!doc?.created) throw problems.notFound(`No directive ${id}`);
    const assignments = await this.assignments({ directiveId: id, asOf });
    const { _id, rev, created, changes, tasks, ...header } = doc;
    void _id; void rev; void created; void changes; void tasks;
    return { id: doc.directiveId, ...header, asOf, tasks: currentTasks(doc), assignments };
  }

  async assignments(filter: AssignmentFilter) {
    const asOf = filter.asOf ?? today();
    const where: Query['where'] = { created: true, issuedOn: { lte: asOf } };
    if (filter.agencyId) where.agencyId = filter.agencyId;
    if (filter.directiveId) where.directiveId = filter.directiveId;
    const docs = await this.store.find<AssignmentDocument>(ASSIGNMENTS, { where, orderBy: [['directiveId', 'asc'], ['taskNumber', 'asc'], ['agencyId', 'asc']] });
    return docs
      .map((doc) => ({ ...this.describe(doc), state: deriveStatus(doc, asOf) }))
      .filter((a) => !filter.status || a.state.status === filter.status)
      .map(({ state, ...a }) => ({ ...a, asOf, status: state.status, lifecycle: state.lifecycle, state }));
  }

  async summary(period: string, calendar: 'decree09' | 'calendar', filter: { agencyId?: string; directiveId?: string }) {
    const window = parsePeriod(period, calendar);
    const docs = await this.docsIssuedBy(window.to, filter);
    return { ...window, filter, ...summarize(docs, { from: window.from, to: window.to }) };
  }

  async agencies(period: string, calendar: 'decree09' | 'calendar', filter: { directiveId?: string }) {
    const window = parsePeriod(period, calendar);
    const docs = await this.docsIssuedBy(window.to, filter);
    return { ...window, filter, agencies: scorecards(docs, { from: window.from, to: window.to }) };
  }

  async timeline(id: string) {
    const doc = await this.assignment(id);
    const entries = await this.store.find<TimelineDoc & Document>(TIMELINE, { where: { assignmentId: id } });
    return { ...this.describe(doc), events: timeline(entries.map((e) => e.entry)) };
  }

  async state(id: string, asOf = today()) {
    const doc = await this.assignment(id);
    return { ...this.describe(doc), ...deriveStatus(doc, asOf), asOf };
  }

  private async assignment(id: string): Promise<AssignmentDocument> {
    const doc = await this.store.get<AssignmentDocument>(ASSIGNMENTS, id);
    if (!doc?.created) throw problems.notFound(`No assignment ${id}`);
    return doc;
  }

  private docsIssuedBy(to: string, filter: { agencyId?: string; directiveId?: string }) {
    const where: Query['where'] = { created: true, issuedOn: { lte: to } };
    if (filter.agencyId) where.agencyId = filter.agencyId;
    if (filter.directiveId) where.directiveId = filter.directiveId;
    return this.store.find<AssignmentDocument>(ASSIGNMENTS, { where });
  }

  private describe(doc: AssignmentDoc) {
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
}
