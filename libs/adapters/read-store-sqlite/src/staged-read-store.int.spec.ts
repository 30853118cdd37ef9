import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteReadStore } from './sqlite-read-store';
import { StagedReadStore, type FactWrite } from '@dm/read-store';

describe('StagedReadStore over SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dm-staged-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const writes: FactWrite[] = [
    { id: 'x', source: 'd', revision: 0, setOnInsert: { created: true }, set: { 'facts.d.r0': { a: 1 } } },
    { id: 'x', source: 'a', revision: 0, set: { 'facts.a.r0': { b: 1 } } },
    { id: 'x', source: 'a', revision: 1, set: { 'facts.a.r1': { b: 2 } } },
    { id: 'x', source: 'a', revision: 1, set: { 'facts.a.r1': { b: 'replayed' } } },
    { id: 'y', source: 'a', revision: 3, set: { v: 3 } },
  ];

  it('writes the same documents as applying the facts directly, and nothing before flush', async () => {
    const direct = new SqliteReadStore({ file: join(dir, 'direct.db') });
    await direct.applyFacts('c', writes);
    const target = new SqliteReadStore({ file: join(dir, 'staged.db') });
    const staged = new StagedReadStore(target);
    await staged.applyFacts('c', writes.slice(0, 2));
    await staged.applyFacts('c', writes.slice(2));
    await staged.setCheckpoint('p', 9);
    expect(await target.get('c', 'x')).toBeNull();
    expect(await target.getCheckpoint('p')).toBeNull();
    expect(staged.size).toBe(2);
    await staged.flush();
    expect(await target.find('c')).toEqual(await direct.find('c'));
    expect(await target.getCheckpoint('p')).toBe(9);
    await direct.close();
    await target.close();
  });

  it('after a truncate, holds insert-only writes as writes (the first per id) and gives the same documents as applying them directly', async () => {
    const entry = { type: 'progress', data: { percent: 10 } };
    const rows: FactWrite[] = [
      { id: 't-1', source: 't', revision: 0, set: { assignmentId: 'a-1', entry }, insertOnly: true },
      { id: 't-1', source: 't', revision: 0, set: { assignmentId: 'a-1', entry: { type: 'replayed' } }, insertOnly: true },
      { id: 't-2', source: 't', revision: 0, set: { assignmentId: 'a-2', entry }, insertOnly: true },
      { id: 't-2', source: 'x', revision: 4, set: { 'entry.note': 'a guarded write after the insert' } },
      { id: 't-3', source: 't', revision: 0, set: { assignmentId: 'a-3', entry }, insertOnly: true },
    ];
    const direct = new SqliteReadStore({ file: join(dir, 'direct-rows.db') });
    await direct.applyFacts('rows', rows.slice(0, 3));
    await direct.applyFacts('rows', rows.slice(3));
    const target = new SqliteReadStore({ file: join(dir, 'staged-rows.db') });
    await target.applyFacts('rows', [{ id: 'old', source: 't', revision: 0, set: {}, insertOnly: true }]);
    const staged = new StagedReadStore(target);
    await staged.truncate('rows');
    await staged.applyFacts('rows', rows.slice(0, 3));
    await staged.applyFacts('rows', rows.slice(3));
    expect([staged.size, staged.pendingInserts]).toEqual([1, 2]);
    expect(await staged.get('rows', 't-1')).toEqual({ _id: 't-1', rev: { t: 0 }, assignmentId: 'a-1', entry });
    expect(await target.find('rows')).toEqual([]);
    await staged.flush();
    expect(await target.find('rows')).toEqual(await direct.find('rows'));
    expect(await target.get('rows', 't-2')).toMatchObject({
      rev: { t: 0, x: 4 },
      entry: { type: 'progress', note: 'a guarded write after the insert' },
    });
    await direct.close();
    await target.close();
  });

  it('without a truncate, leaves a document the target holds as it is when an insert-only write names it', async () => {
    const target = new SqliteReadStore({ file: join(dir, 'kept-rows.db') });
    const first: FactWrite = { id: 't-1', source: 't', revision: 0, set: { entry: 'first' }, insertOnly: true };
    await target.applyFacts('rows', [first]);
    const staged = new StagedReadStore(target);
    await staged.applyFacts('rows', [
      { ...first, set: { entry: 'again' } },
      { id: 't-9', source: 't', revision: 0, set: { entry: 'new' }, insertOnly: true },
    ]);
    expect(await staged.get('rows', 't-1')).toMatchObject({ entry: 'first' });
    await staged.applyFacts('rows', [{ id: 't-1', source: 'x', revision: 1, set: { note: 1 } }]);
    await staged.flush();
    expect(await target.find('rows')).toEqual([
      { _id: 't-1', rev: { t: 0, x: 1 }, entry: 'first', note: 1 },
      { _id: 't-9', rev: { t: 0 }, entry: 'new' },
    ]);
    await target.close();
  });
});
