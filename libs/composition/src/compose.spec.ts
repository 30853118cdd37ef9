import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadEmbeddedConfig } from './config';
import {
  gatewayEnvSchema,
  loadGatewayConfig,
  loadServiceConfig,
  SERVICE_NAMES,
  serviceEnvSchema,
  type ServiceConfig,
  type ServiceName,
} from './service-config';

/**
 * docker-compose.yml cannot run here (no Docker): it is checked against the
 * services' own configuration schema instead, so that a renamed variable, a
 * moved port or a missing dependency fails this test rather than a deployment.
 */

const ROOT = join(__dirname, '../../..');
const INFRA = ['kafka', 'kurrentdb', 'mongo'] as const;
const APPS = [...SERVICE_NAMES, 'gateway'] as const;

interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string | string[];
  environment?: Record<string, string | number | boolean | null> | string[];
  ports?: Array<string | number | { target: number; published?: string | number }>;
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: string | string[]; disable?: boolean };
  profiles?: string[];
  volumes?: string[];
}

const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
};
const services = compose.services ?? {};

/** Compose's interpolation: $$, $VAR, ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?message}, ${VAR?message}. */
function interpolate(text: string, vars: Record<string, string>): string {
  return text.replace(
    /\$(\$|[A-Za-z_]\w*|\{([A-Za-z_]\w*)(?:(:?[-?])([^}]*))?\})/g,
    (_whole, body: string, braced?: string, op?: string, arg?: string) => {
      if (body === '$') return '$';
      const name = braced ?? body;
      const value = vars[name];
      const unset = op?.startsWith(':') ? !value : value === undefined;
      if (!unset) return value;
      if (op?.endsWith('?')) throw new Error(`${name} is required: ${arg}`);
      if (op?.endsWith('-')) return arg ?? '';
      return '';
    },
  );
}

/** A service's `environment` (map or KEY=VALUE list), as the process would see it. */
function environment(name: string, vars: Record<string, string> = {}): Record<string, string> {
  const raw = services[name]?.environment ?? {};
  const entries: Array<[string, string]> = Array.isArray(raw)
    ? raw.map((line) => {
        const at = line.indexOf('=');
        return [line.slice(0, at), line.slice(at + 1)];
      })
    : Object.entries(raw).map(([k, v]) => [k, v === null ? '' : String(v)]);
  return Object.fromEntries(entries.map(([k, v]) => [k, interpolate(v, vars)]));
}

const words = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(' ') : (value ?? ''));

/** The port of the URL a healthcheck calls, e.g. fetch('http://127.0.0.1:3001/health'). */
function healthPort(name: string): number | undefined {
  const match = /https?:\/\/(?:127\.0\.0\.1|localhost):(\d+)\/health\b/.exec(words(services[name]?.healthcheck?.test));
  return match ? Number(match[1]) : undefined;
}

function dependsOn(name: string): Record<string, string | undefined> {
  const raw = services[name]?.depends_on ?? {};
  return Array.isArray(raw)
    ? Object.fromEntries(raw.map((n) => [n, undefined]))
    : Object.fromEntries(Object.entries(raw).map(([n, d]) => [n, d?.condition]));
}

/** Container ports the service publishes. */
function publishedTargets(name: string): number[] {
  return (services[name]?.ports ?? []).map((p) =>
    typeof p === 'object' ? Number(p.target) : Number(String(p).split(':').pop()!.split('/')[0]),
  );
}

const configOf = (name: ServiceName): ServiceConfig => loadServiceConfig(name, environment(name));
const gatewayConfig = () => loadGatewayConfig(environment('gateway'));

describe('docker-compose.yml (the distributed form)', () => {
  it('has the infrastructure, the three services and the gateway', () => {
    for (const name of [...INFRA, ...APPS]) expect(Object.keys(services)).toContain(name);
  });

  it.each(SERVICE_NAMES)('%s: its environment is valid for its config schema, with no unknown variable', (name) => {
    const known = Object.keys(serviceEnvSchema.innerType().shape);
    const env = environment(name);
    expect(Object.keys(env).filter((key) => !known.includes(key))).toEqual([]);
    expect(() => configOf(name)).not.toThrow();
  });

  it('gateway: its environment is valid for its config schema, with no unknown variable', () => {
    const known = Object.keys(gatewayEnvSchema.shape);
    expect(Object.keys(environment('gateway')).filter((key) => !known.includes(key))).toEqual([]);
    expect(() => gatewayConfig()).not.toThrow();
  });

  it('runs each service on the distributed adapters it uses, and only those', () => {
    const ta = configOf('task-assignment');
    const pe = configOf('progress-events');
    const rp = configOf('report-projection');
    for (const config of [ta, pe, rp]) expect(config.bus.kind).toBe('kafka');
    expect(ta.eventStore.kind).toBe('kurrentdb');
    expect(pe.eventStore.kind).toBe('kurrentdb');
    // task-assignment keeps its view of the dates recorded on assignments, progress-events its view of who is assigned what
    expect(ta.readStore.kind).toBe('mongodb');
    expect(pe.readStore.kind).toBe('mongodb');
    expect(rp.readStore.kind).toBe('mongodb');
    // report-projection writes no stream of the writers: it follows theirs in KurrentDB for the audit trail, and appends its access log there.
    expect(rp.eventStore.kind).toBe('kurrentdb');
    expect(rp.audit.stores).toEqual([
      { name: 'task-assignment', file: null },
      { name: 'progress-events', file: null },
    ]);
    expect(rp.audit.checkpointDir).toBe('/checkpoints');
    expect(services['report-projection'].volumes).toEqual(
      expect.arrayContaining(['report-projection-data:/data', 'audit-checkpoints:/checkpoints']),
    );
  });

  it('gives the signing keys to task-assignment alone, in a volume of its own; the others verify with the JWKS it serves', () => {
    expect(configOf('task-assignment').tokens).toEqual({ signingKeysDir: '/keys' });
    expect(services['task-assignment'].volumes).toEqual(expect.arrayContaining(['signing-keys:/keys']));
    for (const name of ['progress-events', 'report-projection'] as const) {
      expect(configOf(name).tokens).toEqual({ jwksUrl: 'http://task-assignment:3001/.well-known/jwks.json' });
      expect(JSON.stringify(services[name].volumes ?? [])).not.toContain('keys');
    }
    expect(loadGatewayConfig(environment('gateway')).jwksUrl).toBe('http://task-assignment:3001/.well-known/jwks.json');
    expect(JSON.stringify(services)).not.toContain('JWT_SECRET');
  });

  it('points the services at the infrastructure services by their compose names', () => {
    const kafkaEnv = environment('kafka');
    const advertised = kafkaEnv.KAFKA_ADVERTISED_LISTENERS.split(',').map((l) => l.replace(/^[A-Z_]+:\/\//, ''));
    const replSet = /--replSet[ =](\S+)/.exec(words(services.mongo.command))?.[1];
    expect(replSet).toBeDefined();
    for (const name of SERVICE_NAMES) {
      const config = configOf(name);
      if (config.bus.kind === 'kafka') {
        // Each broker is one the broker advertises under its compose name (the internal listener).
        for (const broker of config.bus.brokers) {
          expect(broker.split(':')[0]).toBe('kafka');
          expect(advertised).toContain(broker);
        }
      }
      if (config.eventStore.kind === 'kurrentdb') expect(config.eventStore.url).toMatch(/^kurrentdb:\/\/kurrentdb:2113\b.*tls=false/);
      if (config.readStore.kind === 'mongodb') {
        expect(config.readStore.url).toMatch(/^mongodb:\/\/mongo:27017\//);
        expect(new URL(config.readStore.url).searchParams.get('replicaSet')).toBe(replSet);
      }
    }
  });

  it.each(SERVICE_NAMES)('%s: the port it listens on is the one its healthcheck and the gateway call', (name) => {
    const port = configOf(name).port;
    expect(healthPort(name)).toBe(port);
    const upstream = new URL(gatewayConfig().upstreams[name]);
    expect(upstream.hostname).toBe(name);
    expect(Number(upstream.port)).toBe(port);
  });

  it('gateway: publishes its port and checks its own health on it', () => {
    const { port } = gatewayConfig();
    expect(healthPort('gateway')).toBe(port);
    expect(publishedTargets('gateway')).toContain(port);
  });

  it.each(APPS)('%s: is built from the repository and runs its own entry point', (name) => {
    const service = services[name];
    expect(service.build).toBeDefined();
    const command = words(service.command);
    expect(command).toMatch(new RegExp(`^node dist/services/${name}/src/main\\.js$`));
    expect(existsSync(join(ROOT, `services/${name}/src/main.ts`))).toBe(true);
  });

  it.each(SERVICE_NAMES)('%s: starts after the infrastructure it uses is healthy', (name) => {
    const config = configOf(name);
    const needs = [
      ...(config.bus.kind === 'kafka' ? ['kafka'] : []),
      ...(config.eventStore.kind === 'kurrentdb' ? ['kurrentdb'] : []),
      ...(config.readStore.kind === 'mongodb' ? ['mongo'] : []),
    ];
    const deps = dependsOn(name);
    for (const infra of needs) expect([infra, deps[infra]]).toEqual([infra, 'service_healthy']);
  });

  it('gateway: starts after the three services are healthy', () => {
    const deps = dependsOn('gateway');
    for (const name of SERVICE_NAMES) expect([name, deps[name]]).toEqual([name, 'service_healthy']);
  });

  it.each([...INFRA, ...APPS])('%s: has a healthcheck', (name) => {
    const check = services[name].healthcheck;
    expect(check?.disable).not.toBe(true);
    expect(
      words(check?.test)
        .replace(/^(CMD|CMD-SHELL) /, '')
        .trim(),
    ).not.toBe('');
  });

  it('starts the distributed form by default; the embedded form only in the "embedded" profile', () => {
    for (const name of [...INFRA, ...APPS]) expect(services[name].profiles).toBeUndefined();
    const embedded = Object.entries(services).filter(([, s]) => s.profiles?.includes('embedded'));
    expect(embedded.map(([name]) => name)).toEqual(['standalone']);
    expect(words(services.standalone.command)).toBe('node dist/services/standalone/src/main.js');
    const config = loadEmbeddedConfig(environment('standalone'));
    expect(healthPort('standalone')).toBe(config.port);
    expect(publishedTargets('standalone')).toContain(config.port);
  });
});
