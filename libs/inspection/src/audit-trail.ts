import { NotFoundError } from '@dm/eventsourcing';
import type { AccessLog } from './access-log';
import type { AuditKeys } from './audit-keys';
import type { EventTimeline } from './event-timeline';
import type { CheckpointLog } from './checkpoint-log';
import type { MerkleLog } from './merkle-log';
import { verifyStore, type StoreReport, type VerificationProgress } from './store-verification';

export interface AuditTrailOptions {
  logs: MerkleLog[];
  checkpoints: CheckpointLog;
  keys: AuditKeys;
  /** Global positions without gaps (SQLite stores). */
  contiguous: boolean;
  /** Where reads are recorded; its store is one of the logs'. */
  accessLog?: AccessLog;
  /** Timelines from the event stores; absent where the directives' and progress stores are not both at hand. */
  timeline?: EventTimeline;
}

export interface VerificationReport {
  ok: boolean;
  startedAt: string;
  seconds: number;
  firstFault: StoreReport['fault'];
  stores: StoreReport[];
}

/** Every store's Merkle log and the checkpoints over them: what the inspection routes answer from. */
export class AuditTrail {
  private running: Promise<VerificationReport> | null = null;
  private readonly progress = new Map<string, VerificationProgress>();

  constructor(readonly options: AuditTrailOptions) {}

  get keys() {
    return this.options.keys;
  }

  get checkpoints() {
    return this.options.checkpoints;
  }

  get accessLog(): AccessLog {
    if (!this.options.accessLog) throw new NotFoundError('This deployment keeps no access log');
    return this.options.accessLog;
  }

  get timeline(): EventTimeline {
    if (!this.options.timeline) throw new NotFoundError('This deployment serves no timeline from the event stores');
    return this.options.timeline;
  }

  get storeNames(): string[] {
    return this.options.logs.map((l) => l.store.name);
  }

  log(store: string): MerkleLog {
    const log = this.options.logs.find((l) => l.store.name === store);
    if (!log) throw new NotFoundError(`No store ${store}: the stores are ${this.storeNames.join(', ')}`, 'store');
    return log;
  }

  async start(): Promise<void> {
    await this.options.checkpoints.start();
    for (const log of this.options.logs) await log.start();
  }

  async stop(): Promise<void> {
    await this.options.checkpoints.stop();
    for (const log of this.options.logs) await log.stop();
  }

  /** Verifies every store; a second caller while one runs gets the same run. */
  verify(): Promise<VerificationReport> {
    this.running ??= this.run().finally(() => (this.running = null));
    return this.running;
  }

  progressReport() {
    return { running: this.running !== null, stores: [...this.progress.values()] };
  }

  private async run(): Promise<VerificationReport> {
    const started = Date.now();
    this.progress.clear();
    const stores: StoreReport[] = [];
    for (const log of this.options.logs)
      stores.push(
        await verifyStore(log, this.options.checkpoints, this.options.keys.publicKey, {
          contiguous: this.options.contiguous,
          onProgress: (p) => this.progress.set(p.store, p),
        }),
      );
    return {
      ok: stores.every((s) => s.ok),
      startedAt: new Date(started).toISOString(),
      seconds: (Date.now() - started) / 1000,
      firstFault: stores.find((s) => s.fault)?.fault ?? null,
      stores,
    };
  }
}
