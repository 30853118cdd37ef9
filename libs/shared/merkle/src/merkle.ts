import { EMPTY_ROOT, nodeHash, splitPoint } from './hashing';
import { consistencyPath, inclusionPath } from './stored-tree';

/**
 * RFC 6962 (and RFC 9162 §2.1) Merkle tree hashing over leaf hashes: the tree
 * head of a log, inclusion proofs (leaf i is in the tree of size n) and
 * consistency proofs (the tree of size m is a prefix of the tree of size n),
 * and their verification. Hashes are 32-byte SHA-256 digests.
 */

/** MTH(D[from:to]) over leaf hashes. */
export function rootOf(leaves: readonly Uint8Array[], from = 0, to = leaves.length): Buffer {
  const n = to - from;
  if (n === 0) return EMPTY_ROOT;
  if (n === 1) return Buffer.from(leaves[from]);
  const k = splitPoint(n);
  return nodeHash(rootOf(leaves, from, from + k), rootOf(leaves, from + k, to));
}

/** PATH(index, D[n]): the audit path of leaf `index` in the tree of all `leaves`. */
export function inclusionProof(leaves: readonly Uint8Array[], index: number): Buffer[] {
  return inclusionPath((from, to) => rootOf(leaves, from, to), index, 0, leaves.length);
}

/** PROOF(m, D[n]): what shows the tree of the first m leaves is a prefix of the tree of all `leaves`. */
export function consistencyProof(leaves: readonly Uint8Array[], m: number): Buffer[] {
  return consistencyPath((from, to) => rootOf(leaves, from, to), m, leaves.length);
}

const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;

/** The root an inclusion proof leads to from leaf `index` (of `size`) with hash `leaf`, or null when the proof cannot be one (RFC 9162 §2.1.3.2). */
export function rootFromInclusionProof(index: number, size: number, leaf: Uint8Array, proof: readonly Uint8Array[]): Buffer | null {
  if (!Number.isInteger(index) || !Number.isInteger(size) || index < 0 || index >= size) return null;
  let fn = index;
  let sn = size - 1;
  let r: Buffer = Buffer.from(leaf);
  for (const p of proof) {
    if (sn === 0) return null;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) while (fn % 2 === 0 && fn !== 0) [fn, sn] = [fn / 2, Math.floor(sn / 2)];
    } else {
      r = nodeHash(r, p);
    }
    [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
  }
  return sn === 0 ? r : null;
}

/** Leaf `index` with hash `leaf` is in the tree of `size` whose head is `root`. */
export function verifyInclusion(index: number, size: number, leaf: Uint8Array, proof: readonly Uint8Array[], root: Uint8Array): boolean {
  const computed = rootFromInclusionProof(index, size, leaf, proof);
  return computed !== null && same(computed, root);
}

/** The tree of size m with head `first` is a prefix of the tree of size n with head `second` (RFC 9162 §2.1.4.2). */
export function verifyConsistency(m: number, n: number, first: Uint8Array, second: Uint8Array, proof: readonly Uint8Array[]): boolean {
  if (!Number.isInteger(m) || !Number.isInteger(n) || m < 0 || m > n) return false;
  if (m === n) return proof.length === 0 && same(first, second);
  if (m === 0) return proof.length === 0;
  if (proof.length === 0) return false;
  const path = (m & (m - 1)) === 0 ? [first, ...proof] : [...proof];
  let fn = m - 1;
  let sn = n - 1;
  while (fn % 2 === 1) [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
  let fr: Buffer = Buffer.from(path[0]);
  let sr: Buffer = Buffer.from(path[0]);
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (fn % 2 === 0) while (fn % 2 === 0 && fn !== 0) [fn, sn] = [fn / 2, Math.floor(sn / 2)];
    } else {
      sr = nodeHash(sr, c);
    }
    [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
  }
  return sn === 0 && same(fr, first) && same(sr, second);
}
