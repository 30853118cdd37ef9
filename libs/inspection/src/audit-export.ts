import { EXPORT_FORMAT, type Checkpoint, type ExportLine } from '@dm/audit';
import type { PeriodCalendar } from '@dm/periods';
import type { ReportFigures } from '@dm/platform';
import { assignmentStreamId, directiveStreamId, EVENT_TYPES, parseStoredEvent, startedAssignments } from '@dm/contracts';
import { NotFoundError } from '@dm/eventsourcing';
import type { AuditTrail } from './audit-trail';

export type ExportScope = { all: true } | { directiveId: string } | { year: number };

/** A period whose figures the export carries, as the report routes answer them as known at the export's checkpoint. */
export interface ExportedPeriod {
  period: string;
  calendar: PeriodCalendar;
  figures: ReportFigures;
}

/**
 * An export (docs/audit.md, "Exports"): a header with the public key, every
 * checkpoint of each store (one taken for the export, the anchor), proofs
 * that each older one is a prefix of the anchor, the events, and an end
 * line. `all`: every event of every store. A directive: its stream and its
 * assignments' streams whole, each event with its proof to the anchor.
 */
export async function* exportLines(trail: AuditTrail, scope: ExportScope, period?: ExportedPeriod): AsyncGenerator<ExportLine> {
  const streams =
    'directiveId' in scope
      ? await streamsOf(trail, [scope.directiveId])
      : 'year' in scope
        ? await streamsOf(trail, await issuedIn(trail, scope.year))
        : null;
  const anchors = await trail.checkpoints.take('export');
  yield {
    kind: 'header',
    format: EXPORT_FORMAT,
    encoding: 1,
    leafVersion: 1,
    exportedAt: new Date().toISOString(),
    scope,
    stores: trail.storeNames.map((store) => ({ store, contiguous: trail.options.contiguous })),
    publicKey: { keyId: trail.keys.keyId, pem: trail.keys.publicKeyPem },
  };
  for (const anchor of anchors) {
    const log = trail.log(anchor.store);
    yield { kind: 'checkpoint', checkpoint: anchor, anchor: true };
    for (const checkpoint of (await trail.checkpoints.known(anchor.store)).checkpoints) {
      if (sameCheckpoint(checkpoint, anchor)) continue;
      yield { kind: 'checkpoint', checkpoint };
      if (checkpoint.treeSize <= anchor.treeSize)
        yield {
          kind: 'consistency',
          store: anchor.store,
          from: checkpoint.treeSize,
          to: anchor.treeSize,
          proof: (await log.consistencyProof(checkpoint.treeSize, anchor.treeSize)).map((h) => h.toString('hex')),
        };
    }
  }
  if (period && 'directiveId' in scope) {
    const knownAt = anchors[0].time;
    const answered = await period.figures.figures(scope.directiveId, period.period, period.calendar, knownAt);
    yield {
      kind: 'figures',
      directiveId: scope.directiveId,
      period: period.period,
      calendar: period.calendar,
      knownAt,
      ...answered,
    } as ExportLine;
  }
  let events = 0;
  for (const anchor of anchors) {
    const log = trail.log(anchor.store);
    let index = 0;
    for await (const page of log.store.readLog({ maxCount: anchor.treeSize }))
      for (const text of page) {
        const leafIndex = index++;
        if (streams && !streams.has(text.streamId)) continue;
        const proof = streams ? (await log.inclusionProof(leafIndex, anchor.treeSize)).map((h) => h.toString('hex')) : undefined;
        events += 1;
        yield { kind: 'event', store: anchor.store, leafIndex, event: parseStoredEvent(text), ...(proof ? { proof } : {}) };
      }
  }
  yield { kind: 'end', events };
}

/** The directives' streams and the streams of every assignment they started. */
async function streamsOf(trail: AuditTrail, directiveIds: string[]): Promise<Set<string>> {
  const streams = new Set<string>();
  for (const directiveId of directiveIds) {
    let found = false;
    for (const name of trail.storeNames)
      for await (const event of trail.log(name).store.readStream(directiveStreamId(directiveId))) {
        found = true;
        streams.add(directiveStreamId(directiveId));
        for (const started of startedAssignments(event)) streams.add(assignmentStreamId(started.assignment.id));
      }
    if (!found) throw new NotFoundError(`No directive ${directiveId}`, 'directiveId');
  }
  return streams;
}

/** The directives issued in a year (by their date of issue). */
async function issuedIn(trail: AuditTrail, year: number): Promise<string[]> {
  const ids: string[] = [];
  for (const name of trail.storeNames)
    for await (const event of trail.log(name).store.readAll({ streamPrefixes: ['directive-'] }))
      if (event.type === EVENT_TYPES.directiveIssued) {
        const { directiveId, issuedOn } = event.data as { directiveId: string; issuedOn: string };
        if (issuedOn.startsWith(`${year}-`)) ids.push(directiveId);
      }
  return ids;
}

const sameCheckpoint = (a: Checkpoint, b: Checkpoint) => a.signature === b.signature;
