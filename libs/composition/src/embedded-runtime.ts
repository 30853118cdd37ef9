import { mkdirSync } from 'node:fs';
import type { EventStore } from '@dm/eventsourcing';
import { join } from 'node:path';
import { InMemoryMessageBus, Relay } from '@dm/message-bus';
import { consistencyToken, Metrics, signingKeysDirOf, TokenService, type Consistency, type HealthCheck } from '@dm/platform';
import { AssignmentView } from '@dm/progress-events';
import { AssignmentActivity } from '@dm/task-assignment';
import { AccessLog, type AuditTrail } from '@dm/inspection';
import type { IdentityContext } from '@dm/identity';
import { embeddedIdentityStores, identityContextOf } from './identity-wiring';
import { auditTrailOf } from './audit-wiring';
import { readiness, sqliteEventStore, SqliteEventStore, SqliteReadStore } from './adapters';

export const SOURCES = {
  taskAssignment: 'task-assignment',
  progressEvents: 'progress-events',
  audit: 'audit',
  reporting: 'reporting',
} as const;

/**
 * The embedded adapters of the three services, in one process: SQLite event
 * stores (one per writing service), SQLite read stores, the in-process bus,
 * and one relay per event store.
 */
export class EmbeddedRuntime {
  readonly metrics = new Metrics();
  readonly tokens: TokenService;
  readonly bus = new InMemoryMessageBus();
  readonly stores: Record<'taskAssignment' | 'progressEvents', SqliteEventStore>;
  readonly progressViewStore: SqliteReadStore;
  readonly reportStore: SqliteReadStore;
  readonly view: AssignmentView;
  readonly activityStore: SqliteReadStore;
  readonly activity: AssignmentActivity;
  readonly relays: Record<string, Relay>;
  readonly auditStore: SqliteReadStore;
  /** The access log's events: chained and checkpointed like the others, never published on the bus. */
  readonly accessStore: SqliteEventStore;
  readonly accessLog: AccessLog;
  readonly audit: AuditTrail;
  /** The reporting context's own events (calendar, regimes, periodic and issued reports, reminders): audited, never published on the bus. */
  readonly reportingStore: SqliteEventStore;
  /** Accounts (events), credentials and sessions: the identity context. */
  readonly identityStore: SqliteEventStore;
  readonly identityReadStore: SqliteReadStore;
  readonly identity: IdentityContext;

  constructor(readonly dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.tokens = TokenService.holdingKeys(signingKeysDirOf(dataDir));
    this.stores = {
      taskAssignment: sqliteEventStore(SOURCES.taskAssignment, join(dataDir, 'task-assignment.events.db')),
      progressEvents: sqliteEventStore(SOURCES.progressEvents, join(dataDir, 'progress-events.events.db')),
    };
    this.progressViewStore = new SqliteReadStore({ file: join(dataDir, 'progress-events.view.db') });
    this.reportStore = new SqliteReadStore({ file: join(dataDir, 'report-projection.read.db') });
    this.view = new AssignmentView(this.progressViewStore, 0);
    this.activityStore = new SqliteReadStore({ file: join(dataDir, 'task-assignment.activity.db') });
    this.activity = new AssignmentActivity(this.activityStore);
    this.relays = Object.fromEntries(
      Object.values(this.stores).map((store) => [
        store.name,
        new Relay({ name: `relay:${store.name}`, store, bus: this.bus, batchSize: 500 }),
      ]),
    );
    this.reportingStore = sqliteEventStore(SOURCES.reporting, join(dataDir, 'reporting.events.db'));
    const identityStores = embeddedIdentityStores(dataDir);
    this.identityStore = identityStores.eventStore;
    this.identityReadStore = identityStores.readStore;
    this.identity = identityContextOf(identityStores, this.stores.taskAssignment, this.tokens);
    this.auditStore = new SqliteReadStore({ file: join(dataDir, 'audit.db') });
    this.accessStore = sqliteEventStore(SOURCES.audit, join(dataDir, 'audit.events.db'));
    this.audit = auditTrailOf({
      audited: [...Object.values(this.stores), this.reportingStore, this.identityStore],
      accessStore: this.accessStore,
      nodes: this.auditStore,
      keyDir: dataDir,
      checkpointDir: process.env.AUDIT_CHECKPOINT_DIR || join(dataDir, 'checkpoints'),
      contiguous: true,
    });
    this.accessLog = this.audit.accessLog;
    this.registerMetrics();
  }

  /** Read-your-writes: a write answers once every in-process projector has applied it. */
  readonly consistency: Consistency = {
    afterWrite: async (written) => {
      const { source, position } = written;
      try {
        await this.relays[source]?.waitFor(position, 30_000);
      } catch (error) {
        // The write is stored; only its visibility is late. Answer it, with the token to wait on.
        console.warn(`read-your-writes wait for ${source}:${position} failed: ${(error as Error).message}`);
      }
      return consistencyToken(written);
    },
  };

  healthChecks(): HealthCheck[] {
    return [
      ...Object.values(this.stores).map((store) => readiness.eventStore(store, () => ({ relayed: this.relays[store.name].position }))),
      readiness.readStore('task-assignment', this.activityStore),
      readiness.readStore('progress-events', this.progressViewStore),
      readiness.readStore('report-projection', this.reportStore),
      readiness.eventStore(this.accessStore),
      readiness.eventStore(this.reportingStore),
      readiness.eventStore(this.identityStore),
      readiness.readStore('identity', this.identityReadStore),
      readiness.readStore('audit', this.auditStore),
    ];
  }

  async startRelays(): Promise<void> {
    for (const relay of Object.values(this.relays)) await relay.start();
  }

  /** The Merkle logs follow the stores; checkpoints are taken daily and at each month's cut-off. */
  async startAudit(): Promise<void> {
    await this.audit.start();
    this.audit.checkpoints.startSchedule();
  }

  async close(): Promise<void> {
    for (const relay of Object.values(this.relays)) await relay.stop();
    await this.audit.stop();
    await this.bus.close();
    for (const store of Object.values(this.stores)) await store.close();
    await this.progressViewStore.close();
    await this.activityStore.close();
    await this.reportStore.close();
    await this.auditStore.close();
    await this.accessStore.close();
    await this.reportingStore.close();
    await this.identityStore.close();
    await this.identityReadStore.close();
  }

  private registerMetrics() {
    for (const store of Object.values(this.stores)) relayMetrics(this.metrics, store, this.relays[store.name]);
  }
}

/** The head of a store and how far its relay has published it. */
export function relayMetrics(metrics: Metrics, store: EventStore, relay: Relay): void {
  metrics.gauge('event_store_head_position', 'Global position of the last stored event', { store: store.name }, () => store.headPosition());
  metrics.gauge('relay_checkpoint_position', 'Last position the bus accepted from the store', { store: store.name }, () => relay.position);
}
