import type { Document, ReadStore } from '@dm/read-store';
import { ASSIGNMENT_FACTS, hasOwnFacts, withOwnFacts, type AssignmentDoc, type OwnFactDoc } from '@dm/reporting-domain';

/** Assignments whose own facts one query asks for. */
const CHUNK = 500;

/**
 * The one place the read side loads the assignments' own facts (progress
 * reports, completions, decisions) from `assignment_facts` and merges them
 * into their documents (withOwnFacts), before any status, tally, annual
 * review or asKnownAt reads them: one query per 500 documents that have
 * any (`rev.a`); documents without own facts cost nothing
 * (docs/architecture.md, "Bounded documents").
 */
export async function loadOwnFacts<D extends AssignmentDoc>(store: ReadStore, docs: D[]): Promise<D[]> {
  const ids = docs.filter(hasOwnFacts).map((d) => d._id);
  if (!ids.length) return docs;
  const rows = new Map<string, OwnFactDoc[]>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const found = await store.find<OwnFactDoc & Document>(ASSIGNMENT_FACTS, { where: { assignmentId: { in: ids.slice(i, i + CHUNK) } } });
    for (const row of found) {
      const list = rows.get(row.assignmentId);
      if (list) list.push(row);
      else rows.set(row.assignmentId, [row]);
    }
  }
  return docs.map((doc) => withOwnFacts(doc, rows.get(doc._id) ?? []));
}

/** A stream of documents with their own facts loaded, `chunk` documents a query (a page read from a scan). */
export async function* withOwnFactsLoaded<D extends AssignmentDoc>(
  store: ReadStore,
  docs: AsyncIterable<D>,
  chunk = 200,
): AsyncGenerator<D> {
  let batch: D[] = [];
  for await (const doc of docs) {
    batch.push(doc);
    if (batch.length < chunk) continue;
    yield* await loadOwnFacts(store, batch);
    batch = [];
  }
  if (batch.length) yield* await loadOwnFacts(store, batch);
}
