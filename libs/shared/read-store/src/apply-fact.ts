import type { Document, FactWrite } from './read-store';

/**
 * Applies one fact write to a document in memory (mutating it), with the
 * semantics of the port: `setOnInsert` on creation, then `set` guarded by the
 * source's revision. Returns the document and whether it changed.
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
