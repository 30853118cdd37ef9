import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/** A signed tree head of one store's Merkle log (docs/audit.md, "Checkpoints"). */
export interface TreeHead {
  /** The store's name, e.g. "task-assignment". */
  store: string;
  treeSize: number;
  /** MTH of the first treeSize leaves, hex. */
  rootHash: string;
  /** When it was signed (ISO 8601, UTC). */
  time: string;
}

export interface Checkpoint extends TreeHead {
  /** Which key signed it: the first 8 bytes of SHA-256 over the public key (SPKI DER), hex. */
  keyId: string;
  /** Ed25519 over checkpointText(head), base64. */
  signature: string;
  /** Why it was taken: `daily`, `on-demand`, `cut-off <period>`, … (not signed). */
  reason?: string;
}

export const CHECKPOINT_FORMAT = 'dm-checkpoint/1';

/** The signed bytes: one line per field, in this order, each ending in a newline. */
export const checkpointText = (head: TreeHead): string =>
  `${CHECKPOINT_FORMAT}\n${head.store}\n${head.treeSize}\n${head.rootHash}\n${head.time}\n`;

export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

export function signCheckpoint(head: TreeHead, privateKey: KeyObject, reason?: string): Checkpoint {
  const signature = sign(null, Buffer.from(checkpointText(head)), privateKey).toString('base64');
  return { ...head, keyId: keyIdOf(createPublicKey(privateKey)), signature, ...(reason ? { reason } : {}) };
}

/** Why a checkpoint does not verify under `publicKey`, or null when it does. */
export function checkpointFault(checkpoint: Checkpoint, publicKey: KeyObject): string | null {
  if (checkpoint.keyId !== keyIdOf(publicKey)) return `signed by key ${checkpoint.keyId}, not by ${keyIdOf(publicKey)}`;
  const head: TreeHead = { store: checkpoint.store, treeSize: checkpoint.treeSize, rootHash: checkpoint.rootHash, time: checkpoint.time };
  return signatureHolds(head, checkpoint.signature, publicKey)
    ? null
    : 'its Ed25519 signature does not match its store, size, root and time';
}

/** A signature that is not even base64 text (a forged export can carry anything) does not hold. */
function signatureHolds(head: TreeHead, signature: string, publicKey: KeyObject): boolean {
  try {
    return verify(null, Buffer.from(checkpointText(head)), publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/** A public key from its PEM text (SPKI), as served by the API and printed by the CLI. */
export const publicKeyFromPem = (pem: string): KeyObject => createPublicKey({ key: pem, format: 'pem' });
