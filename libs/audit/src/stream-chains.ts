import { eventHash, eventHashOfText, GENESIS_HASH, parseStoredEvent, type StoredEventText } from '@dm/contracts';
import type { Fault } from './fault';

type ChainFault = Pick<Fault, 'kind' | 'message' | 'expected' | 'found'>;

interface StreamHead {
  revision: number;
  hash: string;
}

/**
 * Each stream's hash chain, event by event (docs/audit.md, "Verification"):
 * the next revision, the link to the event before, and the event's hash from
 * its content. What a whole log and an export of some streams both check.
 */
export class StreamChains {
  private readonly heads = new Map<string, StreamHead>();

  constructor(private readonly describe: (event: StoredEventText) => string) {}

  streamIds(): string[] {
    return [...this.heads.keys()];
  }

  /** The revision a stream ends at so far, or undefined for a stream not seen. */
  lastRevision(streamId: string): number | undefined {
    return this.heads.get(streamId)?.revision;
  }

  get streams(): number {
    return this.heads.size;
  }

  /** Why the event does not continue its stream, or null (and the stream then ends with it). */
  check(event: StoredEventText): ChainFault | null {
    const head = this.heads.get(event.streamId);
    const revision = head ? head.revision + 1 : 0;
    if (event.streamRevision !== revision)
      return {
        kind: 'revision',
        message: `stream ${event.streamId} has revision ${event.streamRevision} where ${revision} comes next`,
        expected: revision,
        found: event.streamRevision,
      };
    const prevHash = head?.hash ?? GENESIS_HASH;
    if (event.prevHash !== prevHash)
      return {
        kind: 'chain',
        message: `${this.describe(event)} does not link to the event before it in its stream`,
        expected: prevHash,
        found: event.prevHash,
      };
    const recomputed = recompute(event, prevHash);
    if (recomputed === null) return { kind: 'unreadable', message: `${this.describe(event)} is not valid JSON` };
    if (recomputed !== event.hash)
      return {
        kind: 'hash',
        message: `${this.describe(event)} does not hash to its stored hash: its content changed after it was recorded`,
        expected: event.hash,
        found: recomputed,
      };
    if (head) {
      head.revision = revision;
      head.hash = event.hash;
    } else this.heads.set(event.streamId, { revision, hash: event.hash });
    return null;
  }
}

/**
 * The stored text spliced into the body needs no parse: every member around
 * actor, data and metadata is written by JSON.stringify, which never
 * writes `,"name":` outside a string, so no text can move from one member
 * into another and still give the same bytes.
 */
function recompute(event: StoredEventText, prevHash: string): string | null {
  const fast = eventHashOfText(prevHash, event);
  if (fast === event.hash) return fast;
  try {
    return eventHash(prevHash, parseStoredEvent(event));
  } catch {
    return null;
  }
}
