import type { StoredEventText } from '@dm/contracts';
import { CompactRange } from '@dm/merkle';
import type { KeyObject } from 'node:crypto';
import { checkpointFault, type Checkpoint } from './checkpoint';
import type { Fault } from './fault';
import { eventLeaf } from './leaf';
import { StreamChains } from './stream-chains';

export interface LogVerifierOptions {
  /** Signed tree heads of this store to hold the log to, from the database or from outside it. */
  checkpoints?: Checkpoint[];
  /** Checks every checkpoint's signature when given. */
  publicKey?: KeyObject;
  /** Global positions run 1, 2, 3, … with no gap (SQLite); KurrentDB's commit positions do not. */
  contiguous?: boolean;
  /** The head of the tree as the store's Merkle log keeps it (unsigned): a difference is a `leaf` fault. */
  storedTree?: { treeSize: number; rootHash: string };
}

export interface LogReport {
  store: string;
  ok: boolean;
  events: number;
  streams: number;
  /** The tree head recomputed from the events. */
  treeSize: number;
  rootHash: string;
  checkpointsChecked: number;
  fault: Fault | null;
}

/**
 * Checks one store's events in global order (docs/audit.md, "Verification"):
 * positions, each stream's revisions and hash chain, each event's hash from
 * its content, the Merkle tree over them against the stored tree and every
 * checkpoint. Stops at the first fault.
 */
export class LogVerifier {
  private readonly range = new CompactRange();
  private readonly chains = new StreamChains(describe);
  private readonly pending: Checkpoint[];
  private lastPosition = 0;
  private checked = 0;
  private fault: Fault | null = null;

  constructor(
    readonly store: string,
    private readonly options: LogVerifierOptions = {},
  ) {
    this.pending = [...(options.checkpoints ?? [])].sort((a, b) => a.treeSize - b.treeSize);
    for (const checkpoint of this.pending) {
      const wrong = options.publicKey ? checkpointFault(checkpoint, options.publicKey) : null;
      if (checkpoint.store !== store) this.fail('checkpoint', `the checkpoint of ${checkpoint.time} is for store ${checkpoint.store}`);
      else if (wrong) this.fail('signature', `the checkpoint of ${checkpoint.time} (size ${checkpoint.treeSize}): ${wrong}`);
      if (this.fault) return;
    }
    this.checkCheckpointsAt();
  }

  get ok(): boolean {
    return this.fault === null;
  }

  get size(): number {
    return this.range.size;
  }

  streamIds(): string[] {
    return this.chains.streamIds();
  }

  /** Checks the next event; `storedLeaf` is what the store's Merkle log holds at its index. False once a fault is found. */
  add(event: StoredEventText, storedLeaf?: Buffer | null): boolean {
    if (this.fault) return false;
    const expectedPosition = this.lastPosition + 1;
    if (this.options.contiguous !== false ? event.globalPosition !== expectedPosition : event.globalPosition <= this.lastPosition)
      return this.fail('position', `position ${expectedPosition} is missing or out of order: found ${event.globalPosition}`, {
        ...placeOf(event),
        expected: expectedPosition,
        found: event.globalPosition,
      });
    const broken = this.chains.check(event);
    if (broken) return this.fail(broken.kind, broken.message, { ...placeOf(event), expected: broken.expected, found: broken.found });
    const leaf = eventLeaf(event.globalPosition, event.hash);
    if (storedLeaf !== undefined && (storedLeaf === null || !storedLeaf.equals(leaf)))
      return this.fail(
        'leaf',
        storedLeaf === null
          ? `${describe(event)} is not in the Merkle log: it was added behind the log's back`
          : `${describe(event)} is not the event the Merkle log recorded at index ${this.range.size}: events were moved, inserted or removed`,
        { ...placeOf(event), expected: storedLeaf?.toString('hex') ?? null, found: leaf.toString('hex') },
      );
    this.lastPosition = event.globalPosition;
    this.range.append(leaf);
    return this.checkStoredTreeAt(event) && this.checkCheckpointsAt(event);
  }

  /** Ends the check: sizes against the checkpoints, stream heads and stored tree against what the events gave. */
  finish(stored: { heads?: Map<string, number>; treeSize?: number; rootHash?: string } = {}): LogReport {
    if (!this.fault && this.pending.length) {
      const next = this.pending[0];
      this.fail(
        'truncated',
        `the checkpoint of ${next.time} covers ${next.treeSize} events but the store has ${this.range.size}: events after position ${this.lastPosition} were removed`,
        { expected: next.treeSize, found: this.range.size },
      );
    }
    if (!this.fault && stored.treeSize !== undefined && stored.treeSize > this.range.size)
      this.fail(
        'truncated',
        `the Merkle log holds ${stored.treeSize} events but the store has ${this.range.size}: events after position ${this.lastPosition} were removed`,
        { expected: stored.treeSize, found: this.range.size },
      );
    if (!this.fault && stored.heads) this.checkHeads(stored.heads);
    return {
      store: this.store,
      ok: this.fault === null,
      events: this.range.size,
      streams: this.chains.streams,
      treeSize: this.range.size,
      rootHash: this.range.root().toString('hex'),
      checkpointsChecked: this.checked,
      fault: this.fault,
    };
  }

  private checkStoredTreeAt(event: StoredEventText): boolean {
    const stored = this.options.storedTree;
    if (stored?.treeSize !== this.range.size) return true;
    const root = this.range.root().toString('hex');
    if (root === stored.rootHash) return true;
    return this.fail(
      'leaf',
      `the first ${stored.treeSize} events do not give the root of the stored Merkle log: an event up to position ${this.lastPosition} was changed, moved, inserted or removed`,
      { ...placeOf(event), expected: stored.rootHash, found: root },
    );
  }

  private checkCheckpointsAt(event?: StoredEventText): boolean {
    while (this.pending.length && this.pending[0].treeSize <= this.range.size) {
      const checkpoint = this.pending.shift()!;
      const root = this.range.root().toString('hex');
      if (root !== checkpoint.rootHash)
        return this.fail(
          'checkpoint',
          `the first ${checkpoint.treeSize} events do not give the root signed in the checkpoint of ${checkpoint.time}: an event up to position ${this.lastPosition} was changed, moved, inserted or removed`,
          { ...(event ? placeOf(event) : {}), expected: checkpoint.rootHash, found: root },
        );
      this.checked += 1;
    }
    return true;
  }

  private checkHeads(stored: Map<string, number>): void {
    for (const streamId of this.chains.streamIds()) {
      const revision = this.chains.lastRevision(streamId)!;
      if (stored.get(streamId) !== revision) {
        this.fail('head', `stream ${streamId} ends at revision ${revision} but its head says ${stored.get(streamId) ?? 'none'}`, {
          streamId,
          expected: stored.get(streamId) ?? null,
          found: revision,
        });
        return;
      }
    }
    for (const [streamId, revision] of stored)
      if (this.chains.lastRevision(streamId) === undefined) {
        this.fail('head', `stream ${streamId} has a head at revision ${revision} but no events`, {
          streamId,
          expected: revision,
          found: null,
        });
        return;
      }
  }

  private fail(kind: Fault['kind'], message: string, place: Partial<Fault> = {}): false {
    this.fault ??= { store: this.store, kind, message, ...place };
    return false;
  }
}

const placeOf = (e: StoredEventText): Partial<Fault> => ({
  position: e.globalPosition,
  streamId: e.streamId,
  revision: e.streamRevision,
  eventId: e.eventId,
});

const describe = (e: StoredEventText) => `the event at position ${e.globalPosition} (stream ${e.streamId}, revision ${e.streamRevision})`;
