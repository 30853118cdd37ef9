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
});
