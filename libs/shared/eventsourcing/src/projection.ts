import type { RecordedEvent } from '@dm/contracts';

/** A read-model document: its fields, and per source the last revision applied to it. */
export interface Document {
  _id: string;
  rev: Record<string, number>;
  [field: string]: unknown;
}

/**
 * One fact write to one document: `setOnInsert` when the document is created,
 * then `set`, `inc` and `max` (dotted paths) only when the document's
 * `rev.<source>` is below `revision`. Replaying a write changes nothing. A
 * path is written by one of them only (nor is one path inside another's),
 * as MongoDB refuses conflicting paths in one update.
 */
export interface FactWrite {
  id: string;
  source: string;
  revision: number;
  setOnInsert?: Record<string, unknown>;
  set: Record<string, unknown>;
  /** Counters: the number at each path goes up by this much (from 0 when missing). */
  inc?: Record<string, number>;
  /**
   * The greatest value seen: each path takes this value when it is missing,
   * null, or lower (a path keeps one type: numbers, or strings such as ISO
   * dates, compared as text; a string ranks above a number, as in MongoDB).
   */
  max?: Record<string, string | number>;
  /**
   * The write only ever creates its document (an insert-only log such as a
   * timeline): it changes nothing when the document exists, so an adapter
   * need not read the document first.
   */
  insertOnly?: boolean;
}

/**
 * A read model's projection: which events it takes, and how one event
 * evolves its documents, as fact writes guarded by revision. So a batch
 * delivered twice, or streams in any order, give the same documents.
 */
export interface Projection {
  /** The collection of its documents. */
  collection: string;
  /** Event types it takes; others give no writes. */
  canHandle: readonly string[];
  /** Fields to index, one entry per (possibly compound) index. */
  indexes?: string[][];
  evolve(event: RecordedEvent): FactWrite[];
}

/** The projection's writes for a batch, in order (events it does not take give none). */
export function writesOf(projection: Projection, events: RecordedEvent[]): FactWrite[] {
  return events.filter((e) => projection.canHandle.includes(e.type)).flatMap((e) => projection.evolve(e));
}

/**
 * Applies one fact write to a document in memory (mutating it), with the
 * semantics every read store keeps: `setOnInsert` on creation, then `set`
 * guarded by the source's revision. Returns the document and whether it changed.
 */
export function applyFact(existing: Document | null, write: FactWrite): { doc: Document; changed: boolean } {
  if (existing && write.insertOnly) return { doc: existing, changed: false };
  let changed = false;
  let doc = existing;
  if (!doc) {
    doc = { _id: write.id, rev: {} };
    setPaths(doc, write.setOnInsert ?? {});
    changed = true;
  }
  const seen = Object.hasOwn(doc.rev, write.source) ? doc.rev[write.source] : undefined;
  if (seen === undefined || seen < write.revision) {
    setPaths(doc, write.set);
    for (const [path, by] of Object.entries(write.inc ?? {})) updatePath(doc, path, (n) => (typeof n === 'number' ? n : 0) + by);
    for (const [path, value] of Object.entries(write.max ?? {})) updatePath(doc, path, (v) => (ranksBelow(v, value) ? value : v));
    doc.rev[write.source] = write.revision;
    changed = true;
  }
  return { doc, changed };
}

/** The document an insert-only write creates. */
export function createdBy(write: FactWrite): Document {
  return applyFact(null, write).doc;
}

/**
 * The JSON of the document an insert-only write creates (createdBy), built
 * without copying its values when its paths are plain field names: what a
 * store writes at once, as a rebuild writes a timeline, never holds.
 */
export function createdJson(write: FactWrite): string {
  const plain = (values: Record<string, unknown> = {}) => Object.keys(values).every((path) => !path.includes('.'));
  if (write.inc || write.max || !plain(write.setOnInsert) || !plain(write.set) || '_id' in write.set || 'rev' in write.set)
    return JSON.stringify(createdBy(write));
  return JSON.stringify({ _id: write.id, rev: { [write.source]: write.revision }, ...write.setOnInsert, ...write.set });
}

/** Sets each dotted path, creating (or replacing non-object) intermediate values. */
export function setPaths(doc: Record<string, unknown>, values: Record<string, unknown>): void {
  for (const [path, value] of Object.entries(values))
    updatePath(doc, path, () => (value !== null && typeof value === 'object' ? structuredClone(value) : value));
}

/** Replaces the value at a dotted path by what `next` makes of it, creating (or replacing non-object) intermediate values. */
function updatePath(doc: Record<string, unknown>, path: string, next: (current: unknown) => unknown): void {
  const keys = path.split('.');
  const last = keys.pop()!;
  let target = doc;
  for (const key of keys) {
    const inner = target[key];
    if (inner === null || typeof inner !== 'object') target[key] = {};
    target = target[key] as Record<string, unknown>;
  }
  target[last] = next(Object.hasOwn(target, last) ? target[last] : undefined);
}

/** Whether `current` is missing or below `value` in MongoDB's order (null, then numbers, then strings): what `max` replaces. */
export function ranksBelow(current: unknown, value: string | number): boolean {
  if (current === undefined || current === null) return true;
  if (typeof current !== typeof value) return typeof current === 'number';
  return (current as string | number) < value;
}
