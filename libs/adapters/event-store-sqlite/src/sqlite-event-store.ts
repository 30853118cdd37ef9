import type { Event, NewEvent, RecordedEvent, StoredEventText, Upcaster } from '@dm/contracts';
import type Database from 'better-sqlite3';
import type {
  AppendResult,
  BatchHandler,
  EventStore,
  ExpectedRevision,
  ReadAllOptions,
  ReadLogOptions,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
} from '@dm/eventsourcing';
import { Appender, type StreamAppend } from './append';
import { GroupCommit } from './group-commit';
import { AppendSignal, CatchUpSubscription, tracked, upcasting, type PageSource, type SubscriptionLogger } from '@dm/eventsourcing';
import { fromRow } from './event-row';
import { readAllPages, readLogPages, readStreamPages } from './read-pages';
import { openEventStoreDatabase, type SqliteSync } from './schema';
import { Statements } from './statements';

export interface SqliteEventStoreOptions {
  /** Name of the store as a source of facts, e.g. "task-assignment". */
  name: string;
  /** Database file, or ':memory:'. */
  file: string;
  /** `full` (the default): an acknowledged append is on disk; `normal`: faster, the last commits may be lost on a power loss. */
  sync?: SqliteSync;
  /** By event type; applied to every event read back. */
  upcasters?: Record<string, Upcaster>;
  clock?: () => Date;
  logger?: SubscriptionLogger;
  /** Subscriptions read again after this long without an in-process append (default 200 ms). */
  pollMs?: number;
  /** First pause before a subscription hands a failed batch over again (default 100 ms). */
  retryMs?: number;
}

export type { StreamAppend } from './append';

export class SqliteEventStore implements EventStore {
  readonly name: string;
  private readonly db: Database.Database;
  private readonly statements: Statements;
  private readonly appendInTransaction: Database.Transaction<(appends: StreamAppend[], recordedAt: string) => AppendResult[]>;
  private readonly clock: () => Date;
  private readonly appends = new AppendSignal();
  private readonly subscriptions = new Set<CatchUpSubscription>();
  private readonly pages: PageSource;
  private readonly groupCommit: GroupCommit;

  constructor(private readonly options: SqliteEventStoreOptions) {
    this.name = options.name;
    this.upcast = upcasting(options.upcasters);
    this.clock = options.clock ?? (() => new Date());
    this.db = openEventStoreDatabase(options.file, options.sync);
    this.statements = new Statements(this.db);
    const appender = new Appender(this.statements, this.db);
    this.appendInTransaction = this.db.transaction((appends: StreamAppend[], recordedAt: string) =>
      appender.appendAll(appends, recordedAt),
    );
    this.groupCommit = new GroupCommit(this.db, appender, this.clock, (results) => {
      if (results.some((r) => r.events.length && !r.idempotent)) this.appends.notify();
    });
    this.pages = {
      headPosition: () => this.statements.head.get()!.head,
      page: (after, upTo, limit, prefixes) => this.statements.readAll(after, upTo, limit, prefixes).map((row) => this.upcast(fromRow(row))),
    };
  }

  async appendToStream<E extends Event>(
    streamId: string,
    events: NewEvent<E>[],
    options: { expectedRevision?: ExpectedRevision } = {},
  ): Promise<AppendResult<E>> {
    const result = await this.groupCommit.append({ streamId, events, expectedRevision: options.expectedRevision });
    return (result.idempotent ? { ...result, events: result.events.map(this.upcast) } : result) as AppendResult<E>;
  }

  /** Appends to several streams in one transaction: all of them or none. */
  async appendBatch(appends: StreamAppend[]): Promise<AppendResult[]> {
    const results = this.appendInTransaction.immediate(appends, this.clock().toISOString());
    if (results.some((r) => r.events.length && !r.idempotent)) this.appends.notify();
    return results.map((r) => (r.idempotent ? { ...r, events: r.events.map(this.upcast) } : r));
  }

  readStream<E extends Event = Event>(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent<E>> {
    return readStreamPages(this.statements, streamId, options, this.upcast) as AsyncIterable<RecordedEvent<E>>;
  }

  async streamRevision(streamId: string): Promise<number | null> {
    return this.statements.revision.get(streamId)?.revision ?? null;
  }

  readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    return readAllPages(this.statements, options, this.upcast);
  }

  readLog(options: ReadLogOptions = {}): AsyncIterable<StoredEventText[]> {
    return readLogPages(this.statements, options);
  }

  subscribeToAll(handler: BatchHandler, options: SubscribeOptions = {}): Subscription {
    const subscription = new CatchUpSubscription(this.pages, this.appends, handler, {
      after: options.after ?? 0,
      batchSize: options.batchSize ?? 256,
      streamPrefixes: options.streamPrefixes,
      pollMs: this.options.pollMs ?? 200,
      retryMs: this.options.retryMs ?? 100,
      logger: this.options.logger ?? console,
    });
    return tracked(this.subscriptions, subscription);
  }

  /** The synchronous setting the connection runs with. */
  get sync(): SqliteSync {
    return this.db.pragma('synchronous', { simple: true }) === 2 ? 'full' : 'normal';
  }

  async headPosition(): Promise<number> {
    return this.pages.headPosition();
  }

  async getCheckpoint(name: string): Promise<number | null> {
    return this.statements.getCheckpoint.get(name)?.position ?? null;
  }

  async setCheckpoint(name: string, position: number): Promise<void> {
    this.statements.setCheckpoint.run(name, position);
  }

  async close(): Promise<void> {
    if (this.db.open) this.groupCommit.flush();
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    this.subscriptions.clear();
    if (this.db.open) this.db.close();
  }

  private readonly upcast: (event: RecordedEvent) => RecordedEvent;
}
