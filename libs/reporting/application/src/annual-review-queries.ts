import type { AnnualReviewQuery, AnnualReviewResponse } from '@dm/contracts';
import type { Document, Query, ReadStore } from '@dm/read-store';
import {
  annualReviews,
  asKnownAt,
  ASSIGNMENTS,
  currentTasks,
  DEFAULT_STATUS_RULES,
  directiveAsKnownAt,
  DIRECTIVES,
  entriesKnownAt,
  holderOn,
  inReviewScope,
  reviewYearOf,
  TIMELINE,
  type AnnualReviewScope,
  type AssignmentDoc,
  type DirectiveDoc,
  type FactEvent,
  type StatusRules,
  type TimelineDoc,
} from '@dm/reporting-domain';
import { loadOwnFacts } from './own-facts';

/** The deployment's status rules, for the annual review's routes (the reporting lag allowed). */
export const ANNUAL_REVIEW_RULES = Symbol('report-projection annual review StatusRules');

type AssignmentDocument = AssignmentDoc & Document;
const BATCH = 500;

/**
 * The annual review read from the report projection's read models
 * (docs/domain.md, "The annual review"): the assignments as known at
 * `knownAt`, those the caller's scope shows, reviewed by annualReviews; the
 * flagged ones' timelines and the tasks' texts loaded for them.
 */
export class AnnualReviewQueries {
  constructor(
    private readonly store: ReadStore,
    private readonly rules: StatusRules = DEFAULT_STATUS_RULES,
  ) {}

  async review(query: AnnualReviewQuery, scope: AnnualReviewScope): Promise<AnnualReviewResponse> {
    const { year, knownAt } = query;
    const y = reviewYearOf(year);
    const agencyId = scope.agencyId;
    const docs = (await this.issuedBy(y.to, agencyId, knownAt)).filter((doc) => inReviewScope(scope, doc, y.asOf));
    const options = { agencyId, rules: this.rules };
    const flagged = annualReviews(docs, year, options).flatMap((r) => r.flagged.map((f) => f.assignmentId));
    const timelines = await this.timelines(flagged, knownAt);
    const taskText = await this.taskTexts(docs, y.asOf, knownAt);
    return {
      year,
      from: y.from,
      to: y.to,
      asOf: y.asOf,
      knownAt: knownAt ?? null,
      checkpoints: [],
      monitoredBy: scope.monitoredBy,
      reviews: annualReviews(docs, year, { ...options, timelines, taskText }),
    };
  }

  /**
   * Created assignments of directives issued by `date`, as known at
   * `knownAt`; of one agency: those it holds on `date`, assigned to it or
   * transferred to it.
   */
  private async issuedBy(date: string, agencyId: string | undefined, knownAt: string | undefined): Promise<AssignmentDoc[]> {
    const where: Query['where'] = { created: true, issuedOn: { lte: date } };
    const find = async (q: Query['where']) => {
      const docs = await loadOwnFacts(this.store, await this.store.find<AssignmentDocument>(ASSIGNMENTS, { where: q }));
      return knownAt ? docs.map((d) => asKnownAt(d, knownAt)).filter((d): d is AssignmentDocument => d !== null) : docs;
    };
    if (!agencyId) return find(where);
    const assigned = await find({ ...where, agencyId });
    const received = await find({ ...where, transferred: true, [`heldBy.${agencyId}`]: true });
    return [...assigned, ...received.filter((d) => d.agencyId !== agencyId)].filter((d) => holderOn(d, date) === agencyId);
  }

  private async timelines(ids: string[], knownAt: string | undefined): Promise<Map<string, FactEvent[]>> {
    const byId = new Map<string, FactEvent[]>(ids.map((id) => [id, []]));
    for (let i = 0; i < ids.length; i += BATCH) {
      const found = await this.store.find<TimelineDoc & Document>(TIMELINE, { where: { assignmentId: { in: ids.slice(i, i + BATCH) } } });
      for (const t of found) byId.get(t.assignmentId)?.push(t.entry);
    }
    if (knownAt) for (const [id, entries] of byId) byId.set(id, entriesKnownAt(entries, knownAt));
    return byId;
  }

  /** The text of each task of the documents' directives as of the cut-off (as known at `knownAt`). */
  private async taskTexts(docs: AssignmentDoc[], asOf: string, knownAt: string | undefined) {
    const texts = new Map<string, string>();
    for (const directiveId of new Set(docs.map((d) => d.directiveId as string))) {
      const stored = await this.store.get<DirectiveDoc>(DIRECTIVES, directiveId);
      const doc = stored?.created ? (knownAt ? directiveAsKnownAt(stored, knownAt) : stored) : null;
      if (!doc || doc.issuedOn > asOf) continue;
      for (const task of currentTasks(doc, asOf)) texts.set(`${directiveId}\n${task.number}`, task.text);
    }
    return (directiveId: string, taskNumber: string) => texts.get(`${directiveId}\n${taskNumber}`) ?? null;
  }
}
