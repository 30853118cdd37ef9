import type { Document } from '@dm/eventsourcing';
import { valueAt, type Condition, type Range, type ReadStore, type Scalar } from './read-store';

/** A total order of a collection: its fields, the last of them `_id` (a unique tie-breaker). */
export type KeyOrder = Array<[field: string, direction: 'asc' | 'desc']>;
export type KeyValue = string | number;

/** A document's key in `order` (its values of the order's fields). */
export function keyOfDoc(doc: Document, order: KeyOrder): KeyValue[] {
  return order.map(([field]) => valueAt(doc, field) as KeyValue);
}

const holds = (value: KeyValue, c: Condition): boolean => {
  if (c === null || typeof c !== 'object') return value === c;
  if ('in' in c) return c.in.includes(value);
  const same = (b: KeyValue | undefined, test: (v: KeyValue, b: KeyValue) => boolean) =>
    b === undefined || (typeof b === typeof value && test(value, b));
  return same(c.lt, (v, b) => v < b) && same(c.lte, (v, b) => v <= b) && same(c.gt, (v, b) => v > b) && same(c.gte, (v, b) => v >= b);
};

/**
 * `where` with `field` also equal to `value`, or null when no document can
 * hold both (the field is already asked to be something else).
 */
function withEqual(where: Record<string, Condition>, field: string, value: KeyValue): Record<string, Condition> | null {
  const asked = where[field];
  if (asked === undefined) return { ...where, [field]: value };
  return holds(value, asked) ? { ...where, [field]: value } : null;
}

/** `where` with `field` also strictly past `value` in `direction`, or null when none can be. */
function withPast(
  where: Record<string, Condition>,
  field: string,
  value: KeyValue,
  direction: 'asc' | 'desc',
): Record<string, Condition> | null {
  const bound: Range = direction === 'asc' ? { gt: value } : { lt: value };
  const asked = where[field];
  if (asked === undefined) return { ...where, [field]: bound };
  if (asked === null || typeof asked !== 'object') {
    const past = typeof asked === typeof value && (direction === 'asc' ? (asked as KeyValue) > value : (asked as KeyValue) < value);
    return past ? where : null;
  }
  if ('in' in asked) throw new Error(`A keyset over ${field} cannot also ask it to be in a list`);
  return { ...where, [field]: { ...asked, ...bound } };
}

/**
 * The documents of `where` strictly after the key `after` in `order`, `n` at
 * most, in that order: the union of, for each field from the last, the
 * documents equal to the key on the fields before it and past it on that
 * field. One query per field at most, each with the store's own comparison.
 */
export async function findAfter<T extends Document>(
  store: ReadStore,
  collection: string,
  where: Record<string, Condition>,
  order: KeyOrder,
  after: readonly Scalar[] | undefined,
  n: number,
): Promise<T[]> {
  if (!after) return store.find<T>(collection, { where, orderBy: order, limit: n });
  const found: T[] = [];
  for (let i = order.length - 1; i >= 0 && found.length < n; i--) {
    let q: Record<string, Condition> | null = where;
    for (let j = 0; j < i && q; j++) q = withEqual(q, order[j][0], after[j] as KeyValue);
    if (q) q = withPast(q, order[i][0], after[i] as KeyValue, order[i][1]);
    if (!q) continue;
    found.push(...(await store.find<T>(collection, { where: q, orderBy: order.slice(i), limit: n - found.length })));
  }
  return found;
}

/** Every document of `where` after the key `after` in `order`, read from the store `chunk` at a time. */
export async function* scanAfter<T extends Document>(
  store: ReadStore,
  collection: string,
  query: { where: Record<string, Condition>; order: KeyOrder; after?: readonly Scalar[]; chunk?: number },
): AsyncGenerator<T> {
  const chunk = query.chunk ?? 200;
  let after = query.after;
  for (;;) {
    const docs = await findAfter<T>(store, collection, query.where, query.order, after, chunk);
    yield* docs;
    if (docs.length < chunk) return;
    after = keyOfDoc(docs[docs.length - 1], query.order);
  }
}

/** Documents of several scans (each in `order`), merged in that order; a document found twice is given once. */
export async function* mergeScans<T extends Document>(scans: AsyncIterable<T>[], order: KeyOrder): AsyncGenerator<T> {
  const iterators = scans.map((s) => s[Symbol.asyncIterator]());
  const heads = await Promise.all(iterators.map((it) => it.next()));
  const seen = new Set<string>();
  const compare = (a: Document, b: Document) => {
    const [x, y] = [keyOfDoc(a, order), keyOfDoc(b, order)];
    for (let i = 0; i < order.length; i++) {
      if (x[i] === y[i]) continue;
      const c = x[i] < y[i] ? -1 : 1;
      return order[i][1] === 'desc' ? -c : c;
    }
    return 0;
  };
  for (;;) {
    let least = -1;
    heads.forEach((h, i) => {
      if (!h.done && (least < 0 || compare(h.value, heads[least].value as T) < 0)) least = i;
    });
    if (least < 0) return;
    const doc = heads[least].value as T;
    heads[least] = await iterators[least].next();
    if (seen.has(doc._id)) continue;
    seen.add(doc._id);
    yield doc;
  }
}

/**
 * A page of what a scan gives, each document turned into an item (or left
 * out, null): `limit` items at most, and whether more follow, with the
 * stored key of the last item shown (the cursor of the next page).
 */
export async function collectPage<D extends Document, I>(
  docs: AsyncIterable<D>,
  item: (doc: D) => I | null | Promise<I | null>,
  order: KeyOrder,
  limit: number,
): Promise<{ items: I[]; nextKey: KeyValue[] | null }> {
  const items: I[] = [];
  let lastKey: KeyValue[] | null = null;
  for await (const doc of docs) {
    const shown = await item(doc);
    if (shown === null) continue;
    if (items.length === limit) return { items, nextKey: lastKey };
    items.push(shown);
    lastKey = keyOfDoc(doc, order);
  }
  return { items, nextKey: null };
}
