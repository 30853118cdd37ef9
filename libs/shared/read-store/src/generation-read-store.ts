import type { Document, FactWrite, Query, ReadStore } from './read-store';

/**
 * One generation of a set of read models inside a store: collection
 * `<name>` for generation 0, `<name>_g<n>` after that, and checkpoints named
 * likewise. A rebuild fills generation n+1 beside the live one, then the
 * service switches to it (docs/architecture.md, "Ordering, duplicates, status").
 */
export class GenerationReadStore implements ReadStore {
  constructor(
    private readonly inner: ReadStore,
    readonly generation: number,
  ) {}

  collection(name: string): string {
    return this.generation === 0 ? name : `${name}_g${this.generation}`;
  }

  private checkpoint(name: string): string {
    return this.generation === 0 ? name : `${name}@g${this.generation}`;
  }

  applyFacts(collection: string, writes: FactWrite[]) {
    return this.inner.applyFacts(this.collection(collection), writes);
  }

  applyBatch(parts: Array<{ collection: string; writes: FactWrite[] }>, checkpoint?: { name: string; position: number }) {
    return this.inner.applyBatch(
      parts.map((p) => ({ ...p, collection: this.collection(p.collection) })),
      checkpoint && { ...checkpoint, name: this.checkpoint(checkpoint.name) },
    );
  }

  get<T extends Document = Document>(collection: string, id: string) {
    return this.inner.get<T>(this.collection(collection), id);
  }

  find<T extends Document = Document>(collection: string, query?: Query) {
    return this.inner.find<T>(this.collection(collection), query);
  }

  ensureIndexes(collection: string, indexes: string[][]) {
    return this.inner.ensureIndexes(this.collection(collection), indexes);
  }

  putDocuments(collection: string, docs: Document[]) {
    return this.inner.putDocuments(this.collection(collection), docs);
  }

  truncate(collection: string) {
    return this.inner.truncate(this.collection(collection));
  }

  getCheckpoint(name: string) {
    return this.inner.getCheckpoint(this.checkpoint(name));
  }

  setCheckpoint(name: string, position: number) {
    return this.inner.setCheckpoint(this.checkpoint(name), position);
  }

  /** The inner store stays open: it holds the other generations. */
  async close(): Promise<void> {}
}
