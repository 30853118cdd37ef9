import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { signCheckpoint, verifyExport, type ExportLine } from '@dm/audit';
import { InMemoryEventStore } from '@dm/eventsourcing';
import { InMemoryReadStore } from '@dm/read-store';
import { newEvent } from '@dm/testing';
import { exportLines, type ExportScope } from './audit-export';
import { loadOrCreateAuditKeys } from './audit-keys';
import { AuditTrail } from './audit-trail';
import { CheckpointLog } from './checkpoint-log';
import { MerkleLog } from './merkle-log';

const DIRECTIVE = '0190f3c4-0000-7000-8000-00000000000d';

/** A directive's stream that starts two assignments, their reports, and an unrelated stream, over two in-memory stores. */
async function trailWithEvents(dir: string) {
  const directives = new InMemoryEventStore({ name: 'task-assignment' });
  const progress = new InMemoryEventStore({ name: 'progress-events' });
  const assignments = [
    { id: 'a-1', taskNumber: '1', agencyId: 'h-1', role: 'lead' },
    { id: 'a-2', taskNumber: '1', agencyId: 'h-2', role: 'lead' },
  ];
  await directives.appendToStream(`directive-${DIRECTIVE}`, [
    newEvent({
      type: 'directive.issued',
      data: {
        directiveId: DIRECTIVE,
        number: '1/UBND',
        issuedOn: '2017-02-10',
        tasks: [{ number: '1', mode: 'giao', deadline: null }],
        assignments,
      },
    }),
  ]);
  await directives.appendToStream('directive-other', [newEvent({ data: { unrelated: true } })]);
  for (let i = 0; i < 5; i++) await progress.appendToStream(`assignment-a-${1 + (i % 2)}`, [newEvent({ data: { n: i } })]);
  await progress.appendToStream('assignment-elsewhere', [newEvent({ data: { n: 99 } })]);
  const nodes = new InMemoryReadStore();
  const logs = [directives, progress].map((store) => new MerkleLog(store, nodes));
  const keys = loadOrCreateAuditKeys(dir);
  const trail = new AuditTrail({ logs, keys, contiguous: true, checkpoints: new CheckpointLog(logs, keys, nodes, join(dir, 'outside')) });
  await trail.start();
  return { trail, keys, directives, progress };
}

const collect = async (lines: AsyncIterable<ExportLine>) => {
  const out: string[] = [];
  for await (const line of lines) out.push(JSON.stringify(line));
  return out;
};
const verify = (lines: string[], key = loaded.keys.publicKey) =>
  verifyExport(
    (async function* () {
      yield* lines;
    })(),
    key,
  );

let dir: string;
let loaded: Awaited<ReturnType<typeof trailWithEvents>>;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dm-export-'));
  loaded = await trailWithEvents(dir);
});
afterEach(async () => {
  await loaded.trail.stop();
  rmSync(dir, { recursive: true, force: true });
});

const exported = async (scope: ExportScope) => collect(exportLines(loaded.trail, scope));
const kinds = (lines: string[]) => lines.map((l) => JSON.parse(l).kind);
const edit = (lines: string[], i: number, change: (line: Record<string, any>) => void) =>
  lines.map((l, j) => {
    if (j !== i) return l;
    const line = JSON.parse(l);
    change(line);
    return JSON.stringify(line);
  });

describe('an audit export', () => {
  it('of a directive: its streams whole, each event with its proof, after every checkpoint and its consistency proof', async () => {
    await loaded.trail.checkpoints.take('daily');
    await loaded.progress.appendToStream('assignment-a-1', [newEvent({ data: { n: 5 } })]);
    const lines = await exported({ directiveId: DIRECTIVE });
    const events = lines.map((l) => JSON.parse(l)).filter((l) => l.kind === 'event');
    expect(events.map((e) => e.event.streamId)).toEqual([
      `directive-${DIRECTIVE}`,
      'assignment-a-1',
      'assignment-a-2',
      'assignment-a-1',
      'assignment-a-2',
      'assignment-a-1',
      'assignment-a-1',
    ]);
    expect(events.every((e) => e.proof.length > 0)).toBe(true);
    expect(kinds(lines)).toEqual([
      'header',
      'checkpoint',
      'checkpoint',
      'consistency',
      'checkpoint',
      'checkpoint',
      'consistency',
      ...events.map(() => 'event'),
      'end',
    ]);
    expect(await verify(lines)).toMatchObject({ ok: true, events: 7, checkpoints: 4, fault: null });
  });

  it('of everything: every event, no proofs, the whole trees checked against the checkpoints', async () => {
    const lines = await exported({ all: true });
    const report = await verify(lines);
    expect(report).toMatchObject({ ok: true, events: 8 });
    expect(report.stores.map((s) => [s.store, s.events, s.checkpointsChecked])).toEqual([
      ['task-assignment', 2, 1],
      ['progress-events', 6, 1],
    ]);
  });

  it('is refused with another key, a forged signature, a forged consistency proof, a wrong proof, or a missing end', async () => {
    await loaded.trail.checkpoints.take('daily');
    await loaded.progress.appendToStream('assignment-a-2', [newEvent({ data: { n: 6 } })]);
    const lines = await exported({ directiveId: DIRECTIVE });
    const consistency = kinds(lines).lastIndexOf('consistency');
    expect((await verify(edit(lines, consistency, (l) => (l.proof[0] = '11'.repeat(32))))).fault).toMatchObject({
      kind: 'checkpoint',
      store: 'progress-events',
    });
    expect((await verify(lines, generateKeyPairSync('ed25519').publicKey)).fault?.kind).toBe('signature');
    const anchor = kinds(lines).indexOf('checkpoint');
    expect((await verify(edit(lines, anchor, (l) => (l.checkpoint.treeSize += 1)))).fault?.kind).toBe('signature');
    const event = kinds(lines).indexOf('event');
    expect((await verify(edit(lines, event, (l) => (l.proof[0] = '00'.repeat(32))))).fault).toMatchObject({
      kind: 'leaf',
      line: event + 1,
    });
    expect((await verify(edit(lines, event, (l) => (l.leafIndex += 1)))).fault?.kind).toBe('leaf');
    expect((await verify(lines.slice(0, -1))).fault?.kind).toBe('truncated');
    expect((await verify(edit(lines, lines.length - 1, (l) => (l.events -= 1)))).fault?.kind).toBe('truncated');
    expect((await verify(['{"kind":"event"}'])).fault?.kind).toBe('unreadable');
    expect((await verify(['not json'])).fault?.kind).toBe('unreadable');
    expect((await verify([])).fault?.kind).toBe('unreadable');
  });

  it('names a stream whose first events were left out, and an event moved to another stream', async () => {
    const lines = await exported({ directiveId: DIRECTIVE });
    const second = kinds(lines).indexOf('event') + 1;
    expect((await verify([...lines.slice(0, second), ...lines.slice(second + 1)])).fault).toMatchObject({
      kind: 'revision',
      streamId: 'assignment-a-1',
    });
    expect((await verify(edit(lines, second, (l) => (l.event.data = { n: 42 })))).fault).toMatchObject({
      kind: 'hash',
      store: 'progress-events',
    });
  });

  it('names a checkpoint that covers more than the log exported: events were removed', async () => {
    const lines = await exported({ directiveId: DIRECTIVE });
    const { privateKey } = loaded.keys;
    const anchor = JSON.parse(lines[1]).checkpoint;
    const bigger = signCheckpoint(
      { store: anchor.store, treeSize: anchor.treeSize + 5, rootHash: anchor.rootHash, time: '2030-01-01T00:00:00.000Z' },
      privateKey,
    );
    const forged = [lines[0], lines[1], JSON.stringify({ kind: 'checkpoint', checkpoint: bigger }), ...lines.slice(2)];
    expect((await verify(forged)).fault).toMatchObject({ kind: 'truncated', expected: anchor.treeSize + 5 });
  });

  it('refuses an unknown directive before writing anything', async () => {
    await expect(exported({ directiveId: '0190f3c4-0000-7000-8000-0000000000ff' })).rejects.toThrow('No directive');
  });
});
