import { StreamBusyError } from './errors';

export interface StreamQueueLimits {
  /** Writes that may wait on one stream; one more is refused at once. */
  maxWaiting: number;
  /** How long a write may wait for its turn before it is refused (and skipped). */
  maxWaitMs: number;
}

interface Line {
  tail: Promise<unknown>;
  waiting: number;
}

/**
 * Runs work on one stream after the work queued before it on that stream, so
 * writes to a stream in this process never race each other; work on other
 * streams runs alongside. A stream that is too busy, or stuck behind a write
 * that does not end, refuses more with StreamBusyError (409, Retry-After)
 * instead of holding its callers without bound.
 */
export class StreamQueue {
  private readonly lines = new Map<string, Line>();

  constructor(private readonly limits: StreamQueueLimits = { maxWaiting: 1_000, maxWaitMs: 10_000 }) {}

  run<T>(streamId: string, work: () => Promise<T>): Promise<T> {
    const line = this.lines.get(streamId) ?? { tail: Promise.resolve(), waiting: 0 };
    if (line.waiting >= this.limits.maxWaiting) {
      return Promise.reject(
        new StreamBusyError(`${line.waiting} writes are waiting on stream ${streamId}; nothing was written, send it again`),
      );
    }
    line.waiting += 1;
    let abandoned = false;
    let giveUp!: (error: Error) => void;
    const refused = new Promise<never>((_, reject) => (giveUp = reject));
    const timer = setTimeout(() => {
      abandoned = true;
      giveUp(new StreamBusyError(`stream ${streamId} was busy for ${this.limits.maxWaitMs} ms; nothing was written, send it again`));
    }, this.limits.maxWaitMs);
    const turn = line.tail.then(() => {
      line.waiting -= 1;
      clearTimeout(timer);
      return abandoned ? undefined : work();
    });
    const tail = turn.catch(() => undefined);
    line.tail = tail;
    this.lines.set(streamId, line);
    void tail.then(() => {
      if (line.tail === tail) this.lines.delete(streamId);
    });
    return Promise.race([turn as Promise<T>, refused]);
  }

  /** Streams with work queued or running. */
  get size(): number {
    return this.lines.size;
  }
}
