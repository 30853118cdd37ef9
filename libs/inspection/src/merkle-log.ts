import { eventLeaf } from '@dm/audit';
import type { EventStore, Subscription } from '@dm/eventsourcing';
import { CompactRange, consistencyPath, edgeOf, inclusionPath, storedRange, type TreeNode } from '@dm/merkle';
import type { Document, ReadStore } from '@dm/read-store';

interface NodeDoc extends Document {
  hash: string;
  /** On leaves: the global position of the event. */
  position?: number;
}

export interface StoredTreeHead {
  store: string;
  treeSize: number;
  rootHash: string;
  /** Global position of the last event in the tree (0 when empty). */
  lastPosition: number;
}

const nodeId = (level: number, index: number) => `${level}/${index}`;

/**
 * One event store's Merkle log (docs/audit.md, "The Merkle log"): it follows
 * the store's global order and keeps every perfect subtree in a read-store
 * collection, so that any tree head and proof is O(log² n) reads. The size
 * is its checkpoint; a restart continues from it.
 */
export class MerkleLog {
  readonly collection: string;
  private range: CompactRange | null = null;
  private lastPosition = 0;
  private subscription: Subscription | null = null;
  private writing: Promise<void> = Promise.resolve();
  /** Leaves delivered and not yet written: written together at most every flushMs, so the log costs the writers little. */
  private pending: Array<[position: number, hash: string]> = [];
  private flushTimer: NodeJS.Timeout | null = null;

  constructor(
    readonly store: EventStore,
    private readonly nodes: ReadStore,
    private readonly flushMs = 100,
  ) {
    this.collection = `merkle-${store.name}`;
  }

  private get sizeCheckpoint() {
    return `${this.collection}:size`;
  }

  /** Follows the store from where the log stopped. */
  async start(): Promise<void> {
    await this.nodes.ensureIndexes(this.collection, [['position']]);
    await this.resume();
    this.subscription = this.store.subscribeToAll(async (events) => this.enqueue(events.map((e) => [e.globalPosition, e.hash])), {
      after: this.lastPosition,
      batchSize: 2048,
    });
    await this.subscription.caughtUp;
    await this.flush();
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    this.subscription = null;
    await this.flush();
  }

  /** Waits until every event stored now is in the log. */
  async sync(): Promise<void> {
    const head = await this.store.headPosition();
    for (let waited = 0; this.lastPosition < head; waited += 10) {
      if (waited > 30_000) throw new Error(`the Merkle log of ${this.store.name} is stuck at position ${this.lastPosition} of ${head}`);
      if (this.pending.length) await this.flush();
      else await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await this.writing;
  }

  async head(): Promise<StoredTreeHead> {
    await this.writing;
    const range = await this.loadRange();
    return { store: this.store.name, treeSize: range.size, rootHash: range.root().toString('hex'), lastPosition: this.lastPosition };
  }

  /** The stored tree's size and head as written, without following the store first: what verification compares against. */
  async storedHead(): Promise<{ treeSize: number; rootHash: string }> {
    const size = (await this.nodes.getCheckpoint(this.sizeCheckpoint)) ?? 0;
    return { treeSize: size, rootHash: (await this.rangeHash(0, size)).toString('hex') };
  }

  /** The stored leaf hashes from index `from`, up to `count`. */
  async leaves(from: number, count: number): Promise<Buffer[]> {
    const docs = await Promise.all(Array.from({ length: count }, (_, i) => this.nodes.get<NodeDoc>(this.collection, nodeId(0, from + i))));
    return docs.filter((d): d is NodeDoc => !!d).map((d) => Buffer.from(d.hash, 'hex'));
  }

  /** The leaf index of the event at a global position, or null when the log does not hold it. */
  async indexOf(position: number): Promise<number | null> {
    const [leaf] = await this.nodes.find<NodeDoc>(this.collection, { where: { position } });
    return leaf ? Number(leaf._id.split('/')[1]) : null;
  }

  async inclusionProof(index: number, treeSize: number): Promise<Buffer[]> {
    return this.withNodes((hash) => inclusionPath(hash, index, 0, treeSize));
  }

  async consistencyProof(from: number, to: number): Promise<Buffer[]> {
    return this.withNodes((hash) => consistencyPath(hash, from, to));
  }

  async rangeHash(from: number, to: number): Promise<Buffer> {
    return this.withNodes((hash) => hash(from, to));
  }

  private enqueue(leaves: Array<[position: number, hash: string]>): void {
    this.pending.push(...leaves);
    this.flushTimer ??= setTimeout(() => void this.flush(), this.flushMs);
  }

  /** Writes the pending leaves and the subtrees they complete; a failed write is tried again from the stored tree. */
  private flush(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    const leaves = this.pending.splice(0);
    const next = this.writing.then(async () => {
      if (!leaves.length) return;
      try {
        const range = await this.loadRange();
        const fresh = leaves.filter(([position]) => position > this.lastPosition);
        if (!fresh.length) return;
        const docs: NodeDoc[] = [];
        for (const [position, hash] of fresh)
          for (const node of range.push(eventLeaf(position, hash))) docs.push(toDoc(node, node.level === 0 ? position : undefined));
        await this.nodes.putDocuments(this.collection, docs);
        await this.nodes.setCheckpoint(this.sizeCheckpoint, range.size);
        this.lastPosition = fresh[fresh.length - 1][0];
      } catch (error) {
        console.warn(`the Merkle log of ${this.store.name} could not be written, trying again: ${(error as Error).message}`);
        this.range = null;
        this.pending.unshift(...leaves);
        this.flushTimer ??= setTimeout(() => void this.flush(), 1_000);
      }
    });
    this.writing = next.catch(() => undefined);
    return next;
  }

  private async resume(): Promise<void> {
    this.range = null;
    const range = await this.loadRange();
    const last = range.size ? await this.nodes.get<NodeDoc>(this.collection, nodeId(0, range.size - 1)) : null;
    this.lastPosition = last?.position ?? 0;
  }

  private async loadRange(): Promise<CompactRange> {
    if (this.range) return this.range;
    const size = (await this.nodes.getCheckpoint(this.sizeCheckpoint)) ?? 0;
    const edge = await this.fetchNodes(edgeOf(size));
    this.range = CompactRange.resume(size, (level, index) => edge(level, index));
    return this.range;
  }

  /** Runs a computation over stored nodes: once to learn which it reads, once with them fetched. */
  private async withNodes<T>(compute: (hash: ReturnType<typeof storedRange>) => T): Promise<T> {
    const wanted: Array<[number, number]> = [];
    compute(
      storedRange((level, index) => {
        wanted.push([level, index]);
        return Buffer.alloc(32);
      }),
    );
    return compute(storedRange(await this.fetchNodes(wanted)));
  }

  private async fetchNodes(coordinates: Array<[number, number]>) {
    const ids = coordinates.map(([level, index]) => nodeId(level, index));
    const docs = await Promise.all([...new Set(ids)].map((id) => this.nodes.get<NodeDoc>(this.collection, id)));
    const byId = new Map(docs.filter((d): d is NodeDoc => !!d).map((d) => [d._id, Buffer.from(d.hash, 'hex')]));
    return (level: number, index: number): Buffer => {
      const hash = byId.get(nodeId(level, index));
      if (!hash) throw new Error(`the Merkle log of ${this.store.name} lacks node ${nodeId(level, index)}`);
      return hash;
    };
  }
}

function toDoc(node: TreeNode, position?: number): NodeDoc {
  return { _id: nodeId(node.level, node.index), rev: {}, hash: node.hash.toString('hex'), ...(position !== undefined ? { position } : {}) };
}
