import { STREAM_PREFIX } from '@dm/contracts';
import { Projector, type ReadStore } from '@dm/read-store';
import {
  assignmentFactsProjection,
  ASSIGNMENTS,
  assignmentsProjection,
  DIRECTIVES,
  directivesProjection,
  registryEventsProjection,
  timelineProjection,
} from '@dm/reporting-domain';

export const REPORT_PROJECTION = 'report-projection';

/**
 * The shape of the documents the projections write. Raise it when a change
 * needs documents written anew (0.2: start dates, modes, record times; 0.3:
 * accepted one-off completions in task-assignment's activity, for transfers;
 * 4: the record time of every fact, the directive's too, for knownAt; 5: the
 * issuer's office, which reads all it issued; 6: the registry's events, for
 * names and groups as of a period; 7: an assignment's own facts as rows of
 * `assignment_facts`, no longer on its document, which a report no longer
 * grows); a store written at a lower version is rebuilt from the events.
 */
export const READ_MODEL_VERSION = 7;
export const READ_MODEL_VERSION_CHECKPOINT = `${REPORT_PROJECTION}:read-model-version`;

/**
 * The report read models: timeline, the assignments' own facts before their
 * documents (a reader who sees `rev.a` finds its rows), the registry's
 * events, and the directive written last (see Projector).
 */
export const reportProjector = (store: ReadStore) =>
  new Projector(store, REPORT_PROJECTION, [
    timelineProjection,
    assignmentFactsProjection,
    assignmentsProjection,
    registryEventsProjection,
    directivesProjection,
  ]);

/** The last revision of a directive or assignment stream applied to its document, or null. */
export async function appliedRevision(store: ReadStore, streamId: string): Promise<number | null> {
  for (const [prefix, collection, source] of [
    [STREAM_PREFIX.directive, DIRECTIVES, 'd'],
    [STREAM_PREFIX.assignment, ASSIGNMENTS, 'a'],
  ] as const) {
    if (streamId.startsWith(prefix)) return (await store.get(collection, streamId.slice(prefix.length)))?.rev?.[source] ?? null;
  }
  return null;
}
