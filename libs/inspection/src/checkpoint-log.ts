import { checkpointText, signCheckpoint, type Checkpoint } from '@dm/audit';
import { appendFileSync, existsSync, fsyncSync, mkdirSync, openSync, closeSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { vietnamDate } from '@dm/periods';
import { encodeCursor, type PageRequest } from '@dm/contracts';
import { findAfter, keyOfDoc, type Document, type KeyOrder, type ReadStore } from '@dm/read-store';
import type { AuditKeys } from './audit-keys';
import type { MerkleLog } from './merkle-log';

const COLLECTION = 'audit-checkpoints';
const DAY_MS = 24 * 60 * 60 * 1000;

type CheckpointDoc = Checkpoint & Document;

/** The checkpoints' order: by time, then tree size, then id. */
const CHECKPOINT_ORDER: KeyOrder = [
  ['time', 'asc'],
  ['treeSize', 'asc'],
  ['_id', 'asc'],
];

/** A checkpoint line of the file outside the database that cannot be read. */
export interface UnreadableLine {
  file: string;
  line: number;
}

/**
 * Signed checkpoints of every store's Merkle log (docs/audit.md,
 * "Checkpoints"): kept in the database, and each also appended to a file per
 * store outside it, so that truncating the database with its checkpoints is
 * still caught. Taken on demand, at least daily, and at each month's cut-off.
 */
export class CheckpointLog {
  private timer: NodeJS.Timeout | null = null;
  private taking: Promise<Checkpoint[]> = Promise.resolve([]);

  constructor(
    readonly logs: MerkleLog[],
    private readonly keys: AuditKeys,
    private readonly store: ReadStore,
    readonly outsideDir: string,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  fileOf(store: string): string {
    return join(this.outsideDir, `${store}.checkpoints.jsonl`);
  }

  /** Signs the head of every log, after it has caught up with its store. */
  take(reason: string): Promise<Checkpoint[]> {
    const next = this.taking.then(async () => {
      const taken: Checkpoint[] = [];
      const time = this.clock().toISOString();
      for (const log of this.logs) {
        await log.sync();
        const { store, treeSize, rootHash } = await log.head();
        const checkpoint = signCheckpoint({ store, treeSize, rootHash, time }, this.keys.privateKey, reason);
        this.writeOutside(checkpoint);
        await this.store.putDocuments(COLLECTION, [
          { rev: {}, _id: `${store}/${String(treeSize).padStart(15, '0')}/${time}`, ...checkpoint },
        ]);
        taken.push(checkpoint);
      }
      return taken;
    });
    this.taking = next.catch(() => []);
    return next;
  }

  /** The checkpoints kept in the database, oldest first, of one store or all. */
  async stored(store?: string): Promise<Checkpoint[]> {
    const docs = await this.store.find<CheckpointDoc>(COLLECTION, {
      where: store ? { store } : {},
      orderBy: [
        ['time', 'asc'],
        ['treeSize', 'asc'],
      ],
    });
    return docs.map(withoutDocumentFields);
  }

  /** A page of the checkpoints kept in the database, oldest first (then by id), read from the store after the cursor. */
  async page(store: string | undefined, page: PageRequest<readonly [string, number, string]>) {
    const docs = await findAfter<CheckpointDoc>(
      this.store,
      COLLECTION,
      store ? { store } : {},
      CHECKPOINT_ORDER,
      page.after,
      page.limit + 1,
    );
    const shown = docs.slice(0, page.limit);
    return {
      checkpoints: shown.map(withoutDocumentFields),
      next: docs.length > page.limit ? encodeCursor(keyOfDoc(shown[shown.length - 1], CHECKPOINT_ORDER)) : null,
    };
  }

  /** The checkpoints in the file outside the database, and the lines that could not be read. */
  outside(store: string): { checkpoints: Checkpoint[]; unreadable: UnreadableLine[] } {
    const file = this.fileOf(store);
    if (!existsSync(file)) return { checkpoints: [], unreadable: [] };
    const checkpoints: Checkpoint[] = [];
    const unreadable: UnreadableLine[] = [];
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((text, i) => {
        if (!text.trim()) return;
        try {
          checkpoints.push(JSON.parse(text) as Checkpoint);
        } catch {
          unreadable.push({ file, line: i + 1 });
        }
      });
    return { checkpoints, unreadable };
  }

  /**
   * Every checkpoint of a store known, in the database and in the file
   * outside it, each once (the same fields and signature), by size then
   * time; with how many each place held and the file's unreadable lines.
   */
  async known(store: string) {
    const inDatabase = await this.stored(store);
    const outside = this.outside(store);
    const unique = new Map([...inDatabase, ...outside.checkpoints].map((c) => [`${checkpointText(c)}${c.signature}`, c]));
    const checkpoints = [...unique.values()].sort((a, b) => a.treeSize - b.treeSize || a.time.localeCompare(b.time));
    return { checkpoints, inDatabase: inDatabase.length, outside: outside.checkpoints.length, unreadable: outside.unreadable };
  }

  async start(): Promise<void> {
    await this.store.ensureIndexes(COLLECTION, [['store', 'time']]);
  }

  /** The latest checkpoint of each store signed at or before `time` (the latest of all when absent): what every report names. */
  async latest(time?: string): Promise<Checkpoint[]> {
    const found: Checkpoint[] = [];
    for (const log of this.logs) {
      const [last] = await this.store.find<CheckpointDoc>(COLLECTION, {
        where: { store: log.store.name, ...(time ? { time: { lte: time } } : {}) },
        orderBy: [
          ['time', 'desc'],
          ['treeSize', 'desc'],
        ],
        limit: 1,
      });
      if (last) found.push(withoutDocumentFields(last));
    }
    return found;
  }

  /** Checks every hour; takes a checkpoint when the last is a day old, or a month's cut-off has passed since. */
  startSchedule(checkEveryMs = 60 * 60 * 1000): void {
    const tick = () => void this.takeIfDue().catch((error) => console.warn(`scheduled checkpoint failed: ${(error as Error).message}`));
    tick();
    this.timer = setInterval(tick, checkEveryMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.taking;
  }

  async takeIfDue(): Promise<Checkpoint[]> {
    const last = (await this.latest()).sort((a, b) => a.time.localeCompare(b.time)).pop();
    const now = this.clock();
    if (!last) return this.take('daily');
    const lastMonth = vietnamDate(new Date(last.time)).slice(0, 7);
    const month = vietnamDate(now).slice(0, 7);
    if (lastMonth !== month) return this.take(`cut-off ${lastMonth}`);
    if (now.getTime() - Date.parse(last.time) >= DAY_MS) return this.take('daily');
    return [];
  }

  private writeOutside(checkpoint: Checkpoint): void {
    mkdirSync(this.outsideDir, { recursive: true });
    const file = this.fileOf(checkpoint.store);
    appendFileSync(file, JSON.stringify(checkpoint) + '\n');
    const fd = openSync(file, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
}

const withoutDocumentFields = ({ _id, rev, ...checkpoint }: CheckpointDoc): Checkpoint => (void _id, void rev, checkpoint);
