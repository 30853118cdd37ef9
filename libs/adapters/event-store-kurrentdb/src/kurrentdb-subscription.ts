import type { RecordedEvent } from '@dm/contracts';
import type { AllStreamResolvedEvent, AllStreamSubscription } from '@kurrent/kurrentdb-client';
import { CatchUpRunner, sleep, STOPPED, type SubscriptionLogger } from '@dm/eventsourcing';
import type { BatchHandler } from '@dm/eventsourcing';

export type KurrentDbLogger = SubscriptionLogger;

/** What a catch-up subscription needs from the store. */
export interface SubscriptionSource {
  /** Global position of the last event matching the prefixes (0 when none). */
  head(filterPrefixes: string[]): Promise<number>;
  /** A KurrentDB subscription to $all after `after` (exclusive; 0 = the start), filtered on the stream-name prefixes. */
  subscribe(after: number, filterPrefixes: string[], highWaterMark: number): AllStreamSubscription;
  /** The store event (upcast) of a delivered event; null to skip it. */
  toEvent(resolved: AllStreamResolvedEvent): RecordedEvent | null;
}

export interface KurrentCatchUpOptions {
  after: number;
  batchSize: number;
  /** KurrentDB stream-name prefixes (already mapped to this store's streams). */
  filterPrefixes: string[];
  /** First pause before a failed batch is handed over again or a dropped subscription is renewed; doubles up to 5 s. */
  retryMs: number;
  logger: KurrentDbLogger;
}

/**
 * subscribeToAll with a stream-prefix filter from the last delivered
 * position, one batch at a time: the next batch is formed only once the
 * handler has finished the last one (the KurrentDB subscription waits,
 * back-pressured, meanwhile). While catching up, batches are filled to
 * batchSize; `caughtUp` resolves once the last event stored at the start
 * (read first) has been handled, or the server reports caught-up and
 * everything before that report has been handled. A dropped subscription is
 * renewed from the last delivered position after a growing pause; a failed
 * batch is handed over again, never skipped.
 */
export class KurrentCatchUpSubscription extends CatchUpRunner {
  constructor(
    private readonly source: SubscriptionSource,
    private readonly handler: BatchHandler,
    private readonly options: KurrentCatchUpOptions,
  ) {
    super(options);
    this.start();
  }

  protected async run(): Promise<void> {
    const { filterPrefixes, batchSize, logger } = this.options;
    const abort = this.stopping.signal;
    let cursor = this.options.after;
    const head = await this.attempt('read of the head', () => this.source.head(filterPrefixes));
    if (head !== STOPPED) {
      if (head <= cursor) this.markCaughtUp();
      let drops = 0;
      while (!abort.aborted) {
        const feed = new SubscriptionFeed(this.source.subscribe(cursor, filterPrefixes, Math.max(batchSize, 16)));
        try {
          for (;;) {
            const batch = await this.nextBatch(feed, cursor, head);
            if (batch === STOPPED) break;
            if (batch.length) {
              drops = 0;
              if ((await this.attempt('handle', () => this.handler(batch), batch)) === STOPPED || abort.aborted) break;
              cursor = batch[batch.length - 1].globalPosition;
            }
            if (!this.isCaughtUp && (cursor >= head || feed.reportedCaughtUp())) this.markCaughtUp();
          }
        } catch (error) {
          if (!abort.aborted) {
            const pause = this.pause(drops++);
            logger.warn(`subscription: dropped (attempt ${drops}), resubscribing after position ${cursor} in ${pause} ms`, error);
            await sleep(pause, abort);
          }
        } finally {
          await feed.close();
        }
      }
    }
  }

  /** The next batch after `cursor`; throws when the subscription failed or ended. */
  private async nextBatch(feed: SubscriptionFeed, cursor: number, head: number): Promise<RecordedEvent[] | typeof STOPPED> {
    const abort = this.stopping.signal;
    const batch: RecordedEvent[] = [];
    let last = cursor;
    for (;;) {
      if (abort.aborted) return STOPPED;
      feed.throwIfDropped();
      for (let resolved = feed.take(); resolved; resolved = batch.length < this.options.batchSize ? feed.take() : null) {
        const event = this.source.toEvent(resolved);
        if (!event || event.globalPosition <= last) continue;
        batch.push(event);
        last = event.globalPosition;
      }
      if (batch.length >= this.options.batchSize) return batch;
      const ready = this.isCaughtUp ? batch.length > 0 : last >= head || feed.reportedCaughtUp();
      if (ready) return batch;
      await feed.wait(abort);
    }
  }
}

/**
 * Pulls events from a KurrentDB subscription (a readable stream in object
 * mode) as the consumer asks for them, so it stays back-pressured, and
 * records what the server reported: failure, end, caught-up.
 */
class SubscriptionFeed {
  private dropped: unknown = null;
  private taken = 0;
  /** How many events had reached the client when the server reported caught-up. */
  private caughtUpAt: number | null = null;
  private wake: (() => void) | null = null;

  constructor(private readonly subscription: AllStreamSubscription) {
    subscription.on('readable', () => this.notify());
    subscription.on('error', (error: Error) => this.drop(error));
    subscription.on('end', () => this.drop(new Error('the server ended the subscription')));
    subscription.on('close', () => this.drop(new Error('the subscription closed')));
    subscription.on('caughtUp', () => {
      this.caughtUpAt ??= this.taken + subscription.readableLength;
      this.notify();
    });
  }

  take(): AllStreamResolvedEvent | null {
    const resolved = this.subscription.read() as AllStreamResolvedEvent | null;
    if (resolved) this.taken++;
    return resolved;
  }

  reportedCaughtUp(): boolean {
    return this.caughtUpAt !== null && this.taken >= this.caughtUpAt;
  }

  throwIfDropped(): void {
    if (this.dropped) throw this.dropped;
  }

  /** Resolves when something arrives, the subscription drops, or on abort. */
  wait(abort: AbortSignal): Promise<void> {
    if (this.dropped || abort.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        abort.removeEventListener('abort', done);
        this.wake = null;
        resolve();
      };
      this.wake = done;
      abort.addEventListener('abort', done);
    });
  }

  async close(): Promise<void> {
    this.dropped ??= new Error('closed');
    try {
      await this.subscription.unsubscribe();
    } catch {
      // The call never started (connection failed): nothing to cancel.
    }
    this.subscription.destroy();
  }

  private drop(error: unknown): void {
    this.dropped ??= error;
    this.notify();
  }

  private notify(): void {
    this.wake?.();
  }
}
