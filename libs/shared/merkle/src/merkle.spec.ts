import fc from 'fast-check';
import {
  consistencyProof,
  EMPTY_ROOT,
  inclusionProof,
  leafHash,
  rootFromInclusionProof,
  rootOf,
  verifyConsistency,
  verifyInclusion,
} from './index';

/** The leaves and tree heads of the Certificate Transparency reference test vectors (RFC 6962). */
const LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map((h) =>
  leafHash(Buffer.from(h, 'hex')),
);
const ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
/** Inclusion proofs of the same vectors: leaf (0-based), tree size, path. */
const INCLUSION: Array<[number, number, string[]]> = [
  [
    0,
    8,
    [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  ],
  [
    5,
    8,
    [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  ],
  [2, 3, ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125']],
  [
    1,
    5,
    [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  ],
];
/** Consistency proofs of the same vectors: first size, second size, proof. */
const CONSISTENCY: Array<[number, number, string[]]> = [
  [1, 1, []],
  [
    1,
    8,
    [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  ],
  [
    6,
    8,
    [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  ],
  [
    2,
    5,
    [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  ],
];
const hex = (hashes: Buffer[]) => hashes.map((h) => h.toString('hex'));
const bytes = (hashes: string[]) => hashes.map((h) => Buffer.from(h, 'hex'));
const root = (size: number) => Buffer.from(ROOTS[size - 1], 'hex');

describe('RFC 6962 Merkle tree', () => {
  it('gives the reference tree heads for 0 to 8 leaves', () => {
    expect(rootOf([]).toString('hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(EMPTY_ROOT.equals(rootOf([]))).toBe(true);
    for (let n = 1; n <= 8; n++) expect(rootOf(LEAVES.slice(0, n)).toString('hex')).toBe(ROOTS[n - 1]);
  });

  it.each(INCLUSION)('gives and verifies the reference inclusion proof of leaf %i in the tree of %i', (index, size, path) => {
    const leaves = LEAVES.slice(0, size);
    expect(hex(inclusionProof(leaves, index))).toEqual(path);
    expect(verifyInclusion(index, size, leaves[index], bytes(path), root(size))).toBe(true);
    // a wrong index, size, leaf, root or path does not verify
    expect(verifyInclusion(index + 1, size, leaves[index], bytes(path), root(size))).toBe(false);
    expect(verifyInclusion(index, size * 2, leaves[index], bytes(path), root(size))).toBe(false);
    expect(verifyInclusion(index, size, Buffer.from('WrongLeaf'), bytes(path), root(size))).toBe(false);
    expect(verifyInclusion(index, size, leaves[index], bytes(path), EMPTY_ROOT)).toBe(false);
    expect(verifyInclusion(index, size, leaves[index], [...bytes(path), EMPTY_ROOT], root(size))).toBe(false);
    expect(verifyInclusion(index, size, leaves[index], bytes(path).slice(1), root(size))).toBe(false);
  });

  it.each(CONSISTENCY)('gives and verifies the reference consistency proof from %i to %i', (m, n, proof) => {
    expect(hex(consistencyProof(LEAVES.slice(0, n), m))).toEqual(proof);
    expect(verifyConsistency(m, n, root(m), root(n), bytes(proof))).toBe(true);
    if (!proof.length) return;
    expect(verifyConsistency(m, n, root(n), root(m), bytes(proof))).toBe(false);
    expect(verifyConsistency(m + 1, n, root(m), root(n), bytes(proof))).toBe(false);
    expect(verifyConsistency(m, n, root(m), root(n), bytes(proof).slice(0, -1))).toBe(false);
    expect(verifyConsistency(m, n, root(m), root(n), [...bytes(proof), EMPTY_ROOT])).toBe(false);
  });

  it('refuses proofs of what cannot be: a leaf outside the tree, a tree growing smaller', () => {
    expect(rootFromInclusionProof(0, 0, LEAVES[0], [])).toBeNull();
    expect(rootFromInclusionProof(2, 1, LEAVES[0], [])).toBeNull();
    expect(verifyConsistency(2, 1, root(2), root(1), [])).toBe(false);
    expect(verifyConsistency(1, 2, root(1), root(2), [])).toBe(false);
    expect(() => inclusionProof(LEAVES, 8)).toThrow(RangeError);
    expect(() => consistencyProof(LEAVES, 9)).toThrow(RangeError);
  });

  it('proves every leaf of any tree, and every prefix of it (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 8 }), { minLength: 1, maxLength: 70 }), fc.nat(), fc.nat(), (data, i, j) => {
        // distinct leaves, so that a shifted prefix really is another tree
        const leaves = data.map((d, k) => leafHash(Buffer.concat([Buffer.from(`${k}:`), d])));
        const n = leaves.length;
        const head = rootOf(leaves);
        const index = i % n;
        expect(verifyInclusion(index, n, leaves[index], inclusionProof(leaves, index), head)).toBe(true);
        const m = (j % n) + 1;
        expect(verifyConsistency(m, n, rootOf(leaves.slice(0, m)), head, consistencyProof(leaves, m))).toBe(true);
        if (m < n) expect(verifyConsistency(m, n, rootOf(leaves.slice(1, m + 1)), head, consistencyProof(leaves, m))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('verification refuses what cannot be a proof', () => {
  const leaves = Array.from({ length: 6 }, (_, i) => leafHash(Buffer.from([i])));
  const head = rootOf(leaves);

  it('an inclusion proof for a leaf outside the tree, or with an index or size that is not a whole number', () => {
    const proof = inclusionProof(leaves, 2);
    expect(verifyInclusion(2, 6, leaves[2], proof, head)).toBe(true);
    for (const [index, size] of [
      [6, 6],
      [-1, 6],
      [2.5, 6],
      [2, 6.5],
      [7, 6],
    ])
      expect(rootFromInclusionProof(index, size, leaves[2], proof)).toBeNull();
    expect(verifyInclusion(2, 6, leaves[2], [...proof, head], head)).toBe(false);
    expect(verifyInclusion(2, 6, leaves[2], proof.slice(1), head)).toBe(false);
    expect(verifyInclusion(0, 1, leaves[0], [], leaves[0])).toBe(true);
    expect(verifyInclusion(0, 1, leaves[0], [leaves[1]], leaves[0])).toBe(false);
  });

  it('a consistency proof between sizes that are not whole, go backwards, or are equal with a proof', () => {
    const older = rootOf(leaves.slice(0, 4));
    const proof = consistencyProof(leaves, 4);
    expect(verifyConsistency(4, 6, older, head, proof)).toBe(true);
    expect(verifyConsistency(4.5, 6, older, head, proof)).toBe(false);
    expect(verifyConsistency(4, 6.5, older, head, proof)).toBe(false);
    expect(verifyConsistency(-1, 6, older, head, proof)).toBe(false);
    expect(verifyConsistency(7, 6, older, head, proof)).toBe(false);
    expect(verifyConsistency(6, 6, head, head, [])).toBe(true);
    expect(verifyConsistency(6, 6, head, head, proof)).toBe(false);
    expect(verifyConsistency(6, 6, older, head, [])).toBe(false);
    expect(verifyConsistency(0, 6, older, head, [])).toBe(true);
    expect(verifyConsistency(0, 6, older, head, proof)).toBe(false);
    expect(verifyConsistency(4, 6, older, head, [])).toBe(false);
    expect(verifyConsistency(4, 6, older, head, [...proof, head])).toBe(false);
    expect(verifyConsistency(3, 6, rootOf(leaves.slice(0, 3)), head, consistencyProof(leaves, 3).slice(1))).toBe(false);
  });
});
