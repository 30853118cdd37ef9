/** What a command handler knows of a stream it folded before. */
export interface CachedStream<State> {
  state: State;
  revision: number;
  /** Command ids (idempotency) of every event folded into `state`. */
  commandIds: Set<string>;
}

/**
 * Folded stream states kept between commands, least recently used evicted.
 * A handler reads only the events after the cached revision, so a stream's
 * history is not read again for every command.
 */
export class StreamStateCache<State> {
  private readonly entries = new Map<string, CachedStream<State>>();

  constructor(private readonly capacity = 10_000) {}

  get(streamId: string): CachedStream<State> | undefined {
    const entry = this.entries.get(streamId);
    if (entry) {
      this.entries.delete(streamId);
      this.entries.set(streamId, entry);
    }
    return entry;
  }

  set(streamId: string, entry: CachedStream<State>): void {
    this.entries.delete(streamId);
    this.entries.set(streamId, entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }

  delete(streamId: string): void {
    this.entries.delete(streamId);
  }
}
