import { loadEmbeddedConfig, sqliteSyncOf } from './config';
import { loadGatewayConfig, loadServiceConfig } from './service-config';

describe('loadServiceConfig', () => {
  it('defaults to the embedded adapters and the service port', () => {
    const config = loadServiceConfig('progress-events', {});
    expect(config).toMatchObject({
      port: 3002,
      host: '0.0.0.0',
      eventStore: { kind: 'sqlite' },
      bus: { kind: 'memory' },
      readStore: { kind: 'sqlite' },
      tokens: { jwksUrl: 'http://127.0.0.1:3001/.well-known/jwks.json' },
      viewWaitMs: 3000,
    });
  });

  it('reads the distributed adapters with their URLs', () => {
    const config = loadServiceConfig('report-projection', {
      PORT: '4003',
      EVENT_STORE: 'kurrentdb',
      KURRENTDB_URL: 'kurrentdb://kurrentdb:2113?tls=false',
      BUS: 'kafka',
      KAFKA_BROKERS: 'k1:9092,k2:9092',
      KAFKA_PARTITIONS: '6',
      READ_STORE: 'mongodb',
      MONGO_URL: 'mongodb://m1:27017,m2:27017/?replicaSet=rs0',
      IDENTITY_URL: 'http://task-assignment:3001/',
    });
    expect(config).toMatchObject({
      port: 4003,
      eventStore: { kind: 'kurrentdb', url: 'kurrentdb://kurrentdb:2113?tls=false' },
      bus: { kind: 'kafka', brokers: ['k1:9092', 'k2:9092'], partitions: 6 },
      readStore: { kind: 'mongodb', url: 'mongodb://m1:27017,m2:27017/?replicaSet=rs0', database: 'monitoring_reports' },
    });
    expect(config.tokens).toEqual({ jwksUrl: 'http://task-assignment:3001/.well-known/jwks.json' });
  });

  it('gives task-assignment, the sign-in component, a directory of signing keys; the others a JWKS to verify with', () => {
    expect(loadServiceConfig('task-assignment', { MONITOR_DATA_DIR: '/data' }).tokens).toEqual({ signingKeysDir: '/data/keys' });
    expect(loadServiceConfig('task-assignment', { SIGNING_KEYS_DIR: '/keys' }).tokens).toEqual({ signingKeysDir: '/keys' });
    expect(loadServiceConfig('progress-events', { JWKS_URL: 'https://id.example/jwks' }).tokens).toEqual({
      jwksUrl: 'https://id.example/jwks',
    });
    expect(() => loadServiceConfig('progress-events', { JWKS_URL: 'ftp://x' })).toThrow('JWKS_URL must be a http:// or https:// URL');
  });

  it('names every missing setting an adapter needs, at once', () => {
    expect(() => loadServiceConfig('task-assignment', { EVENT_STORE: 'kurrentdb', BUS: 'kafka', READ_STORE: 'mongodb' })).toThrow(
      'configuration of task-assignment: KURRENTDB_URL is required when EVENT_STORE=kurrentdb; KAFKA_BROKERS is required when BUS=kafka; MONGO_URL is required when READ_STORE=mongodb',
    );
  });

  it('names a bad value and what it must be', () => {
    expect(() => loadServiceConfig('task-assignment', { BUS: 'rabbitmq' })).toThrow(
      /configuration of task-assignment: BUS .*'memory' \| 'kafka'/,
    );
    expect(() => loadServiceConfig('task-assignment', { PORT: '99999' })).toThrow('PORT must be a TCP port number (0-65535)');
    expect(() => loadServiceConfig('task-assignment', { BUS: 'kafka', KAFKA_BROKERS: 'k1' })).toThrow(
      'KAFKA_BROKERS must be host:port[,host:port…]',
    );
    expect(() => loadServiceConfig('report-projection', { READ_STORE: 'mongodb', MONGO_URL: 'http://m:27017' })).toThrow(
      'MONGO_URL must be a mongodb:// or mongodb+srv:// URL',
    );
  });
});

describe('loadGatewayConfig', () => {
  it('defaults to the services on this machine', () => {
    expect(loadGatewayConfig({})).toEqual({
      port: 3000,
      host: '0.0.0.0',
      upstreams: {
        'task-assignment': 'http://127.0.0.1:3001',
        'progress-events': 'http://127.0.0.1:3002',
        'report-projection': 'http://127.0.0.1:3003',
      },
      timeoutMs: 30_000,
      jwksUrl: 'http://127.0.0.1:3001/.well-known/jwks.json',
    });
  });

  it('names a bad upstream URL', () => {
    expect(() => loadGatewayConfig({ PROGRESS_EVENTS_URL: 'progress-events:3002' })).toThrow(
      'configuration of gateway: PROGRESS_EVENTS_URL must be a http:// or https:// URL',
    );
  });
});

describe('SQLITE_SYNC', () => {
  it('is full (durable) unless normal is asked for; anything else stops the start with the setting named', () => {
    expect(sqliteSyncOf({})).toBe('full');
    expect(sqliteSyncOf({ SQLITE_SYNC: 'normal' })).toBe('normal');
    expect(() => sqliteSyncOf({ SQLITE_SYNC: 'off' })).toThrow(/SQLITE_SYNC must be full or normal, got "off"/);
    expect(() => loadEmbeddedConfig({ SQLITE_SYNC: 'off' })).toThrow(/SQLITE_SYNC/);
    expect(() => loadServiceConfig('progress-events', { SQLITE_SYNC: 'off' })).toThrow(/SQLITE_SYNC/);
  });
});
