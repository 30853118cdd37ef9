import { canonicalJson, eventHash, type StoredEventText } from '@dm/contracts';
import { InMemoryEventStore } from '@dm/eventsourcing';
import { collect, newEvent } from '@dm/testing';
import { generateKeyPairSync } from 'node:crypto';
import { signCheckpoint, type Checkpoint } from './checkpoint';
import { eventLeaf, leafData } from './leaf';
import { LogVerifier } from './log-verifier';
import { CompactRange } from '@dm/merkle';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');

/** 12 events over 3 streams, as one store logs them. */
async function storedLog(): Promise<StoredEventText[]> {
  const store = new InMemoryEventStore({ name: 'task-assignment' });
  for (let i = 0; i < 12; i++) await store.appendToStream(`directive-${i % 3}`, [newEvent({ data: { n: i, text: 'Sở Lao động' } })]);
  return (await collect(store.readLog())).flat();
}

function checkpointOf(events: StoredEventText[], size: number, time = `2017-04-0${size % 9}T00:00:00.000Z`): Checkpoint {
  const range = new CompactRange();
  events.slice(0, size).forEach((e) => range.push(eventLeaf(e.globalPosition, e.hash)));
  return signCheckpoint({ store: 'task-assignment', treeSize: size, rootHash: range.root().toString('hex'), time }, privateKey);
}

function verify(events: StoredEventText[], checkpoints: Checkpoint[] = [], stored: Parameters<LogVerifier['finish']>[0] = {}) {
  const verifier = new LogVerifier('task-assignment', { checkpoints, publicKey });
  for (const e of events) if (!verifier.add(e)) break;
  return verifier.finish(stored);
}

/** The same event with new content, hashed again as an attacker who knows the encoding would. */
const rehashed = (e: StoredEventText, data: unknown): StoredEventText => {
  const changed = { ...e, data: canonicalJson(data) };
  return { ...changed, hash: eventHash(e.prevHash, { ...e, actor: JSON.parse(e.actor), metadata: JSON.parse(e.metadata), data }) };
};

describe('verifying one store’s log', () => {
  it('passes an untouched log and recomputes its tree head, checking every checkpoint', async () => {
    const events = await storedLog();
    const report = verify(events, [checkpointOf(events, 5), checkpointOf(events, 12)]);
    expect(report).toMatchObject({ ok: true, events: 12, streams: 3, treeSize: 12, checkpointsChecked: 2, fault: null });
    expect(report.rootHash).toBe(checkpointOf(events, 12).rootHash);
  });

  it('verifies events stored with non-canonical JSON members by parsing them', async () => {
    const events = (await storedLog()).map((e) => ({ ...e, data: JSON.stringify(JSON.parse(e.data), null, 1) }));
    expect(verify(events).ok).toBe(true);
  });

  it('names a changed byte of a payload: the event, its stream and revision', async () => {
    const events = await storedLog();
    events[6] = { ...events[6], data: events[6].data.replace('Sở', 'Sớ') };
    expect(verify(events).fault).toMatchObject({ kind: 'hash', position: 7, streamId: 'directive-0', revision: 2 });
  });

  it('names a changed record time', async () => {
    const events = await storedLog();
    events[3] = { ...events[3], recordedAt: '2016-01-01T00:00:00.000Z' };
    expect(verify(events).fault).toMatchObject({ kind: 'hash', position: 4 });
  });

  it('names a deleted event: the gap in positions', async () => {
    const events = await storedLog();
    events.splice(4, 1);
    expect(verify(events).fault).toMatchObject({ kind: 'position', expected: 5, found: 6 });
  });

  it('names two swapped events, even when their positions were swapped with them', async () => {
    const events = await storedLog();
    const [a, b] = [events[3], events[4]];
    events[3] = { ...b, globalPosition: a.globalPosition };
    events[4] = { ...a, globalPosition: b.globalPosition };
    expect(verify(events, [checkpointOf(await storedLog(), 12)]).fault).toMatchObject({ kind: 'checkpoint' });
  });

  it('names a rewritten event whose hash and chain were recomputed, against the checkpoint that covers it', async () => {
    const original = await storedLog();
    const events = [...original];
    const forged = rehashed(events[10], { n: 99 });
    events[10] = forged;
    expect(verify(events).ok).toBe(true);
    expect(verify(events, [checkpointOf(original, 11)]).fault).toMatchObject({ kind: 'checkpoint', position: 11 });
  });

  it('names an event that is not the one the stored Merkle log holds at its index', async () => {
    const events = await storedLog();
    const leaves = events.map((e) => eventLeaf(e.globalPosition, e.hash));
    const forged = [...events];
    forged[10] = rehashed(events[10], { n: 99 });
    const verifier = new LogVerifier('task-assignment');
    forged.every((e, i) => verifier.add(e, leaves[i] ?? null));
    expect(verifier.finish().fault).toMatchObject({ kind: 'leaf', position: 11, streamId: 'directive-1', revision: 3 });
  });

  it('names the tail cut off with its stream heads by the checkpoint that covered it', async () => {
    const events = await storedLog();
    const cut = events.slice(0, 8);
    const heads = new Map<string, number>();
    cut.forEach((e) => heads.set(e.streamId, e.streamRevision));
    expect(verify(cut, [], { heads }).ok).toBe(true);
    expect(verify(cut, [checkpointOf(events, 12)], { heads }).fault).toMatchObject({ kind: 'truncated', expected: 12, found: 8 });
    expect(verify(cut, [], { heads, treeSize: 12 }).fault).toMatchObject({ kind: 'truncated', expected: 12, found: 8 });
  });

  it('names a stream head that does not match the stream’s last event', async () => {
    const events = await storedLog();
    const heads = new Map([
      ['directive-0', 3],
      ['directive-1', 2],
      ['directive-2', 3],
    ]);
    expect(verify(events, [], { heads }).fault).toMatchObject({ kind: 'head', streamId: 'directive-1', expected: 2, found: 3 });
  });

  it('refuses a checkpoint with a bad signature or from another key', async () => {
    const events = await storedLog();
    const good = checkpointOf(events, 12);
    expect(verify(events, [{ ...good, treeSize: 11 }]).fault).toMatchObject({ kind: 'signature' });
    const other = generateKeyPairSync('ed25519').privateKey;
    const foreign = signCheckpoint({ store: good.store, treeSize: 12, rootHash: good.rootHash, time: good.time }, other);
    expect(verify(events, [foreign]).fault?.message).toMatch(/signed by key/);
  });

  it('names an event inserted into a stream and re-chained', async () => {
    const original = await storedLog();
    const extra = rehashed({ ...original[11], eventId: 'inserted' }, { n: 100 });
    expect(verify([...original.slice(0, 11), { ...extra }]).ok).toBe(true);
    const shifted = [...original.slice(0, 11), { ...original[11], globalPosition: 13 }];
    shifted.splice(11, 0, { ...extra, streamRevision: original[11].streamRevision, globalPosition: 12 });
    expect(verify(shifted, [checkpointOf(original, 12)]).ok).toBe(false);
  });

  it('names invalid JSON in a stored member', async () => {
    const events = await storedLog();
    events[2] = { ...events[2], data: events[2].data + ',"x":1' };
    expect(verify(events).fault).toMatchObject({ kind: 'unreadable', position: 3 });
  });
});

describe('the leaf of an event', () => {
  it('is the version, the position as 64-bit big-endian, and the hash', () => {
    const data = leafData(2 ** 40 + 5, 'ab'.repeat(32));
    expect(data.toString('hex')).toBe('01' + '0000010000000005' + 'ab'.repeat(32));
    expect(() => leafData(1, 'not hex')).toThrow('not a SHA-256 hash');
  });
});

describe('checkpoints of an empty log', () => {
  it('are checked against the empty tree’s head, with or without events after them', async () => {
    const events = await storedLog();
    const empty = checkpointOf(events, 0);
    expect(verify([], [empty])).toMatchObject({ ok: true, checkpointsChecked: 1 });
    expect(verify(events, [empty])).toMatchObject({ ok: true, checkpointsChecked: 1 });
    const forged = signCheckpoint({ ...empty, rootHash: 'ab'.repeat(32) }, privateKey);
    expect(verify([], [forged]).fault).toMatchObject({ kind: 'checkpoint' });
  });
});

describe('the verifier’s other checks', () => {
  it('takes checkpoints in any order, and refuses one of another store', async () => {
    const events = await storedLog();
    expect(verify(events, [checkpointOf(events, 12), checkpointOf(events, 3), checkpointOf(events, 7)])).toMatchObject({
      ok: true,
      checkpointsChecked: 3,
    });
    const foreign = signCheckpoint({ ...checkpointOf(events, 3), store: 'audit' }, privateKey);
    expect(verify(events, [foreign]).fault).toMatchObject({ kind: 'checkpoint', message: expect.stringContaining('is for store audit') });
  });

  it('accepts gaps in positions where the store has them, never a position going back', async () => {
    const events = (await storedLog()).map((e, i) => ({ ...e, globalPosition: 100 + i * 7 }));
    const loose = (list: StoredEventText[]) => {
      const verifier = new LogVerifier('task-assignment', { contiguous: false });
      list.every((e) => verifier.add(e));
      return verifier.finish();
    };
    expect(loose(events).ok).toBe(true);
    expect(verify(events).fault).toMatchObject({ kind: 'position', message: 'position 1 is missing or out of order: found 100' });
    const back = [...events];
    back[5] = { ...back[5], globalPosition: back[4].globalPosition };
    expect(loose(back).fault).toMatchObject({ kind: 'position', position: back[4].globalPosition });
  });

  it('holds the log to the stored tree head at its size', async () => {
    const events = await storedLog();
    const stored = checkpointOf(events, 9);
    const good = new LogVerifier('task-assignment', { storedTree: { treeSize: 9, rootHash: stored.rootHash } });
    events.forEach((e) => good.add(e));
    expect(good.finish().ok).toBe(true);
    const bad = new LogVerifier('task-assignment', { storedTree: { treeSize: 9, rootHash: 'ef'.repeat(32) } });
    events.every((e) => bad.add(e));
    expect(bad.ok).toBe(false);
    expect(bad.finish().fault).toMatchObject({
      kind: 'leaf',
      position: 9,
      expected: 'ef'.repeat(32),
      found: stored.rootHash,
      message: expect.stringMatching(/^the first 9 events do not give the root of the stored Merkle log/),
    });
  });

  it('names an event the stored log does not hold at all', async () => {
    const events = await storedLog();
    const verifier = new LogVerifier('task-assignment');
    events.slice(0, 3).forEach((e) => verifier.add(e, eventLeaf(e.globalPosition, e.hash)));
    expect(verifier.add(events[3], null)).toBe(false);
    expect(verifier.finish().fault).toMatchObject({
      kind: 'leaf',
      position: 4,
      expected: null,
      message: expect.stringContaining('not in the Merkle log'),
    });
  });

  it('lists the streams it saw, and stays stopped after its first fault', async () => {
    const events = await storedLog();
    const verifier = new LogVerifier('task-assignment');
    expect(verifier.ok).toBe(true);
    events.slice(0, 5).forEach((e) => verifier.add(e));
    expect(verifier.streamIds().sort()).toEqual(['directive-0', 'directive-1', 'directive-2']);
    expect(verifier.add({ ...events[5], hash: 'ff'.repeat(32) })).toBe(false);
    expect(verifier.add(events[6])).toBe(false);
    expect(verifier.finish()).toMatchObject({ ok: false, events: 5, fault: { kind: 'hash', position: 6 } });
  });

  it('says which revision and which link are wrong', async () => {
    const events = await storedLog();
    const skipped = [...events];
    skipped[3] = { ...skipped[3], streamRevision: 5 };
    expect(verify(skipped).fault).toMatchObject({ kind: 'revision', message: 'stream directive-0 has revision 5 where 1 comes next' });
    const unlinked = [...events];
    unlinked[3] = { ...unlinked[3], prevHash: '00'.repeat(32) };
    expect(verify(unlinked).fault).toMatchObject({
      kind: 'chain',
      expected: events[0].hash,
      message: 'the event at position 4 (stream directive-0, revision 1) does not link to the event before it in its stream',
    });
  });
});
