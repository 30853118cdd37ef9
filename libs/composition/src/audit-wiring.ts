import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { EventStore } from '@dm/eventsourcing';
import { AccessLog, AuditTrail, CheckpointLog, EventTimeline, loadOrCreateAuditKeys, MerkleLog } from '@dm/inspection';
import type { Checkpoint } from '@dm/audit';
import { REPORTING_STORE } from '@dm/contracts';
import type { CheckpointDirectory } from '@dm/platform';
import type { ReadStore } from '@dm/read-store';
import { KurrentDbEventStore, sqliteEventStore } from './adapters';
import type { ServiceConfig } from './service-config';

export const ACCESS_STORE = 'audit';

export interface AuditWiringOptions {
  /** The stores whose events are audited: the directives' (task-assignment) and the progress' (progress-events), when both are at hand. */
  audited: EventStore[];
  /** Where the access log is appended (the `audit` store). */
  accessStore: EventStore;
  /** Where the Merkle logs and the checkpoints are kept. */
  nodes: ReadStore;
  /** Where the signing key is made on first start. */
  keyDir: string;
  checkpointDir: string;
  /** Global positions without gaps (SQLite). */
  contiguous: boolean;
}

/** The audit trail over a deployment's stores (docs/audit.md): a Merkle log each, checkpoints, the access log, the timelines. */
export function auditTrailOf(options: AuditWiringOptions): AuditTrail {
  const logs = [...options.audited, options.accessStore].map((store) => new MerkleLog(store, options.nodes));
  const keys = loadOrCreateAuditKeys(options.keyDir);
  const checkpoints = new CheckpointLog(logs, keys, options.nodes, options.checkpointDir);
  const byName = new Map(options.audited.map((s) => [s.name, s]));
  const directives = byName.get('task-assignment');
  const progress = byName.get('progress-events');
  return new AuditTrail({
    logs,
    keys,
    contiguous: options.contiguous,
    checkpoints,
    accessLog: new AccessLog(options.accessStore),
    timeline: directives && progress ? new EventTimeline(directives, progress, byName.get(REPORTING_STORE)) : undefined,
  });
}

/** What the report routes name: the latest checkpoint of each store at or before a time. */
export function checkpointDirectoryOf(trail: AuditTrail): CheckpointDirectory {
  const refs = (checkpoints: Checkpoint[]) =>
    checkpoints.map(({ store, treeSize, rootHash, time, keyId }) => ({ store, treeSize, rootHash, time, keyId }));
  return {
    at: async (time) => refs(await trail.checkpoints.latest(time)),
    take: async (reason) => refs(await trail.checkpoints.take(reason)),
  };
}

/** A store of the deployment opened by its name: on KurrentDB the same cluster, on SQLite its file (another service's, read alongside it). */
export async function openNamedEventStore(config: ServiceConfig, name: string, file: string | null): Promise<EventStore> {
  if (config.eventStore.kind === 'kurrentdb') return KurrentDbEventStore.connect({ name, connectionString: config.eventStore.url });
  const path = file ?? join(config.dataDir, `${name}.events.db`);
  mkdirSync(dirname(path), { recursive: true });
  return sqliteEventStore(name, path);
}
