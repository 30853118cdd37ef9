import { leafHash } from '@dm/merkle';

/** Version of the leaf data below: a reader that finds another one knows it cannot check the tree. */
export const LEAF_VERSION = 1;

const TWO_32 = 2 ** 32;

/**
 * What one event puts in its store's Merkle log (docs/audit.md, "The Merkle
 * log"): its global position and its chain hash, so that an event moved,
 * removed or inserted changes the tree. 41 bytes: the version, the position
 * as an unsigned 64-bit big-endian integer, the 32 bytes of the hash.
 */
export function leafData(globalPosition: number, hashHex: string): Buffer {
  const data = Buffer.allocUnsafe(41);
  data[0] = LEAF_VERSION;
  data.writeUInt32BE(Math.floor(globalPosition / TWO_32), 1);
  data.writeUInt32BE(globalPosition % TWO_32, 5);
  if (data.write(hashHex, 9, 32, 'hex') !== 32) throw new Error(`not a SHA-256 hash: ${hashHex}`);
  return data;
}

/** The leaf hash of an event: SHA-256(0x00 ‖ leafData). */
export const eventLeaf = (globalPosition: number, hashHex: string): Buffer => leafHash(leafData(globalPosition, hashHex));
