import { z } from 'zod';

/**
 * Pages of a list (docs/security.md, "Pages of a list"): `limit` items at most (1 to
 * 1000, 500 by default), after the opaque cursor `after`; the answer's
 * `next` is the cursor of the following page, null on the last. A cursor is
 * the sort key of a page's last item, as base64url-encoded JSON: the order
 * is total (the list's order, then a unique id), so following `next` visits
 * every item once, even when items are added between pages.
 */
export const MAX_PAGE = 1000;
export const DEFAULT_PAGE = 500;

/** A value of a sort key. */
export type KeyPart = string | number;
export type SortKey = readonly KeyPart[];

const LIMIT_MESSAGE = `must be a whole number from 1 to ${MAX_PAGE}`;

/** `limit`: a whole number from 1 to 1000; 500 when not given. */
export const pageLimit = z
  .string({ invalid_type_error: LIMIT_MESSAGE })
  .regex(/^\d{1,15}$/, LIMIT_MESSAGE)
  .transform(Number)
  .pipe(z.number().min(1, 'must be at least 1').max(MAX_PAGE, `must be at most ${MAX_PAGE}`))
  .optional()
  .transform((n) => n ?? DEFAULT_PAGE);

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}

/** The cursor naming a sort key. */
export function encodeCursor(key: SortKey): string {
  return toBase64Url(JSON.stringify(key));
}

/** The sort key a cursor names, or null when it is not one this encoder wrote. */
export function decodeCursor(cursor: string): unknown[] | null {
  const text = fromBase64Url(cursor);
  if (text === null) return null;
  try {
    const key: unknown = JSON.parse(text);
    return Array.isArray(key) && toBase64Url(JSON.stringify(key)) === cursor ? key : null;
  } catch {
    return null;
  }
}

const CURSOR_MESSAGE = 'must be the next of a page before (an opaque cursor)';

/** A cursor's key part: a string (at most 1000 characters) or a finite number. */
export const keyText = z.string().max(1000);
export const keyNumber = z.number().finite();

/** `after`: a cursor whose key has the shape `key` (a tuple of the list's sort fields); 400 naming `after` otherwise. */
export function pageAfter<K extends z.ZodTypeAny>(key: K) {
  return z
    .string({ invalid_type_error: CURSOR_MESSAGE })
    .max(4000, CURSOR_MESSAGE)
    .transform((cursor, ctx): z.infer<K> => {
      const decoded = decodeCursor(cursor);
      const parsed = decoded ? key.safeParse(decoded) : null;
      if (!parsed?.success) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: CURSOR_MESSAGE });
        return z.NEVER;
      }
      return parsed.data;
    })
    .optional();
}

/** The two paging parameters, to spread into a list's query schema. */
export function pageFields<K extends z.ZodTypeAny>(key: K) {
  return { limit: pageLimit, after: pageAfter(key) };
}

/** What a page asks for, as validated. */
export interface PageRequest<K = SortKey> {
  limit: number;
  after?: K;
}

/** The field every paged answer adds. */
export const nextField = { next: z.string().nullable() };

/** Compares two sort keys part by part, each part ascending unless its direction says 'desc'. */
export function compareKeys(a: SortKey, b: SortKey, directions: ReadonlyArray<'asc' | 'desc'> = []): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const [x, y] = [a[i], b[i]];
    if (x === y) continue;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const c = typeof x === typeof y ? (x < y ? -1 : 1) : typeof x === 'number' ? -1 : 1;
    return directions[i] === 'desc' ? -c : c;
  }
  return 0;
}

/** How an in-memory list is ordered: each item's key, and how two keys compare (a total order). */
export interface Ordering<T, K extends SortKey = SortKey> {
  keyOf: (item: T) => K;
  compare?: (a: K, b: K) => number;
}

/** One page of a list held in memory: sorted by its key, those after the cursor, `limit` of them. */
export function pageOf<T, K extends SortKey>(items: readonly T[], ordering: Ordering<T, K>, page: PageRequest<K>) {
  const compare = ordering.compare ?? ((a: K, b: K) => compareKeys(a, b));
  const keyed = items.map((item) => ({ item, key: ordering.keyOf(item) })).sort((a, b) => compare(a.key, b.key));
  const after = page.after;
  const rest = after === undefined ? keyed : keyed.filter((k) => compare(k.key, after) > 0);
  const shown = rest.slice(0, page.limit);
  return {
    items: shown.map((k) => k.item),
    next: rest.length > page.limit ? encodeCursor(shown[shown.length - 1].key) : null,
  };
}

/**
 * One page of a list made of several arrays of an answer, read one after
 * the other (the agencies, then the groups): the key is the array's index,
 * then the item's key within it. Answers each array's part of the page.
 */
export function pageOfParts<P extends Record<string, readonly unknown[]>>(
  parts: { [N in keyof P]: Ordering<P[N][number], SortKey> },
  items: P,
  page: PageRequest<readonly [number, ...KeyPart[]]>,
): { [N in keyof P]: Array<P[N][number]> } & { next: string | null } {
  const names = Object.keys(parts) as Array<keyof P & string>;
  type Entry = { part: number; item: unknown };
  const all: Entry[] = names.flatMap((name, part) => items[name].map((item) => ({ part, item })));
  const ordering: Ordering<Entry, SortKey> = {
    keyOf: (e) => [e.part, ...parts[names[e.part]].keyOf(e.item as never)],
    compare: (a, b) => {
      if (a[0] !== b[0]) return (a[0] as number) - (b[0] as number);
      const own = parts[names[a[0] as number]].compare ?? ((x: SortKey, y: SortKey) => compareKeys(x, y));
      return own(a.slice(1), b.slice(1));
    },
  };
  const { items: shown, next } = pageOf(all, ordering, page as PageRequest<SortKey>);
  const out = Object.fromEntries(names.map((name, part) => [name, shown.filter((e) => e.part === part).map((e) => e.item)]));
  return { ...out, next } as { [N in keyof P]: Array<P[N][number]> } & { next: string | null };
}
