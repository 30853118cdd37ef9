import type { Position } from '@kurrent/kurrentdb-client';

/**
 * Where one store keeps its data on a KurrentDB server that several services
 * share. Every stream of the port lives at `<name>.<streamId>`, so reads of
 * $all filter on `<name>.` (or `<name>.<prefix>` per prefix the port passes)
 * and see this store's events only; the port never sees the prefix. The
 * store's own bookkeeping lives beside them, outside that filter:
 * `<name>:event-id-<eventId>` (which stream holds an event id) and
 * `<name>:checkpoint-<checkpoint>`.
 */
export class StoreStreams {
  private readonly prefix: string;

  constructor(readonly name: string) {
    if (!/^[A-Za-z0-9_-]+$/.test(name)) {
      throw new Error(`KurrentDB event store name "${name}" must be letters, digits, "-" or "_" (it prefixes stream names)`);
    }
    this.prefix = `${name}.`;
  }

  /** The KurrentDB stream of a port stream id. */
  stream(streamId: string): string {
    return this.prefix + streamId;
  }

  /** The port stream id of one of this store's KurrentDB streams. */
  streamId(stream: string): string {
    if (!stream.startsWith(this.prefix)) throw new Error(`stream ${stream} does not belong to event store ${this.name}`);
    return stream.slice(this.prefix.length);
  }

  /** Prefixes of a stream-name filter on $all: this store's streams, narrowed to the port's prefixes when it gives some. */
  filterPrefixes(streamPrefixes?: string[]): string[] {
    return streamPrefixes?.length ? streamPrefixes.map((p) => this.prefix + p) : [this.prefix];
  }

  eventIdStream(eventId: string): string {
    return `${this.name}:event-id-${eventId}`;
  }

  checkpointStream(checkpoint: string): string {
    return `${this.name}:checkpoint-${checkpoint}`;
  }
}

/**
 * A port position is the commit position of the event. An event appended to
 * one stream is a committed prepare record whose commit and prepare positions
 * are both its own log position, so the pair is rebuilt from the number.
 */
export function toPosition(globalPosition: number): Position {
  const at = BigInt(globalPosition);
  return { commit: at, prepare: at };
}

export function globalPositionOf(commit: bigint, what: string): number {
  const position = Number(commit);
  if (!Number.isSafeInteger(position) || position < 0)
    throw new Error(`${what}: commit position ${commit} is not a usable global position`);
  return position;
}
