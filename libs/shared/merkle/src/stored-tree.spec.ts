import fc from 'fast-check';
import { leafHash } from './hashing';
import { consistencyProof, inclusionProof, rootOf } from './merkle';
import { CompactRange, consistencyPath, inclusionPath, storedRange, type TreeNode } from './stored-tree';

const leavesOf = (n: number) => Array.from({ length: n }, (_, i) => leafHash(Buffer.from(`leaf ${i}`)));

/** A tree grown leaf by leaf, keeping only what CompactRange hands out to store. */
function grow(leaves: Buffer[]) {
  const range = new CompactRange();
  const stored = new Map<string, Buffer>();
  const heads: Buffer[] = [range.root()];
  for (const leaf of leaves) {
    for (const node of range.push(leaf)) stored.set(`${node.level}/${node.index}`, node.hash);
    heads.push(range.root());
  }
  const read = (level: number, index: number) => {
    const hash = stored.get(`${level}/${index}`);
    if (!hash) throw new Error(`node ${level}/${index} is not stored`);
    return hash;
  };
  return { range, stored, heads, read };
}

const hex = (hashes: Buffer[]) => hashes.map((h) => h.toString('hex'));

describe('a tree kept as stored perfect subtrees', () => {
  it('gives every tree head RFC 6962 gives over the leaves themselves', () => {
    const leaves = leavesOf(70);
    const { heads } = grow(leaves);
    heads.forEach((head, n) => expect(head.toString('hex')).toBe(rootOf(leaves.slice(0, n)).toString('hex')));
  });

  it('gives the same heads when it keeps only its right edge (append)', () => {
    const leaves = leavesOf(77);
    const edgeOnly = new CompactRange();
    const { heads } = grow(leaves);
    leaves.forEach((leaf, i) => {
      edgeOnly.append(leaf);
      expect(edgeOnly.root()).toEqual(heads[i + 1]);
    });
    expect(edgeOnly.size).toBe(77);
  });

  it('stores one node per completed subtree: fewer than two per leaf', () => {
    const { stored } = grow(leavesOf(1000));
    expect(stored.size).toBe(1000 + 500 + 250 + 125 + 62 + 31 + 15 + 7 + 3 + 1);
  });

  it('answers inclusion and consistency proofs identical to the recursive ones, for any sizes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.nat(), fc.nat(), (n, i, m) => {
        const leaves = leavesOf(n);
        const { read } = grow(leaves);
        const hash = storedRange(read);
        const index = i % n;
        const older = m % (n + 1);
        expect(hex(inclusionPath(hash, index, 0, n))).toEqual(hex(inclusionProof(leaves, index)));
        expect(hex(consistencyPath(hash, older, n))).toEqual(hex(consistencyProof(leaves, older)));
        expect(hash(0, n).toString('hex')).toBe(rootOf(leaves).toString('hex'));
      }),
      { numRuns: 150 },
    );
  });

  it('answers proofs for an older tree size from the nodes of a bigger one', () => {
    const leaves = leavesOf(37);
    const { read } = grow(leaves);
    const hash = storedRange(read);
    expect(hex(inclusionPath(hash, 20, 0, 30))).toEqual(hex(inclusionProof(leaves.slice(0, 30), 20)));
    expect(hex(consistencyPath(hash, 11, 30))).toEqual(hex(consistencyProof(leaves.slice(0, 30), 11)));
  });

  it('resumes a tree from its stored nodes and grows it on', () => {
    const leaves = leavesOf(45);
    const first = grow(leaves.slice(0, 29));
    const resumed = CompactRange.resume(29, first.read);
    expect(resumed.size).toBe(29);
    expect(resumed.root()).toEqual(first.range.root());
    const more: TreeNode[] = leaves.slice(29).flatMap((leaf) => resumed.push(leaf));
    expect(resumed.root()).toEqual(rootOf(leaves));
    expect(more.filter((n) => n.level === 0).map((n) => n.index)).toEqual(Array.from({ length: 16 }, (_, i) => 29 + i));
  });

  it('names a node that is not stored instead of inventing one', () => {
    const { read } = grow(leavesOf(4));
    expect(() => storedRange(read)(0, 8)).toThrow('node 3/0 is not stored');
  });

  it('refuses proofs outside the tree', () => {
    const hash = storedRange(grow(leavesOf(4)).read);
    expect(() => inclusionPath(hash, 4, 0, 4)).toThrow(RangeError);
    expect(() => consistencyPath(hash, 5, 4)).toThrow(RangeError);
    expect(() => consistencyPath(hash, -1, 4)).toThrow(RangeError);
  });
});

describe('stored ranges and proofs at their edges', () => {
  it('hashes a range that does not start at 0, as RFC 6962 does', () => {
    const leaves = leavesOf(16);
    const hash = storedRange(grow(leaves).read);
    expect(hash(3, 7)).toEqual(rootOf(leaves, 3, 7));
    expect(hash(8, 16)).toEqual(rootOf(leaves, 8, 16));
    expect(hash(5, 5)).toEqual(rootOf([], 0, 0));
  });

  it('proves nothing for the empty and the whole tree, and refuses what is not a leaf or a size', () => {
    const hash = storedRange(grow(leavesOf(8)).read);
    expect(consistencyPath(hash, 0, 8)).toEqual([]);
    expect(consistencyPath(hash, 8, 8)).toEqual([]);
    for (const bad of [1.5, NaN, -1]) expect(() => inclusionPath(hash, bad, 0, 8)).toThrow(RangeError);
    for (const [m, n] of [
      [1.5, 8],
      [2, 8.5],
      [NaN, 8],
    ])
      expect(() => consistencyPath(hash, m, n)).toThrow(RangeError);
  });

  it('completes the same subtrees after a resume as a tree grown at once', () => {
    const leaves = leavesOf(13);
    const whole = grow(leaves);
    const resumed = CompactRange.resume(6, grow(leaves.slice(0, 6)).read);
    for (const node of leaves.slice(6).flatMap((leaf) => resumed.push(leaf)))
      expect(node.hash).toEqual(whole.stored.get(`${node.level}/${node.index}`));
  });
});
