import { LogVerifier, type Checkpoint, type LogReport } from '@dm/audit';
import type { KeyObject } from 'node:crypto';
import type { CheckpointLog } from './checkpoint-log';
import type { MerkleLog } from './merkle-log';

export interface VerificationProgress {
  store: string;
  checked: number;
  total: number;
}

export interface StoreReport extends LogReport {
  /** The tree as stored (before following the store), and the checkpoints it was held to. */
  storedTree: { treeSize: number; rootHash: string | null };
  checkpoints: { inDatabase: number; outside: number; file: string };
}

/**
 * Verifies one store (docs/audit.md, "Verification"): every event from its
 * text, against the stored Merkle log and every checkpoint, those kept in the
 * database and those in the file outside it. When the stored tree differs, a
 * second pass compares leaf by leaf to name the first event that differs.
 */
export async function verifyStore(
  log: MerkleLog,
  checkpoints: CheckpointLog,
  publicKey: KeyObject,
  options: { contiguous: boolean; onProgress?: (p: VerificationProgress) => void },
): Promise<StoreReport> {
  const store = log.store.name;
  const known = await checkpoints.known(store);
  const all = known.checkpoints;
  const base = { checkpoints: { inDatabase: known.inDatabase, outside: known.outside, file: checkpoints.fileOf(store) } };
  const total = await log.store.headPosition();
  let storedTree: StoreReport['storedTree'];
  try {
    storedTree = await log.storedHead();
  } catch (error) {
    storedTree = { treeSize: 0, rootHash: null };
    const report = await pass(log, all, publicKey, options, total);
    return { ...report, ok: false, fault: report.fault ?? { store, kind: 'leaf', message: (error as Error).message }, storedTree, ...base };
  }
  if (known.unreadable.length) {
    const report = await pass(log, all, publicKey, options, total);
    const at = known.unreadable[0];
    const fault = report.fault ?? { store, kind: 'checkpoint' as const, message: `line ${at.line} of ${at.file} is not a checkpoint` };
    return { ...report, ok: false, fault, storedTree, ...base };
  }
  const stored: Checkpoint = {
    store,
    treeSize: storedTree.treeSize,
    rootHash: storedTree.rootHash!,
    time: 'stored',
    keyId: '',
    signature: '',
  };
  const report = await pass(log, all, publicKey, options, total, stored);
  // The first pass compares no leaf: a `leaf` fault there is the stored tree's root.
  const rootDiffers = report.fault?.kind === 'checkpoint' || report.fault?.kind === 'leaf';
  if (rootDiffers) {
    const located = await pass(log, all, publicKey, options, total, undefined, true);
    return { ...(located.fault ? located : report), storedTree, ...base };
  }
  return { ...report, storedTree, ...base };
}

async function pass(
  log: MerkleLog,
  checkpoints: Checkpoint[],
  publicKey: KeyObject,
  options: { contiguous: boolean; onProgress?: (p: VerificationProgress) => void },
  total: number,
  storedTree?: Checkpoint,
  leafByLeaf = false,
): Promise<LogReport> {
  const store = log.store.name;
  const verifier = new LogVerifier(store, { checkpoints, publicKey, contiguous: options.contiguous, storedTree });
  let stored: Buffer[] = [];
  let storedFrom = 0;
  events: for await (const page of log.store.readLog())
    for (const event of page) {
      let leaf: Buffer | null | undefined;
      if (leafByLeaf) {
        const index = verifier.size;
        if (index >= storedFrom + stored.length) {
          storedFrom = index;
          stored = await log.leaves(index, 512);
        }
        leaf = stored[index - storedFrom] ?? null;
      }
      if (!verifier.add(event, leaf)) break events;
      if (verifier.size % 50_000 === 0) options.onProgress?.({ store, checked: verifier.size, total });
    }
  const heads = new Map<string, number>();
  for (const streamId of verifier.streamIds()) {
    const revision = await log.store.streamRevision(streamId);
    if (revision !== null) heads.set(streamId, revision);
  }
  options.onProgress?.({ store, checked: verifier.size, total });
  return verifier.finish({ heads, treeSize: storedTree?.treeSize });
}
