import type { RecordedEvent } from '@dm/contracts';
import { applyFact, writesOf, type Document, type Projection } from '../projection';

/**
 * Given/Then for a projection: the given events are applied, through the
 * projection's fact writes, to documents in memory, as every read store
 * applies them.
 *
 *   ProjectionSpecification.for(timelineProjection).given(events).then((docs) => …);
 */
export const ProjectionSpecification = {
  for(projection: Projection) {
    return {
      given(events: RecordedEvent[]) {
        const docs = new Map<string, Document>();
        for (const write of writesOf(projection, events)) docs.set(write.id, applyFact(docs.get(write.id) ?? null, write).doc);
        return {
          /** The documents by id. */
          then(check: (docs: Map<string, Document>) => void) {
            check(docs);
          },
          /** One document, compared with toEqual (or toMatchObject when `partial`). */
          thenDocument(id: string, expected: Record<string, unknown>, partial = false) {
            const doc = docs.get(id);
            if (partial) expect(doc).toMatchObject(expected);
            else expect(doc).toEqual(expected);
          },
          documents: () => docs,
        };
      },
    };
  },
};
