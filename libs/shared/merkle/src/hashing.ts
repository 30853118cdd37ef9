import { createHash, hash as oneShot } from 'node:crypto';

const digest: (data: Uint8Array) => Buffer =
  typeof oneShot === 'function'
    ? (data) => oneShot('sha256', data, 'buffer') as unknown as Buffer
    : (data) => createHash('sha256').update(data).digest();

export const sha256 = (...parts: Uint8Array[]): Buffer => digest(parts.length === 1 ? parts[0] : Buffer.concat(parts));

/** MTH of the empty tree: SHA-256 of the empty string. */
export const EMPTY_ROOT: Buffer = sha256(new Uint8Array(0));

/** The hash of a leaf's data: SHA-256(0x00 || data). */
export const leafHash = (data: Uint8Array): Buffer => {
  const input = Buffer.allocUnsafe(data.length + 1);
  input[0] = 0x00;
  input.set(data, 1);
  return digest(input);
};

/** One buffer for every inner node's input: hashing is synchronous, so it is never shared. */
const NODE_INPUT = Buffer.allocUnsafe(65);

/** The hash of an inner node: SHA-256(0x01 || left || right), over 32-byte hashes. */
export const nodeHash = (left: Uint8Array, right: Uint8Array): Buffer => {
  if (left.length !== 32 || right.length !== 32) return sha256(Uint8Array.of(0x01), left, right);
  NODE_INPUT[0] = 0x01;
  NODE_INPUT.set(left, 1);
  NODE_INPUT.set(right, 33);
  return digest(NODE_INPUT);
};

/** The largest power of two smaller than n (n ≥ 2): where RFC 6962 splits a tree of n leaves. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}
