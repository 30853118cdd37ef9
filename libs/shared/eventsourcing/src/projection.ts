import type { RecordedEvent } from '@dm/contracts';

/** A read-model document: its fields, and per source the last revision applied to it. */
export interface Document {
  _id: string;
  rev: Record<string, number>;
  [field: string]: unknown;
}

/**
 * One fact write to one document: `setOnInsert` when the document is created,
 * then `set` (dotted paths) only when the document's `rev.<source>` is below
 * `revision`. Replaying a write changes nothing.
 */
export interface FactWrite {
  id: string;
  source: string;
  revision: number;
  setOnInsert?: Record<string, unknown>;
  set: Record<string, unknown>;
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
    doc.rev[write.source] = write.revision;
    changed = true;
  }
  return { doc, changed };
}

/** The document an insert-only write creates. */
export function createdBy(write: FactWrite): Document {
  return applyFact(null, write).doc;
}

/** Sets each dotted path, creating (or replacing non-object) intermediate values. */
export function setPaths(doc: Record<string, unknown>, values: Record<string, unknown>): void {
  for (const [path, value] of Object.entries(values)) {
    const keys = path.split('.');
    const last = keys.pop()!;
    let target = doc;
    for (const key of keys) {
      const next = target[key];
      if (next === null || typeof next !== 'object') target[key] = {};
      target = target[key] as Record<string, unknown>;
    }
    target[last] = value !== null && typeof value === 'object' ? structuredClone(value) : value;
  }
}
