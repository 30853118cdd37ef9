import type { RecordedEvent } from '@dm/contracts';
import type { Subscription } from './event-store';

export interface SubscriptionLogger {
  warn(message: string, error?: unknown): void;
}

const MAX_RETRY_MS = 5_000;
export const STOPPED = Symbol('stopped');

/** Resolves after `ms`, on abort, or when one of `wakers` (where it adds itself) is called. */
export function sleep(ms: number, abort: AbortSignal, wakers?: Set<() => void>): Promise<void> {
  if (abort.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const wake = () => {
      clearTimeout(timer);
      wakers?.delete(wake);
      abort.removeEventListener('abort', wake);
      resolve();
    };
    const timer = setTimeout(wake, ms);
    wakers?.add(wake);
    abort.addEventListener('abort', wake);
  });
}

/**
 * What every store's catch-up subscription shares: the `caughtUp` promise
 * (rejected if it stops first), stopping, and handing work over again after
 * a growing pause. A subclass calls `start()` at the end of its constructor.
 */
export abstract class CatchUpRunner implements Subscription {
  readonly caughtUp: Promise<void>;
  private caughtUpYet = false;
  private resolveCaughtUp!: () => void;
  private abandonCatchUp!: (reason: Error) => void;
  protected readonly stopping = new AbortController();
  private running: Promise<void> = Promise.resolve();

  constructor(private readonly retry: { retryMs: number; logger: SubscriptionLogger }) {
    this.caughtUp = new Promise<void>((resolve, reject) => {
      this.resolveCaughtUp = resolve;
      this.abandonCatchUp = reject;
    });
    this.caughtUp.catch(() => undefined);
  }

  protected abstract run(): Promise<void>;

  protected start(): void {
    this.running = this.run().finally(() => this.abandonCatchUp(new Error('subscription stopped before it caught up')));
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await this.running;
  }

  protected get isCaughtUp(): boolean {
    return this.caughtUpYet;
  }

  protected markCaughtUp(): void {
    this.caughtUpYet = true;
    this.resolveCaughtUp();
  }

  /** Runs `work` until it succeeds, pausing longer after each failure, or until the subscription stops. */
  protected async attempt<T>(what: string, work: () => T | Promise<T>, events?: RecordedEvent[]): Promise<T | typeof STOPPED> {
    const abort = this.stopping.signal;
    for (let failures = 0; !abort.aborted; failures++) {
      try {
        return await work();
      } catch (error) {
        const batch = events ? ` of positions ${events[0].globalPosition}..${events[events.length - 1].globalPosition}` : '';
        this.retry.logger.warn(`subscription: ${what}${batch} failed (attempt ${failures + 1}), retrying`, error);
        await sleep(this.pause(failures), abort);
      }
    }
    return STOPPED;
  }

  /** The pause after `failures` failures in a row: retryMs, doubling up to 5 s. */
  protected pause(failures: number): number {
    return Math.min(this.retry.retryMs * 2 ** failures, MAX_RETRY_MS);
  }
}

/** The port's handle of a subscription a store keeps in `open` until it stops (the store's close stops what is left). */
export function tracked<S extends Subscription>(open: Set<S>, subscription: S): Subscription {
  open.add(subscription);
  return {
    caughtUp: subscription.caughtUp,
    stop: async () => {
      await subscription.stop();
      open.delete(subscription);
    },
  };
}
