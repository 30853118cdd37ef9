/**
 * The `rev` of documents this process wrote or read, so a fact write needs no
 * read of its document. Valid because each read model has one writer (its
 * service's consumer); entries go when a write fails, a collection is emptied,
 * or the cache is full (oldest first).
 */
export class RevisionCache {
  private readonly entries = new Map<string, Record<string, number>>();

  constructor(private readonly capacity = 200_000) {}

  get(collection: string, id: string): Record<string, number> | undefined {
    return this.entries.get(`${collection}\u0000${id}`);
  }

  remember(collection: string, revisions: Map<string, Record<string, number>>): void {
    for (const [id, rev] of revisions) {
      const key = `${collection}\u0000${id}`;
      this.entries.delete(key);
      this.entries.set(key, { ...rev });
    }
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  forget(collection: string, ids: Iterable<string>): void {
    for (const id of ids) this.entries.delete(`${collection}\u0000${id}`);
  }

  forgetCollection(collection: string): void {
    const prefix = `${collection}\u0000`;
    for (const key of [...this.entries.keys()]) if (key.startsWith(prefix)) this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
