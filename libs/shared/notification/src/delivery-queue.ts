import { randomUUID } from 'node:crypto';
import type { ReadStore } from '@dm/read-store';
import { defaultBackoffMs } from './backoff';
import { DELIVERIES_COLLECTION, toDelivery, type Delivery, type DeliveryDocument, type DeliveryState } from './delivery';
import { claimWrite, enqueueWrite, resultWrite, type AttemptResult } from './delivery-writes';
import { digestGroups, type DigestGroup } from './digest-groups';
import type { DeliveryOutcome, Notifier } from './notifier';
import { PeriodicRun } from './periodic-run';
import type { ReminderNotice } from './reminder-notice';
import { runConcurrently } from './run-concurrently';

/** An outcome as the queue reports it: `final` when its reminders will not be tried again (sent, or failed for good). */
export type QueuedOutcome = DeliveryOutcome & { channel: string; agencyId: string; final: boolean };

export interface DeliveryQueueOptions {
  /** Notifier calls per delivery before it is failed; default 8. */
  maxAttempts?: number;
  /** Wait before the next attempt after `attempts` failed ones; default 30 s × 2^(attempts−1), capped at 6 h. */
  backoffMs?: (attempts: number) => number;
  now?: () => Date;
  /** Told of each digest's outcome (once per finality within it); a throw is reported to `onError` and changes nothing. */
  onOutcome?: (outcome: QueuedOutcome) => Promise<void> | void;
  /** Most reminders in one digest; more for one agency go in several digests. Default 50. */
  batchPerAgency?: number;
  /** How long a claim keeps other queues off a delivery; longer than a notifier's slowest delivery. Default 10 min. */
  claimMs?: number;
  /** Most deliveries one run takes; default 500. */
  maxPerRun?: number;
  /** Digests sent at once; default 4. */
  concurrency?: number;
  /** Errors that must not stop the queue (a throwing onOutcome, a store error in one digest, a failed timed run). */
  onError?: (error: unknown) => void;
}

export interface RunResult {
  sent: number;
  failed: number;
  retried: number;
}

export interface DeliveryFilter {
  agencyId?: string;
  reminderId?: string;
  channel?: string;
  state?: DeliveryState;
  limit?: number;
}

const INDEXES = [['state', 'nextAttemptAt'], ['state', 'claimedUntil'], ['agencyId', 'enqueuedAt'], ['reminderId']];

/**
 * The outbox of reminders: `enqueue` only writes a pending delivery per
 * channel and reminder; `runOnce` sends the due ones, one digest per channel
 * and agency, and records each result. Two queues on one store do not send
 * the same delivery at once where the store applies a revision-guarded write
 * atomically (see delivery-writes.ts); receivers dedupe on `reminderId` in
 * any case, since a delivery is at least once.
 */
export class DeliveryQueue {
  private readonly notifiers = new Map<string, Notifier>();
  private readonly maxAttempts: number;
  private readonly backoffMs: (attempts: number) => number;
  private readonly now: () => Date;
  private readonly batchPerAgency: number;
  private readonly claimMs: number;
  private readonly maxPerRun: number;
  private readonly concurrency: number;
  private readonly onError: (error: unknown) => void;
  private readonly loop: PeriodicRun;
  private lastRun: Promise<unknown> = Promise.resolve();
  private indexes: Promise<void> | null = null;

  constructor(
    private readonly store: ReadStore,
    notifiers: Notifier[],
    private readonly options: DeliveryQueueOptions = {},
  ) {
    for (const notifier of notifiers) {
      if (this.notifiers.has(notifier.channel)) throw new Error(`two notifiers for channel ${notifier.channel}`);
      this.notifiers.set(notifier.channel, notifier);
    }
    this.maxAttempts = atLeastOne(options.maxAttempts ?? 8, 'maxAttempts');
    this.batchPerAgency = atLeastOne(options.batchPerAgency ?? 50, 'batchPerAgency');
    this.maxPerRun = atLeastOne(options.maxPerRun ?? 500, 'maxPerRun');
    this.concurrency = atLeastOne(options.concurrency ?? 4, 'concurrency');
    this.backoffMs = options.backoffMs ?? defaultBackoffMs;
    this.now = options.now ?? (() => new Date());
    this.claimMs = options.claimMs ?? 10 * 60 * 1000;
    this.onError = options.onError ?? ((error) => console.error('DeliveryQueue:', error));
    this.loop = new PeriodicRun(() => this.runOnce(), this.onError);
  }

  /** One pending delivery per channel and reminder; a reminder enqueued again changes nothing. Only writes to the store. */
  async enqueue(notices: ReminderNotice[]): Promise<void> {
    if (!notices.length || !this.notifiers.size) return;
    await this.ensureIndexes();
    const at = this.now().toISOString();
    const writes = [...this.notifiers.keys()].flatMap((channel) => notices.map((notice) => enqueueWrite(channel, notice, at)));
    await this.store.applyFacts(DELIVERIES_COLLECTION, writes);
  }

  /** Sends the due deliveries; runs of one queue go one after another. */
  runOnce(): Promise<RunResult> {
    const run = this.lastRun.catch(() => undefined).then(() => this.sendDue());
    this.lastRun = run;
    return run;
  }

  /** Runs now, then `intervalMs` after each run ends, until `stop`. */
  start(intervalMs: number): void {
    this.loop.start(intervalMs);
  }

  /** Stops the loop; resolves when a run in progress has ended. */
  async stop(): Promise<void> {
    await this.loop.stop();
    await this.lastRun.catch(() => undefined);
  }

  /** Deliveries, newest first. */
  async deliveries(filter: DeliveryFilter = {}): Promise<Delivery[]> {
    const { limit, ...fields } = filter;
    const where = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Record<string, string>;
    const docs = await this.store.find<DeliveryDocument>(DELIVERIES_COLLECTION, { where, orderBy: [['enqueuedAt', 'desc']], limit });
    return docs.map(toDelivery);
  }

  private async sendDue(): Promise<RunResult> {
    await this.ensureIndexes();
    const result: RunResult = { sent: 0, failed: 0, retried: 0 };
    const groups = digestGroups(await this.dueDeliveries(), this.batchPerAgency);
    await runConcurrently(groups, this.concurrency, async (group) => {
      try {
        for (const state of await this.sendDigest(group)) {
          if (state === 'sent') result.sent++;
          else if (state === 'failed') result.failed++;
          else result.retried++;
        }
      } catch (error) {
        this.onError(error);
      }
    });
    return result;
  }

  /** Pending deliveries now due, and those whose claim ran out (a queue stopped while sending), oldest reminder first. */
  private async dueDeliveries(): Promise<DeliveryDocument[]> {
    const at = this.now().toISOString();
    const channel = { in: [...this.notifiers.keys()] };
    const limit = this.maxPerRun;
    const [pending, abandoned] = await Promise.all([
      this.store.find<DeliveryDocument>(DELIVERIES_COLLECTION, {
        where: { state: 'pending', nextAttemptAt: { lte: at }, channel },
        orderBy: [['nextAttemptAt', 'asc']],
        limit,
      }),
      this.store.find<DeliveryDocument>(DELIVERIES_COLLECTION, {
        where: { state: 'sending', claimedUntil: { lte: at }, channel },
        orderBy: [['claimedUntil', 'asc']],
        limit,
      }),
    ]);
    return [...abandoned, ...pending]
      .slice(0, limit)
      .sort((a, b) => compareText(a.notice.issuedAt, b.notice.issuedAt) || compareText(a.reminderId, b.reminderId));
  }

  private async sendDigest(group: DigestGroup): Promise<AttemptResult['state'][]> {
    const claimed = await this.claim(group.deliveries);
    if (!claimed.length) return [];
    const outcome = await this.deliver(
      this.notifiers.get(group.channel)!,
      group.agencyId,
      claimed.map((d) => d.notice),
    );
    const at = this.now();
    const results = claimed.map((doc) => ({ doc, result: this.resultOf(doc, outcome, at) }));
    await this.store.applyFacts(
      DELIVERIES_COLLECTION,
      results.map(({ doc, result }) => resultWrite(doc, result)),
    );
    await this.report(group, outcome, results);
    return results.map(({ result }) => result.state);
  }

  /** Claims the deliveries with a compare-and-set on their version; answers those this run holds. */
  private async claim(deliveries: DeliveryDocument[]): Promise<DeliveryDocument[]> {
    const token = randomUUID();
    const until = new Date(this.now().getTime() + this.claimMs).toISOString();
    await this.store.applyFacts(
      DELIVERIES_COLLECTION,
      deliveries.map((d) => claimWrite(d, token, until)),
    );
    const current = await Promise.all(deliveries.map((d) => this.store.get<DeliveryDocument>(DELIVERIES_COLLECTION, d._id)));
    return current.filter((d): d is DeliveryDocument => d?.claimToken === token);
  }

  private async deliver(notifier: Notifier, agencyId: string, notices: ReminderNotice[]): Promise<DeliveryOutcome> {
    try {
      return await notifier.deliver(agencyId, notices);
    } catch (error) {
      const reminderIds = notices.map((n) => n.reminderId);
      return { reminderIds, ok: false, attempts: 1, error: messageOf(error), at: this.now().toISOString() };
    }
  }

  private resultOf(doc: DeliveryDocument, outcome: DeliveryOutcome, now: Date): AttemptResult {
    const at = now.toISOString();
    if (outcome.ok) return { state: 'sent', at, error: null, nextAttemptAt: null };
    const attempts = doc.attempts + 1;
    const error = outcome.error ?? 'delivery failed';
    if (attempts >= this.maxAttempts) return { state: 'failed', at, error, nextAttemptAt: null };
    return { state: 'pending', at, error, nextAttemptAt: new Date(now.getTime() + this.backoffMs(attempts)).toISOString() };
  }

  /** Tells onOutcome once for the reminders that are done and once for those to be tried again. */
  private async report(
    group: DigestGroup,
    outcome: DeliveryOutcome,
    results: Array<{ doc: DeliveryDocument; result: AttemptResult }>,
  ): Promise<void> {
    if (!this.options.onOutcome) return;
    for (const final of [true, false]) {
      const reminderIds = results.filter(({ result }) => (result.state !== 'pending') === final).map(({ doc }) => doc.reminderId);
      if (!reminderIds.length) continue;
      try {
        await this.options.onOutcome({ ...outcome, reminderIds, channel: group.channel, agencyId: group.agencyId, final });
      } catch (error) {
        this.onError(error);
      }
    }
  }

  private ensureIndexes(): Promise<void> {
    this.indexes ??= this.store.ensureIndexes(DELIVERIES_COLLECTION, INDEXES).catch((error) => {
      this.indexes = null;
      throw error;
    });
    return this.indexes;
  }
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function atLeastOne(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of at least 1, not ${value}`);
  return value;
}
