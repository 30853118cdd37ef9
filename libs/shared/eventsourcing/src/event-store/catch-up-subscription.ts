import type { RecordedEvent } from '@dm/contracts';
import { CatchUpRunner, STOPPED, type SubscriptionLogger } from './catch-up';
import type { BatchHandler } from './event-store';
import type { AppendSignal } from './append-signal';

export interface PageSource {
  headPosition(): number;
  /** Events after `after` up to and including `upTo`, in global order. */
  page(after: number, upTo: number, limit: number, streamPrefixes?: string[]): RecordedEvent[];
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

export class CatchUpSubscription extends CatchUpRunner {
  constructor(
    private readonly source: PageSource,
    private readonly appends: AppendSignal,
    private readonly handler: BatchHandler,
    private readonly options: CatchUpOptions,
  ) {
    super(options);
    this.start();
  }

  protected async run(): Promise<void> {
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
  }
}
