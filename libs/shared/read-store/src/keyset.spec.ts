import { InMemoryReadStore } from './in-memory-read-store';
import { collectPage, findAfter, keyOfDoc, mergeScans, scanAfter, type KeyOrder } from './keyset';

const ORDER: KeyOrder = [
  ['day', 'desc'],
  ['_id', 'asc'],
];

async function storeOf(days: Record<string, string>) {
  const store = new InMemoryReadStore();
  await store.putDocuments(
    'c',
    Object.entries(days).map(([id, day]) => ({ _id: id, rev: {}, day, kind: id.startsWith('a') ? 'a' : 'b' })),
  );
  return store;
}

describe('keyset pages over the read-store port', () => {
  it('finds the documents strictly after a key, ties broken by id', async () => {
    const store = await storeOf({ a1: '2017-03-01', a2: '2017-03-01', a3: '2017-03-01', b1: '2017-04-01', b2: '2017-02-01' });
    const ids = (docs: { _id: string }[]) => docs.map((d) => d._id);
    expect(ids(await findAfter(store, 'c', {}, ORDER, undefined, 10))).toEqual(['b1', 'a1', 'a2', 'a3', 'b2']);
    expect(ids(await findAfter(store, 'c', {}, ORDER, ['2017-03-01', 'a1'], 10))).toEqual(['a2', 'a3', 'b2']);
    expect(ids(await findAfter(store, 'c', {}, ORDER, ['2017-03-01', 'a1'], 2))).toEqual(['a2', 'a3']);
    expect(ids(await findAfter(store, 'c', { kind: 'b' }, ORDER, ['2017-04-01', 'b1'], 10))).toEqual(['b2']);
  });

  it('combines the key with the query: an equality that cannot hold is no query, a range joins the bound', async () => {
    const store = await storeOf({ a1: '2017-03-01', a2: '2017-03-01', b1: '2017-04-01', b2: '2017-02-01' });
    const ids = (docs: { _id: string }[]) => docs.map((d) => d._id);
    expect(ids(await findAfter(store, 'c', { day: '2017-03-01' }, ORDER, ['2017-03-01', 'a1'], 10))).toEqual(['a2']);
    expect(ids(await findAfter(store, 'c', { day: { gte: '2017-02-15' } }, ORDER, ['2017-04-01', 'b1'], 10))).toEqual(['a1', 'a2']);
  });

  it('scans a chunk at a time and pages what a filter keeps', async () => {
    const days = Object.fromEntries(
      Array.from({ length: 25 }, (_, i) => [`a${String(i).padStart(2, '0')}`, `2017-03-${String((i % 5) + 1).padStart(2, '0')}`]),
    );
    const store = await storeOf(days);
    const all = [];
    for await (const d of scanAfter(store, 'c', { where: {}, order: ORDER, chunk: 4 })) all.push(d._id);
    expect(all).toHaveLength(25);
    expect(new Set(all).size).toBe(25);
    const odd = (d: { _id: string }) => (Number(d._id.slice(1)) % 2 ? d._id : null);
    const seen: string[] = [];
    let after: (string | number)[] | undefined;
    do {
      const page = await collectPage(scanAfter(store, 'c', { where: {}, order: ORDER, after, chunk: 3 }), odd, ORDER, 5);
      seen.push(...page.items);
      after = page.nextKey ?? undefined;
    } while (after);
    expect(seen).toEqual(all.filter((id) => Number(id.slice(1)) % 2));
  });

  it('merges scans in order, once each', async () => {
    const store = await storeOf({ a1: '2017-03-01', a2: '2017-01-01', b1: '2017-04-01', b2: '2017-02-01' });
    const merged = [];
    for await (const d of mergeScans(
      [scanAfter(store, 'c', { where: { kind: 'a' }, order: ORDER }), scanAfter(store, 'c', { where: {}, order: ORDER })],
      ORDER,
    ))
      merged.push(d._id);
    expect(merged).toEqual(['b1', 'a1', 'b2', 'a2']);
    expect(keyOfDoc({ _id: 'x', rev: {}, day: 'd' }, ORDER)).toEqual(['d', 'x']);
  });
});
