import type { ChildProcess } from 'node:child_process';
import { MongoClient } from 'mongodb';
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

/** A process: a service, the gateway, or a further instance of a service (`report-projection#2`). */
type Name = ServiceName | 'gateway' | `${ServiceName}#${number}`;
const SERVICES: ServiceName[] = ['task-assignment', 'progress-events', 'report-projection'];

export interface DistributedOptions {
  /** Partitions of every topic the services create (KAFKA_PARTITIONS; default 3). */
  partitions?: number;
  /** Processes of report-projection in its one consumer group, on one database (default 1); the gateway forwards to all of them. */
  projectors?: number;
  /** Node options of every service process and the gateway (e.g. `--max-old-space-size=512`). */
  nodeArgs?: string[];
  /** Each process writes a V8 CPU profile (node --cpu-prof) when it stops, into `<dir>/<process name>/`. */
  cpuProfileDir?: string;
  /** Settings added to every service's environment (e.g. KAFKA_LINGER_MS). */
  env?: NodeJS.ProcessEnv;
}

/** A log line at warn or above: pino's levels 40-60, kafkajs's WARN and ERROR, console.warn/error text. */
const WARNING = /"level":[456]0\b|"level":"(WARN|ERROR)"|^\s*(warn|error|kafka group)/i;

const serviceOf = (name: Name): ServiceName | 'gateway' => name.split('#')[0] as ServiceName | 'gateway';

/**
 * The distributed form as separate processes (built dist/), on real Kafka and
 * a Mongo-wire server: the three services and the gateway, with their own
 * topic namespace, databases and data directories, so runs do not meet.
 * report-projection may run as several processes of one consumer group.
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
  private readonly output = new Map<Name, string>();
  private readonly warned = new Map<Name, string[]>();

  constructor(
    private readonly infra: DistributedInfra,
    private readonly options: DistributedOptions = {},
  ) {}

  /** Every process: the services (report-projection as often as asked), then the gateway. */
  get names(): Name[] {
    const extra = Array.from({ length: Math.max(0, (this.options.projectors ?? 1) - 1) }, (_, i) => `report-projection#${i + 2}` as Name);
    return [...SERVICES, ...extra, 'gateway'];
  }

  /** The processes of report-projection: `report-projection`, `report-projection#2`, … */
  get projectors(): Name[] {
    return this.names.filter((n) => serviceOf(n) === 'report-projection');
  }

  get url(): string {
    return `http://127.0.0.1:${this.ports.get('gateway')}`;
  }

  /** The database a service's read models live in. */
  database(service: ServiceName): string {
    return `${this.namespace.replace(/-/g, '_')}_${service.replace(/-/g, '_')}`;
  }

  env(name: Name): NodeJS.ProcessEnv {
    const base = { ...process.env, HOST: '127.0.0.1', PORT: String(this.ports.get(name)), KAFKAJS_NO_PARTITIONER_WARNING: '1' };
    const service = serviceOf(name);
    if (service === 'gateway') {
      const projectors = this.projectors.map((p) => `http://127.0.0.1:${this.ports.get(p)}`);
      return {
        ...base,
        TASK_ASSIGNMENT_URL: `http://127.0.0.1:${this.ports.get('task-assignment')}`,
        PROGRESS_EVENTS_URL: `http://127.0.0.1:${this.ports.get('progress-events')}`,
        REPORT_PROJECTION_URL: projectors.join(','),
      };
    }
    return {
      ...base,
      ...this.options.env,
      // A further instance keeps its own directory beside the first's (its access log, its reporting ledger).
      MONITOR_DATA_DIR: join(this.dataDir, name.replace('#', '-')),
      EVENT_STORE: 'sqlite',
      BUS: 'kafka',
      KAFKA_BROKERS: this.infra.brokers,
      KAFKA_NAMESPACE: this.namespace,
      KAFKA_PARTITIONS: String(this.options.partitions ?? 3),
      READ_STORE: 'mongodb',
      MONGO_URL: this.infra.mongoUrl,
      MONGO_DATABASE: this.database(service),
      ...(service === 'task-assignment' ? { SIGNING_KEYS_DIR: this.keysDir } : {}),
      VIEW_WAIT_MS: '10000',
      CONSISTENCY_TIMEOUT_MS: '20000',
      IDENTITY_URL: `http://127.0.0.1:${this.ports.get('task-assignment')}`,
    };
  }

  async start(): Promise<this> {
    for (const name of this.names) this.ports.set(name, await freePort());
    try {
      // The services at once; the gateway once they answer (it is given every projector's address).
      await Promise.all(this.names.filter((n) => n !== 'gateway').map((name) => this.startProcess(name)));
      await this.startProcess('gateway');
    } catch (error) {
      await this.stop();
      throw error;
    }
    return this;
  }

  async startProcess(name: Name): Promise<void> {
    const keep = (chunk: string) => {
      this.output.set(name, ((this.output.get(name) ?? '') + chunk).slice(-262_144));
      const warned = chunk.split('\n').filter((l) => WARNING.test(l));
      if (warned.length) this.warned.set(name, [...(this.warned.get(name) ?? []), ...warned].slice(-200));
    };
    const child = await spawnHealthy(
      `dist/services/${serviceOf(name)}/src/main.js`,
      this.env(name),
      this.ports.get(name)!,
      60_000,
      [
        ...(this.options.nodeArgs ?? []),
        ...(this.options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${join(this.options.cpuProfileDir, name.replace('#', '-'))}`] : []),
      ],
      keep,
    );
    this.processes.set(name, child);
  }

  /** The last 200 lines a process logged at warn or above (kept apart from the info lines, which scroll them away). */
  warnings(name: Name): string[] {
    return this.warned.get(name) ?? [];
  }

  /** The last 256 KiB a process printed (its JSON log lines). */
  logs(name: Name): string {
    return this.output.get(name) ?? '';
  }

  /** The operating system's id of a running process. */
  pid(name: Name): number | undefined {
    return this.processes.get(name)?.pid;
  }

  /** The port a process listens on. */
  port(name: Name): number {
    return this.ports.get(name)!;
  }

  async kill(name: Name, signal: NodeJS.Signals = 'SIGKILL', graceMs?: number): Promise<void> {
    const child = this.processes.get(name);
    if (child) await kill(child, signal, graceMs);
  }

  client(sub: string, role: UserRole, agencyId: string | null, session: ConsistencySession | undefined = this.session): ApiClient {
    return new ApiClient(this.url, this.tokens.sign({ sub, agencyId, roles: [role] }), session);
  }

  sign = (claims: Parameters<TokenService['sign']>[0]) => this.tokens.sign(claims);

  /** Drops the databases of this run's read models (a bench's run leaves hundreds of MB otherwise). */
  async dropDatabases(mongoUrl: string): Promise<void> {
    const client = await MongoClient.connect(mongoUrl);
    try {
      for (const service of SERVICES) await client.db(this.database(service)).dropDatabase();
    } finally {
      await client.close();
    }
  }

  async stop(): Promise<void> {
    // A process still busy (requests in flight, a batch retrying) 20 s after SIGTERM is killed outright.
    await Promise.all([...this.processes.keys()].map((name) => this.kill(name, 'SIGTERM', 20_000)));
    this.processes.clear();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
