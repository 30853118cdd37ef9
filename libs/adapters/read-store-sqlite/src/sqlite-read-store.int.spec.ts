import { readStoreContract } from '@dm/read-store/testing';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findSql } from './find-sql';
import { SqliteReadStore } from './sqlite-read-store';

const dir = mkdtempSync(join(tmpdir(), 'dm-read-store-'));
let files = 0;
const tempFile = () => join(dir, `read-${++files}.db`);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

readStoreContract('SqliteReadStore (file)', async () => new SqliteReadStore({ file: tempFile() }));
readStoreContract('SqliteReadStore (:memory:)', async () => new SqliteReadStore({ file: ':memory:' }));

describe('SqliteReadStore', () => {
  it('finds through the expression indexes ensureIndexes creates', async () => {
    const file = tempFile();
    const store = new SqliteReadStore({ file });
    await store.ensureIndexes('assignments', [['agencyId', 'facts.deadline'], ['status']]);
    await store.applyFacts('assignments', [{ id: 'a-1', source: 'directives', revision: 0, set: { agencyId: 'x' } }]);
    const db = new Database(file, { readonly: true });
    const plan = (query: Parameters<typeof findSql>[1]) => {
      const { text, params } = findSql('assignments', query);
      return db
        .prepare(`EXPLAIN QUERY PLAN ${text}`)
        .all(...params)
        .map((row) => (row as { detail: string }).detail)
        .join('\n');
    };
    expect(plan({ where: { agencyId: 'x', 'facts.deadline': { lte: '2017-03-31' } } })).toContain('assignments__agencyId__facts.deadline');
    expect(plan({ where: { status: { in: ['a', 'b'] } } })).toContain('assignments__status');
    db.close();
    await store.close();
  });

  it('drops its indexes on a truncate and builds them again when the collection is next read or its indexes asked for, also in another process', async () => {
    const file = tempFile();
    const indexesOf = () => {
      const db = new Database(file, { readonly: true });
      const names = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'rows' AND sql IS NOT NULL ORDER BY name")
        .all();
      db.close();
      return (names as Array<{ name: string }>).map((r) => r.name);
    };
    const store = new SqliteReadStore({ file });
    await store.ensureIndexes('rows', [['assignmentId'], ['on', 'kind']]);
    const both = ['rows__assignmentId', 'rows__on__kind'];
    expect(indexesOf()).toEqual(both);
    await store.truncate('rows');
    expect(indexesOf()).toEqual([]);
    await store.applyFacts('rows', [{ id: 'r-1', source: 't', revision: 0, set: { assignmentId: 'a-1' }, insertOnly: true }]);
    expect(indexesOf()).toEqual([]);
    expect(await store.find('rows', { where: { assignmentId: 'a-1' } })).toHaveLength(1);
    expect(indexesOf()).toEqual(both);
    await store.truncate('rows');
    await store.ensureIndexes('rows', [['assignmentId']]);
    expect(indexesOf()).toEqual(both);
    await store.close();

    const reopened = new SqliteReadStore({ file });
    await reopened.truncate('rows');
    expect(indexesOf()).toEqual([]);
    await reopened.find('rows');
    expect(indexesOf()).toEqual(both);
    await reopened.close();
  });

  it('refuses a collection name that is not a plain identifier', async () => {
    const store = new SqliteReadStore({ file: ':memory:' });
    await expect(store.get('x"; DROP TABLE y; --', 'a')).rejects.toThrow('invalid collection name');
    await store.close();
  });
});
