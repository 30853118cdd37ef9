import type { AssignmentDoc, FactSource, StatusFact } from './assignment-facts';

/** The key of a fact in `facts.<source>`: `r<revision>`. */
export const factKey = (revision: number): string => `r${revision}`;

/** The facts of one source of a document, oldest revision first. */
export function factsOf(doc: Pick<AssignmentDoc, 'facts'>, source: FactSource): StatusFact[] {
  return Object.values(doc.facts?.[source] ?? {}).sort((a, b) => a.revision - b.revision);
}
