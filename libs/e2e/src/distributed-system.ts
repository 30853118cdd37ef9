import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { UserRole } from '@dm/contracts';
import { TokenService } from '@dm/platform';
import { ApiClient, ConsistencySession } from '@dm/testing';
import type { ServiceName } from '@dm/composition';
import { freePort, kill, spawnHealthy } from './process-harness';

export interface DistributedInfra {
  brokers: string;
  mongoUrl: string;
}

/** Where the tiers that need Kafka and a Mongo-wire server find them; null (with the reason) when they are not set. */
export function distributedInfra(): DistributedInfra | { skipped: string; variable: string } {
  const brokers = process.env.KAFKA_BROKERS;
  const mongoUrl = process.env.MONGO_URL;
  if (!brokers || !mongoUrl) {
    const variable = !brokers ? 'KAFKA_BROKERS' : 'MONGO_URL';
    return { variable, skipped: `${variable} is not set (infra/local/up.sh starts Kafka and FerretDB)` };
  }
  return { brokers, mongoUrl };
}

type Name = ServiceName | 'gateway';
const SERVICES: ServiceName[] = ['task-assignment', 'progress-events', 'report-projection'];

/**
 * The distributed form as separate processes (built dist/), on real Kafka and
 * a Mongo-wire server: the three services and the gateway, with their own
 * topic namespace, databases and data directories, so runs do not meet.
 */
export class DistributedSystem {
  readonly namespace = `e2e-${process.pid}-${randomBytes(3).toString('hex')}`;
  readonly dataDir = mkdtempSync(join(tmpdir(), 'dm-dist-'));
  /** task-assignment's signing keys (the sign-in component's); the other services verify with the JWKS it serves. */
  readonly keysDir = join(this.dataDir, 'keys');
  readonly tokens = TokenService.holdingKeys(this.keysDir);
  readonly session = new ConsistencySession();
  private readonly ports = new Map<Name, number>();
  private readonly processes = new Map<Name, ChildProcess>();

  constructor(private readonly infra: DistributedInfra) {}

  get url(): string {
    return `http://127.0.0.1:${this.ports.get('gateway')}`;
  }

  /** The database a service's read models live in. */
  database(service: ServiceName): string {
    return `${this.namespace.replace(/-/g, '_')}_${service.replace(/-/g, '_')}`;
  }

  env(name: Name): NodeJS.ProcessEnv {
    const base = { ...process.env, HOST: '127.0.0.1', PORT: String(this.ports.get(name)), KAFKAJS_NO_PARTITIONER_WARNING: '1' };
    if (name === 'gateway') {
      return {
        ...base,
        TASK_ASSIGNMENT_URL: `http://127.0.0.1:${this.ports.get('task-assignment')}`,
        PROGRESS_EVENTS_URL: `http://127.0.0.1:${this.ports.get('progress-events')}`,
        REPORT_PROJECTION_URL: `http://127.0.0.1:${this.ports.get('report-projection')}`,
      };
    }
    return {
      ...base,
      MONITOR_DATA_DIR: join(this.dataDir, name),
      EVENT_STORE: 'sqlite',
      BUS: 'kafka',
      KAFKA_BROKERS: this.infra.brokers,
      KAFKA_NAMESPACE: this.namespace,
      KAFKA_PARTITIONS: '3',
      READ_STORE: 'mongodb',
      MONGO_URL: this.infra.mongoUrl,
      MONGO_DATABASE: this.database(name),
      ...(name === 'task-assignment' ? { SIGNING_KEYS_DIR: this.keysDir } : {}),
      VIEW_WAIT_MS: '10000',
      CONSISTENCY_TIMEOUT_MS: '20000',
      IDENTITY_URL: `http://127.0.0.1:${this.ports.get('task-assignment')}`,
    };
  }

  async start(): Promise<this> {
    for (const name of [...SERVICES, 'gateway'] as Name[]) this.ports.set(name, await freePort());
    try {
      await Promise.all([...SERVICES, 'gateway'].map((name) => this.startProcess(name as Name)));
    } catch (error) {
      await this.stop();
      throw error;
    }
    return this;
  }

  async startProcess(name: Name): Promise<void> {
    const child = await spawnHealthy(`dist/services/${name}/src/main.js`, this.env(name), this.ports.get(name)!);
    this.processes.set(name, child);
  }

  async kill(name: Name, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.processes.get(name);
    if (child) await kill(child, signal);
  }

  client(sub: string, role: UserRole, agencyId: string | null, session: ConsistencySession | undefined = this.session): ApiClient {
    return new ApiClient(this.url, this.tokens.sign({ sub, agencyId, roles: [role] }), session);
  }

  sign = (claims: Parameters<TokenService['sign']>[0]) => this.tokens.sign(claims);

  async stop(): Promise<void> {
    await Promise.all([...this.processes.keys()].map((name) => this.kill(name, 'SIGTERM')));
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
