import { EMPTY_ROOT, nodeHash, splitPoint } from './hashing';

/** MTH(D[from:to]) from wherever the hashes are kept. */
export type RangeHash = (from: number, to: number) => Buffer;

/** A perfect subtree of 2^level leaves starting at leaf index·2^level, and its hash. */
export interface TreeNode {
  level: number;
  index: number;
  hash: Buffer;
}

/** Reads a stored perfect subtree; throws when it is not stored. */
export type NodeReader = (level: number, index: number) => Buffer;

/** For n ≥ 1. */
const isPowerOfTwo = (n: number) => (n & (n - 1)) === 0;

/**
 * MTH of any range RFC 6962's recursion asks for, from stored perfect
 * subtrees: such a range starts at a multiple of its left part's size, so it
 * splits into perfect, aligned subtrees (at most two per level).
 */
export function storedRange(node: NodeReader): RangeHash {
  const hash: RangeHash = (from, to) => {
    const n = to - from;
    if (n === 0) return EMPTY_ROOT;
    if (isPowerOfTwo(n) && from % n === 0) return node(Math.log2(n), from / n);
    const k = splitPoint(n);
    return nodeHash(hash(from, from + k), hash(from + k, to));
  };
  return hash;
}

/** PATH(index, D[from:to]) over any source of range hashes. */
export function inclusionPath(hash: RangeHash, index: number, from: number, to: number): Buffer[] {
  const n = to - from;
  if (!Number.isInteger(index) || index < 0 || index >= n) throw new RangeError(`no leaf ${index} in a tree of ${n}`);
  if (n === 1) return [];
  const k = splitPoint(n);
  return index < k
    ? [...inclusionPath(hash, index, from, from + k), hash(from + k, to)]
    : [...inclusionPath(hash, index - k, from + k, to), hash(from, from + k)];
}

/** PROOF(m, D[n]) over any source of range hashes. */
export function consistencyPath(hash: RangeHash, m: number, n: number): Buffer[] {
  if (!Number.isInteger(m) || !Number.isInteger(n) || m < 0 || m > n) throw new RangeError(`no tree of ${m} within a tree of ${n}`);
  if (m === 0 || m === n) return [];
  return subproof(hash, m, 0, n, true);
}

function subproof(hash: RangeHash, m: number, from: number, to: number, whole: boolean): Buffer[] {
  const n = to - from;
  if (m === n) return whole ? [] : [hash(from, to)];
  const k = splitPoint(n);
  return m <= k
    ? [...subproof(hash, m, from, from + k, whole), hash(from + k, to)]
    : [...subproof(hash, m - k, from + k, to, false), hash(from, from + k)];
}

/**
 * The right edge of a growing tree: one perfect subtree per set bit of its
 * size. Appending a leaf gives the subtrees it completes (to store), and the
 * head of the tree is the fold of the edge, right to left: MTH over n leaves
 * in O(n) hashes and O(log n) memory.
 */
export class CompactRange {
  private readonly edge: TreeNode[] = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Appends a leaf hash, keeping only the right edge (what a verifier needs). */
  append(leaf: Buffer): void {
    let level = 0;
    let hash = leaf;
    while (this.edge.length && this.edge[this.edge.length - 1].level === level) {
      hash = nodeHash(this.edge.pop()!.hash, hash);
      level += 1;
    }
    this.edge.push({ level, index: Math.floor(this.count / 2 ** level), hash });
    this.count += 1;
  }

  /** Appends a leaf hash; answers the leaf and every subtree it completes. */
  push(leaf: Buffer): TreeNode[] {
    let node: TreeNode = { level: 0, index: this.count, hash: leaf };
    const completed = [node];
    while (this.edge.length && this.edge[this.edge.length - 1].level === node.level) {
      const left = this.edge.pop()!;
      node = { level: node.level + 1, index: Math.floor(left.index / 2), hash: nodeHash(left.hash, node.hash) };
      completed.push(node);
    }
    this.edge.push(node);
    this.count += 1;
    return completed;
  }

  root(): Buffer {
    if (!this.edge.length) return EMPTY_ROOT;
    let hash = this.edge[this.edge.length - 1].hash;
    for (let i = this.edge.length - 2; i >= 0; i--) hash = nodeHash(this.edge[i].hash, hash);
    return hash;
  }

  /** Continues a tree of `size` leaves from its stored perfect subtrees. */
  static resume(size: number, node: NodeReader): CompactRange {
    const range = new CompactRange();
    for (const [level, index] of edgeOf(size)) range.edge.push({ level, index, hash: node(level, index) });
    range.count = size;
    return range;
  }
}

/** The perfect subtrees on the right edge of a tree of `size` leaves, largest first: [level, index] each. */
export function edgeOf(size: number): Array<[level: number, index: number]> {
  const edge: Array<[number, number]> = [];
  let start = 0;
  for (let level = 52; level >= 0; level--) {
    const width = 2 ** level;
    if (size - start < width) continue;
    edge.push([level, start / width]);
    start += width;
  }
  return edge;
}
