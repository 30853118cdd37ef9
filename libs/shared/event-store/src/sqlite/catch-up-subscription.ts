import type { RecordedEvent } from '@dm/contracts';
import type { BatchHandler, Subscription } from '../event-store';
import { sleep, type AppendSignal } from './append-signal';

export interface PageSource {
  headPosition(): number;
  /** Events after `after` up to and including `upTo`, in global order. */
  page(after: number, upTo: number, limit: number, streamPrefixes?: string[]): RecordedEvent[];
}

export interface SubscriptionLogger {
  warn(message: string, error?: unknown): void;
}

export interface CatchUpOptions {
  after: number;
  batchSize: number;
  streamPrefixes?: string[];
  /** How long to wait for an in-process append before reading again (sees other processes' appends). */
  pollMs: number;
  /** First pause before a failed batch is handed over again; doubles up to 5 s. */
  retryMs: number;
  logger: SubscriptionLogger;
}

const MAX_RETRY_MS = 5_000;
const STOPPED = Symbol('stopped');

export class CatchUpSubscription implements Subscription {
  readonly caughtUp: Promise<void>;
  private markCaughtUp!: () => void;
  private abandonCatchUp!: (reason: Error) => void;
  private readonly stopping = new AbortController();
  private readonly running: Promise<void>;

  constructor(
    private readonly source: PageSource,
    private readonly appends: AppendSignal,
    private readonly handler: BatchHandler,
    private readonly options: CatchUpOptions,
  ) {
    this.caughtUp = new Promise<void>((resolve, reject) => {
      this.markCaughtUp = resolve;
      this.abandonCatchUp = reject;
    });
    this.caughtUp.catch(() => undefined);
    this.running = this.run();
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await this.running;
  }

  private async run(): Promise<void> {
    const { batchSize, streamPrefixes, pollMs } = this.options;
    const abort = this.stopping.signal;
    let cursor = this.options.after;
    while (!abort.aborted) {
      const seenAppends = this.appends.version;
      const read = await this.attempt('read', () => {
        const head = this.source.headPosition();
        return { head, events: this.source.page(cursor, head, batchSize, streamPrefixes) };
      });
      if (read === STOPPED) break;
      const { head, events } = read;
      if (events.length) {
        if ((await this.attempt('handle', () => this.handler(events), events)) === STOPPED) break;
        cursor = events[events.length - 1].globalPosition;
      }
      if (events.length < batchSize) {
        cursor = head;
        this.markCaughtUp();
        await this.appends.wait(seenAppends, pollMs, abort);
      }
    }
    this.abandonCatchUp(new Error('subscription stopped before it caught up'));
  }

  /** Runs `work` until it succeeds, pausing longer after each failure, or until the subscription stops. */
  private async attempt<T>(what: string, work: () => T | Promise<T>, events?: RecordedEvent[]): Promise<T | typeof STOPPED> {
    const abort = this.stopping.signal;
    for (let failures = 0; !abort.aborted; failures++) {
      try {
        return await work();
      } catch (error) {
        const batch = events ? ` of positions ${events[0].globalPosition}..${events[events.length - 1].globalPosition}` : '';
        this.options.logger.warn(`subscription: ${what}${batch} failed (attempt ${failures + 1}), retrying`, error);
        await sleep(Math.min(this.options.retryMs * 2 ** failures, MAX_RETRY_MS), abort);
      }
    }
    return STOPPED;
  }
}
