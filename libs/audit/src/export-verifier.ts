import type { RecordedEvent } from '@dm/contracts';
import { verifyConsistency, verifyInclusion } from '@dm/merkle';
import type { KeyObject } from 'node:crypto';
import { checkpointFault, keyIdOf, type Checkpoint } from './checkpoint';
import { EXPORT_FORMAT, type ExportHeader, type ExportLine } from './export-format';
import type { Fault } from './fault';
import { firstDifference, recomputeFigures, type IssuedFigures } from './figures';
import { eventLeaf } from './leaf';
import { LogVerifier, type LogReport } from './log-verifier';
import { StreamChains } from './stream-chains';
import { storedText as storedTextOf } from '@dm/eventsourcing';

export interface ExportReport {
  ok: boolean;
  scope: ExportHeader['scope'] | null;
  events: number;
  checkpoints: number;
  /** Figures the export says the server answered, each recomputed from the events. */
  figures: Array<{ directiveId: string; period: string; knownAt: string; matches: boolean }>;
  stores: LogReport[];
  /** The first fault, with the line of the export it was found on. */
  fault: (Fault & { line?: number }) | null;
}

interface PartialStore {
  anchor: Checkpoint | null;
  chains: StreamChains;
}

/**
 * Checks an export with nothing but the deployment's public key (docs/audit.md,
 * "The offline verifier"): every checkpoint's signature and their consistency,
 * every event's hash and chain, and the tree: whole (an export of all events)
 * or each event's inclusion proof (an export of one directive's streams).
 */
export async function verifyExport(
  lines: AsyncIterable<string>,
  publicKey: KeyObject,
  onProgress: (events: number) => void = () => undefined,
): Promise<ExportReport> {
  let header: ExportHeader | null = null;
  let lineNo = 0;
  let events = 0;
  let checkpointCount = 0;
  let ended = false;
  const checkpoints = new Map<string, Checkpoint[]>();
  const whole = new Map<string, LogVerifier>();
  const partial = new Map<string, PartialStore>();
  const figures: IssuedFigures[] = [];
  const checkedFigures: ExportReport['figures'] = [];
  const kept: RecordedEvent[] = [];
  const report = (fault: ExportReport['fault']): ExportReport => ({
    ok: fault === null,
    scope: header?.scope ?? null,
    events,
    checkpoints: checkpointCount,
    figures: checkedFigures,
    stores: [...whole.values()].map((v) => v.finish()),
    fault,
  });
  const fail = (store: string, kind: Fault['kind'], message: string, place: Partial<Fault> = {}) =>
    report({ store, kind, message, line: lineNo, ...place });

  for await (const text of lines) {
    lineNo += 1;
    if (!text.trim()) continue;
    let line: ExportLine;
    try {
      line = JSON.parse(text) as ExportLine;
    } catch {
      return fail('', 'unreadable', `line ${lineNo} is not JSON`);
    }
    if (!header) {
      if (line.kind !== 'header' || line.format !== EXPORT_FORMAT) return fail('', 'unreadable', `line 1 is not a ${EXPORT_FORMAT} header`);
      header = line;
      if (header.publicKey.keyId !== keyIdOf(publicKey))
        return fail(
          '',
          'signature',
          `the export was signed by key ${header.publicKey.keyId}, not by the key given (${keyIdOf(publicKey)})`,
        );
      for (const { store } of header.stores) checkpoints.set(store, []);
      continue;
    }
    if (ended) return fail('', 'unreadable', `line ${lineNo} follows the end line`);
    switch (line.kind) {
      case 'checkpoint': {
        const c = line.checkpoint;
        const wrong = checkpointFault(c, publicKey);
        if (wrong) return fail(c.store, 'signature', `the checkpoint of ${c.time} (size ${c.treeSize}): ${wrong}`);
        const list = checkpoints.get(c.store);
        if (!list) return fail(c.store, 'checkpoint', `the checkpoint of ${c.time} is of a store the header does not name`);
        list.push(c);
        checkpointCount += 1;
        if (line.anchor) partial.set(c.store, { anchor: c, chains: new StreamChains((e) => `the event at position ${e.globalPosition}`) });
        break;
      }
      case 'consistency': {
        const list = checkpoints.get(line.store) ?? [];
        const from = list.find((c) => c.treeSize === line.from);
        const to = list.find((c) => c.treeSize === line.to);
        const hex = (h: string) => Buffer.from(h, 'hex');
        if (!from || !to || !verifyConsistency(line.from, line.to, hex(from.rootHash), hex(to.rootHash), line.proof.map(hex)))
          return fail(
            line.store,
            'checkpoint',
            `the tree of ${line.from} events is not a prefix of the tree of ${line.to}: the log was rewritten between its checkpoints`,
            { expected: from?.rootHash ?? null, found: to?.rootHash ?? null },
          );
        break;
      }
      case 'figures':
        figures.push(line);
        break;
      case 'event': {
        events += 1;
        if (figures.length) kept.push(line.event);
        if (events % 50_000 === 0) onProgress(events);
        const e = line.event;
        const place = { position: e.globalPosition, streamId: e.streamId, revision: e.streamRevision, eventId: e.eventId };
        if ('all' in header.scope) {
          let verifier = whole.get(line.store);
          if (!verifier) {
            const contiguous = header.stores.find((s) => s.store === line.store)?.contiguous ?? false;
            verifier = new LogVerifier(line.store, { checkpoints: checkpoints.get(line.store) ?? [], contiguous });
            whole.set(line.store, verifier);
          }
          if (!verifier.add(storedTextOf(e))) {
            const { fault } = verifier.finish();
            return report(fault && { ...fault, line: lineNo });
          }
          break;
        }
        const store = partial.get(line.store);
        if (!store?.anchor) return fail(line.store, 'checkpoint', `no anchor checkpoint precedes the events of ${line.store}`);
        const beyond = (checkpoints.get(line.store) ?? []).find((c) => c.treeSize > store.anchor!.treeSize);
        if (beyond)
          return fail(
            line.store,
            'truncated',
            `the checkpoint of ${beyond.time} covers ${beyond.treeSize} events but the log exported holds ${store.anchor.treeSize}: events were removed`,
            { expected: beyond.treeSize, found: store.anchor.treeSize },
          );
        const broken = store.chains.check(storedTextOf(e));
        if (broken) return fail(line.store, broken.kind, broken.message, { ...place, expected: broken.expected, found: broken.found });
        const anchor = store.anchor;
        const proof = (line.proof ?? []).map((h) => Buffer.from(h, 'hex'));
        if (
          !verifyInclusion(line.leafIndex, anchor.treeSize, eventLeaf(e.globalPosition, e.hash), proof, Buffer.from(anchor.rootHash, 'hex'))
        )
          return fail(
            line.store,
            'leaf',
            `the event at position ${e.globalPosition} is not in the tree signed at ${anchor.time} at index ${line.leafIndex}`,
            place,
          );
        break;
      }
      case 'end':
        if (line.events !== events) return fail('', 'truncated', `the end line counts ${line.events} events, the export has ${events}`);
        ended = true;
        break;
      default:
        return fail('', 'unreadable', `line ${lineNo} is of no known kind`);
    }
  }
  if (!header) return fail('', 'unreadable', 'the export is empty');
  if (!ended) return fail('', 'truncated', `the export ends at line ${lineNo} without its end line: it was cut`);
  for (const [store, verifier] of whole) {
    const { fault } = verifier.finish();
    if (fault) return report({ ...fault, store });
  }
  for (const issued of figures) {
    const recomputed = recomputeFigures(kept, issued);
    const difference = firstDifference(issued.summary, recomputed.summary) ?? firstDifference(issued.statuses, recomputed.statuses);
    checkedFigures.push({ directiveId: issued.directiveId, period: issued.period, knownAt: issued.knownAt, matches: !difference });
    if (difference)
      return report({
        store: '',
        kind: 'figures',
        message: `the ${issued.period} figures of directive ${issued.directiveId} as known at ${issued.knownAt} differ from the events at ${difference.path}: issued ${JSON.stringify(difference.issued)}, recomputed ${JSON.stringify(difference.recomputed)}`,
        expected: JSON.stringify(difference.issued) ?? null,
        found: JSON.stringify(difference.recomputed) ?? null,
      });
  }
  onProgress(events);
  return report(null);
}
