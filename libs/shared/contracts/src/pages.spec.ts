import { z } from 'zod';
import { compareKeys, decodeCursor, encodeCursor, keyText, pageAfter, pageLimit, pageOf, pageOfParts } from './pages';

describe('pages', () => {
  it('reads limit: 1 to 1000, 500 when not given', () => {
    expect(pageLimit.parse(undefined)).toBe(500);
    expect(pageLimit.parse('1000')).toBe(1000);
    for (const bad of ['0', '1001', 'abc', '2.5', '-1', '', ['1', '2']]) expect(pageLimit.safeParse(bad).success).toBe(false);
  });

  it('reads after: a cursor this encoder wrote, of the key’s shape', () => {
    const after = pageAfter(z.tuple([keyText, keyText]));
    const cursor = encodeCursor(['2017-03-01', 'Hà Nội']);
    expect(after.parse(cursor)).toEqual(['2017-03-01', 'Hà Nội']);
    expect(decodeCursor(cursor)).toEqual(['2017-03-01', 'Hà Nội']);
    for (const bad of [
      '!!',
      encodeCursor(['x']),
      encodeCursor([1, 2]),
      `${cursor}=`,
      Buffer.from('{"a":1}').toString('base64url'),
      Buffer.from([0xff]).toString('base64url'),
    ])
      expect(after.safeParse(bad).success).toBe(false);
  });

  it('pages a list in memory: sorted by its key, after the cursor, next null on the last', () => {
    const items = ['d', 'b', 'a', 'c', 'e'];
    const ordering = { keyOf: (s: string) => [s] as const };
    const first = pageOf(items, ordering, { limit: 2 });
    expect(first.items).toEqual(['a', 'b']);
    const second = pageOf(items, ordering, { limit: 2, after: decodeCursor(first.next!) as [string] });
    expect(second.items).toEqual(['c', 'd']);
    const last = pageOf(items, ordering, { limit: 2, after: decodeCursor(second.next!) as [string] });
    expect(last).toEqual({ items: ['e'], next: null });
    expect(compareKeys(['a', 2], ['a', 1], ['asc', 'desc'])).toBeLessThan(0);
  });

  it('pages several arrays one after the other', () => {
    const parts = { xs: { keyOf: (n: number) => [n] }, ys: { keyOf: (s: string) => [s] } };
    const items = { xs: [3, 1, 2], ys: ['b', 'a'] };
    const first = pageOfParts(parts, items, { limit: 4 });
    expect(first).toMatchObject({ xs: [1, 2, 3], ys: ['a'] });
    expect(pageOfParts(parts, items, { limit: 4, after: decodeCursor(first.next!) as [number, string] })).toEqual({
      xs: [],
      ys: ['b'],
      next: null,
    });
  });
});
