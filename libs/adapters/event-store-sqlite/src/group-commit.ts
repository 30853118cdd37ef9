import type Database from 'better-sqlite3';
import type { AppendResult } from '@dm/eventsourcing';
import type { Appender, Outcome, StreamAppend } from './append';

interface Pending {
  append: StreamAppend;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

/**
 * Appends that arrive in the same turn of the event loop share one write
 * transaction, and so one fsync when the store is durable (synchronous=FULL);
 * each keeps its own outcome, because each runs in a savepoint of its own:
 * a conflict on one stream fails that append alone.
 */
export class GroupCommit {
  private pending: Pending[] = [];
  private readonly commit: Database.Transaction<(appends: StreamAppend[], recordedAt: string) => Outcome[]>;

  constructor(
    db: Database.Database,
    appender: Appender,
    private readonly clock: () => Date,
    private readonly committed: (results: AppendResult[]) => void,
  ) {
    this.commit = db.transaction((appends: StreamAppend[], recordedAt: string) => appender.appendEach(appends, recordedAt));
  }

  append(append: StreamAppend): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.pending.push({ append, resolve, reject });
      if (this.pending.length === 1) setImmediate(() => this.flush());
    });
  }

  /** Commits what is pending now (also called before the database closes). */
  flush(): void {
    const batch = this.pending;
    this.pending = [];
    if (!batch.length) return;
    let outcomes: Outcome[];
    try {
      outcomes = this.commit.immediate(
        batch.map((p) => p.append),
        this.clock().toISOString(),
      );
    } catch (error) {
      for (const p of batch) p.reject(error);
      return;
    }
    this.committed(outcomes.flatMap((o) => (o.ok ? [o.result] : [])));
    outcomes.forEach((o, i) => (o.ok ? batch[i].resolve(o.result) : batch[i].reject(o.error)));
  }
}
