import { allPages } from './pages';

type Answer = { version: string; agencies: string[]; groups: string[]; next: string | null };

/** A server's pages of a list: agencies then groups, two items a page. */
function server(agencies: string[], groups: string[]) {
  const items = [...agencies.map((a) => ['agencies', a] as const), ...groups.map((g) => ['groups', g] as const)];
  const asked: Array<string | undefined> = [];
  const fetchPage = async (after: string | undefined): Promise<Answer> => {
    asked.push(after);
    const from = after === undefined ? 0 : Number(after);
    const shown = items.slice(from, from + 2);
    return {
      version: `v${asked.length}`,
      agencies: shown.filter(([k]) => k === 'agencies').map(([, v]) => v),
      groups: shown.filter(([k]) => k === 'groups').map(([, v]) => v),
      next: from + 2 < items.length ? String(from + 2) : null,
    };
  };
  return { fetchPage, asked };
}

describe('allPages', () => {
  it('follows next until null, joining each array; the other fields are the first page’s', async () => {
    const { fetchPage, asked } = server(['a', 'b', 'c'], ['g1', 'g2']);
    expect(await allPages(fetchPage, ['agencies', 'groups'])).toEqual({
      version: 'v1',
      agencies: ['a', 'b', 'c'],
      groups: ['g1', 'g2'],
      next: null,
    });
    expect(asked).toEqual([undefined, '2', '4']);
  });

  it('reads one page when the first is the last', async () => {
    const { fetchPage, asked } = server(['a'], []);
    expect(await allPages(fetchPage, ['agencies', 'groups'])).toMatchObject({ agencies: ['a'], groups: [], next: null });
    expect(asked).toEqual([undefined]);
  });

  it('stops when a cursor comes back', async () => {
    const fetchPage = async () => ({ items: [1], next: 'same' });
    await expect(allPages(fetchPage, ['items'])).rejects.toThrow(/did not end/);
  });
});
