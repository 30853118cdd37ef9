import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { JWKS_PATH, LOG_LEVELS, type LogLevel } from '@dm/platform';
import { ConfigError } from './config';
import { notificationEnvShape } from './notification-config';
import { identityEnvShape } from './identity-config';

export const SERVICE_NAMES = ['task-assignment', 'progress-events', 'report-projection'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** Default ports when several services share one machine without Docker. */
export const DEFAULT_PORTS: Record<ServiceName | 'gateway', number> = {
  gateway: 3000,
  'task-assignment': 3001,
  'progress-events': 3002,
  'report-projection': 3003,
};

export const portSetting = z
  .string()
  .regex(/^\d+$/, 'must be a TCP port number (0-65535)')
  .transform(Number)
  .refine((n) => n <= 65535, 'must be a TCP port number (0-65535)');
export const positiveInt = (fallback: number) =>
  z
    .string()
    .regex(/^[1-9]\d*$/, 'must be a positive whole number')
    .transform(Number)
    .default(String(fallback));
/** Connection strings may list several hosts (a,b:27017), which URL parsers refuse: only the scheme is checked. */
export const urlSetting = (protocols: string[]) =>
  z
    .string()
    .refine(
      (u) => !/\s/.test(u) && protocols.some((p) => u.startsWith(`${p}://`) && u.length > p.length + 3),
      `must be a ${protocols.map((p) => `${p}://`).join(' or ')} URL`,
    );
const brokers = z
  .string()
  .regex(/^[^\s,:]+:\d+(,[^\s,:]+:\d+)*$/, 'must be host:port[,host:port…]')
  .transform((s) => s.split(','));
const databaseName = z.string().regex(/^[a-zA-Z0-9_]{1,60}$/, 'must be letters, digits or _');

/**
 * A service's environment (issue "Distributed", item 6). Every variable the
 * services read is here: docker-compose.yml is checked against these keys.
 */
export const serviceEnvSchema = z
  .object({
    PORT: portSetting.optional(),
    HOST: z.string().min(1, 'must be a host name or address').default('0.0.0.0'),
    MONITOR_DATA_DIR: z.string().min(1, 'must be a directory path').optional(),
    EVENT_STORE: z.enum(['sqlite', 'kurrentdb']).default('sqlite'),
    SQLITE_SYNC: z.enum(['full', 'normal']).default('full'),
    KURRENTDB_URL: urlSetting(['kurrentdb', 'kurrentdb+discover', 'esdb', 'esdb+discover']).optional(),
    BUS: z.enum(['memory', 'kafka']).default('memory'),
    KAFKA_BROKERS: brokers.optional(),
    KAFKA_PARTITIONS: positiveInt(3),
    KAFKA_NAMESPACE: z
      .string()
      .regex(/^[a-zA-Z0-9_-]{1,100}$/, 'must be letters, digits, _ or -')
      .optional(),
    READ_STORE: z.enum(['sqlite', 'mongodb']).default('sqlite'),
    MONGO_URL: urlSetting(['mongodb', 'mongodb+srv']).optional(),
    MONGO_DATABASE: databaseName.optional(),
    SIGNING_KEYS_DIR: z.string().min(1, 'must be a directory path').optional(),
    JWKS_URL: urlSetting(['http', 'https']).optional(),
    VIEW_WAIT_MS: positiveInt(3000),
    CONSISTENCY_TIMEOUT_MS: positiveInt(5000),
    LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
    AUDITED_STORES: z
      .string()
      .regex(
        /^[a-z][a-z0-9-]*(=[^,]+)?(,[a-z][a-z0-9-]*(=[^,]+)?)*$/,
        'must be store names, each with =<SQLite file> when EVENT_STORE=sqlite (task-assignment=/data/ta.events.db,…)',
      )
      .optional(),
    AUDIT_CHECKPOINT_DIR: z.string().min(1, 'must be a directory path').optional(),
    ...notificationEnvShape,
    ...identityEnvShape,
    RECORDED_LATE_AFTER_WORKING_DAYS: z
      .string()
      .regex(/^\d{1,3}$/, 'must be a whole number of working days (0-999)')
      .transform(Number)
      .default('2'),
  })
  .superRefine((env, ctx) => {
    const need = (when: boolean, key: keyof typeof env, because: string) => {
      if (when && env[key] === undefined) ctx.addIssue({ code: 'custom', path: [key], message: `is required when ${because}` });
    };
    need(env.EVENT_STORE === 'kurrentdb', 'KURRENTDB_URL', 'EVENT_STORE=kurrentdb');
    need(env.BUS === 'kafka', 'KAFKA_BROKERS', 'BUS=kafka');
    need(env.READ_STORE === 'mongodb', 'MONGO_URL', 'READ_STORE=mongodb');
  });

export type ServiceEnv = z.output<typeof serviceEnvSchema>;

export interface ServiceConfig {
  service: ServiceName;
  port: number;
  host: string;
  dataDir: string;
  eventStore: { kind: 'sqlite' } | { kind: 'kurrentdb'; url: string };
  bus: { kind: 'memory' } | { kind: 'kafka'; brokers: string[]; partitions: number; namespace?: string };
  readStore: { kind: 'sqlite' } | { kind: 'mongodb'; url: string; database: string };
  /**
   * Tokens: the sign-in component (task-assignment) holds the signing keys in
   * a directory of its own; the others verify with the public keys it serves.
   */
  tokens: { signingKeysDir: string } | { jwksUrl: string };
  viewWaitMs: number;
  consistencyTimeoutMs: number;
  recordedLateAfterWorkingDays: number;
  logLevel: LogLevel;
  /**
   * report-projection's audit trail (docs/audit.md): the writers' stores it
   * follows (by name on KurrentDB; a SQLite file each, by default the one
   * beside its own data directory), and where checkpoints are also written.
   */
  audit: { stores: Array<{ name: string; file: string | null }>; checkpointDir: string };
  /** The service that keeps accounts and sessions (task-assignment), which the others ask about a session cookie. */
  identityUrl: string;
}

/** Lists every bad setting at once, one per line, naming the variable. */
export function formatConfigIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(environment)'} ${i.message}`).join('; ');
}

const DEFAULT_DATABASES: Record<ServiceName, string> = {
  'task-assignment': 'monitoring_tasks',
  'progress-events': 'monitoring_progress',
  'report-projection': 'monitoring_reports',
};

export function loadServiceConfig(service: ServiceName, env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const parsed = serviceEnvSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(formatConfigIssues(parsed.error), service);
  const e = parsed.data;
  return {
    service,
    port: e.PORT ?? DEFAULT_PORTS[service],
    host: e.HOST,
    dataDir: resolve(e.MONITOR_DATA_DIR ?? `./.data/${service}`),
    eventStore: e.EVENT_STORE === 'kurrentdb' ? { kind: 'kurrentdb', url: e.KURRENTDB_URL! } : { kind: 'sqlite' },
    bus:
      e.BUS === 'kafka'
        ? { kind: 'kafka', brokers: e.KAFKA_BROKERS!, partitions: e.KAFKA_PARTITIONS, namespace: e.KAFKA_NAMESPACE }
        : { kind: 'memory' },
    readStore:
      e.READ_STORE === 'mongodb'
        ? { kind: 'mongodb', url: e.MONGO_URL!, database: e.MONGO_DATABASE ?? DEFAULT_DATABASES[service] }
        : { kind: 'sqlite' },
    tokens:
      service === 'task-assignment'
        ? { signingKeysDir: resolve(e.SIGNING_KEYS_DIR ?? join(e.MONITOR_DATA_DIR ?? `./.data/${service}`, 'keys')) }
        : { jwksUrl: e.JWKS_URL ?? `${identityUrlOf(e)}${JWKS_PATH}` },
    viewWaitMs: e.VIEW_WAIT_MS,
    consistencyTimeoutMs: e.CONSISTENCY_TIMEOUT_MS,
    recordedLateAfterWorkingDays: e.RECORDED_LATE_AFTER_WORKING_DAYS,
    logLevel: e.LOG_LEVEL,
    audit: auditOf(e, resolve(e.MONITOR_DATA_DIR ?? `./.data/${service}`)),
    identityUrl: identityUrlOf(e),
  };
}

const identityUrlOf = (e: ServiceEnv) => (e.IDENTITY_URL ?? `http://127.0.0.1:${DEFAULT_PORTS['task-assignment']}`).replace(/\/$/, '');

const WRITERS = ['task-assignment', 'progress-events'];

function auditOf(e: ServiceEnv, dataDir: string): ServiceConfig['audit'] {
  const named = e.AUDITED_STORES?.split(',').map((entry) => {
    const [name, file] = entry.split('=');
    return { name, file: file ?? null };
  });
  const sqliteDefault = (name: string) => join(dirname(dataDir), name, `${name}.events.db`);
  const stores = (named ?? WRITERS.map((name) => ({ name, file: null }))).map(({ name, file }) => ({
    name,
    file: e.EVENT_STORE === 'kurrentdb' ? null : resolve(file ?? sqliteDefault(name)),
  }));
  return { stores, checkpointDir: resolve(e.AUDIT_CHECKPOINT_DIR ?? join(dataDir, 'checkpoints')) };
}

/** The gateway's environment: where each service listens. */
export const gatewayEnvSchema = z.object({
  PORT: portSetting.optional(),
  HOST: z.string().min(1).default('0.0.0.0'),
  TASK_ASSIGNMENT_URL: urlSetting(['http', 'https']).default(`http://127.0.0.1:${DEFAULT_PORTS['task-assignment']}`),
  PROGRESS_EVENTS_URL: urlSetting(['http', 'https']).default(`http://127.0.0.1:${DEFAULT_PORTS['progress-events']}`),
  REPORT_PROJECTION_URL: urlSetting(['http', 'https']).default(`http://127.0.0.1:${DEFAULT_PORTS['report-projection']}`),
  UPSTREAM_TIMEOUT_MS: positiveInt(30_000),
  /** The sign-in component's public keys; by default task-assignment's /.well-known/jwks.json. */
  JWKS_URL: urlSetting(['http', 'https']).optional(),
});

export interface GatewayConfig {
  port: number;
  host: string;
  upstreams: Record<ServiceName, string>;
  timeoutMs: number;
  jwksUrl: string;
}

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const parsed = gatewayEnvSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(formatConfigIssues(parsed.error), 'gateway');
  const e = parsed.data;
  return {
    port: e.PORT ?? DEFAULT_PORTS.gateway,
    host: e.HOST,
    upstreams: {
      'task-assignment': e.TASK_ASSIGNMENT_URL,
      'progress-events': e.PROGRESS_EVENTS_URL,
      'report-projection': e.REPORT_PROJECTION_URL,
    },
    timeoutMs: e.UPSTREAM_TIMEOUT_MS,
    jwksUrl: e.JWKS_URL ?? new URL(JWKS_PATH, e.TASK_ASSIGNMENT_URL).href,
  };
}
