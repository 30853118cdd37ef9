/** A page of a list as the API answers it (docs/security.md, "Pages of a list"): its items, and the cursor of the next page (null on the last). */
export interface Page {
  next: string | null;
}

/** The most pages one list is read in (a million items at the largest page): past it, the server is answering in a circle. */
const MAX_PAGES = 1000;

/**
 * Every page of a list, read one after the other by following `next` until
 * it is null: the named arrays of every page joined, the other fields as the
 * first page gave them, and `next` null. A cursor given twice stops it.
 */
export async function allPages<A extends Page>(
  fetchPage: (after: string | undefined) => Promise<A>,
  arrays: Array<NoInfer<Exclude<keyof A, 'next'>>>,
): Promise<A> {
  type K = Exclude<keyof A, 'next'>;
  const first = await fetchPage(undefined);
  const joined = Object.fromEntries(arrays.map((name) => [name, [...(first[name] as unknown[])]])) as Record<K, unknown[]>;
  const seen = new Set<string>();
  let next = first.next;
  for (let pages = 1; next !== null; pages++) {
    if (seen.has(next) || pages >= MAX_PAGES) throw new Error(`The list did not end after ${pages} pages`);
    seen.add(next);
    const page = await fetchPage(next);
    for (const name of arrays) joined[name].push(...(page[name] as unknown[]));
    next = page.next;
  }
  return { ...first, ...joined, next: null };
}
