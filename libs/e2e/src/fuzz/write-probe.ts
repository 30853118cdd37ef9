import Database from 'better-sqlite3';
import { join } from 'node:path';

/** The part of an event store the probe reads. */
export interface ProbedStore {
  readonly name: string;
  headPosition(): Promise<number>;
  readAll(options: { after?: number }): AsyncIterable<{ type: string; correlationId: string; globalPosition: number }>;
}

/**
 * What a request may have written. Events: the head of every event store a
 * command writes to, and each new event's correlation id (so an event is
 * traced to the request that wrote it, even among concurrent ones). Read
 * models: SQLite's `data_version` of each read database, which moves when
 * any other connection commits to it. The access log and the audit trail's
 * own database are left out: every signed-in read is recorded there by
 * design, refused ones included (docs/audit.md, "The access log").
 */
export class WriteProbe {
  private readonly readDbs: Array<{ name: string; db: Database.Database }>;
  private heads: number[] = [];

  constructor(
    private readonly stores: ProbedStore[],
    dataDir: string,
    readFiles: string[],
  ) {
    this.readDbs = readFiles.map((file) => ({
      name: file,
      db: new Database(join(dataDir, file), { readonly: true, fileMustExist: true }),
    }));
  }

  async start(): Promise<void> {
    this.heads = await Promise.all(this.stores.map((s) => s.headPosition()));
  }

  /** The sum of the stores' heads: how many events there are. */
  async eventCount(): Promise<number> {
    return (await Promise.all(this.stores.map((s) => s.headPosition()))).reduce((a, b) => a + b, 0);
  }

  /** The read databases' versions, as one string to compare. */
  readVersion(): string {
    return this.readDbs.map(({ name, db }) => `${name}:${db.pragma('data_version', { simple: true })}`).join(' ');
  }

  /** The events written since the last call: their store, type and correlation id. */
  async newEvents(): Promise<Array<{ store: string; type: string; correlationId: string }>> {
    const found: Array<{ store: string; type: string; correlationId: string }> = [];
    for (const [i, store] of this.stores.entries()) {
      for await (const event of store.readAll({ after: this.heads[i] })) {
        found.push({ store: store.name, type: event.type, correlationId: event.correlationId });
        this.heads[i] = Math.max(this.heads[i], event.globalPosition);
      }
    }
    return found;
  }

  close() {
    for (const { db } of this.readDbs) db.close();
  }
}
