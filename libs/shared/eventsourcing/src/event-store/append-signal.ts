import { sleep } from './catch-up';

/** Wakes subscriptions of this process when an append commits. */
export class AppendSignal {
  private appends = 0;
  private readonly waiters = new Set<() => void>();

  get version(): number {
    return this.appends;
  }

  notify(): void {
    this.appends += 1;
    for (const wake of [...this.waiters]) wake();
  }

  /** Resolves at the first append after `sinceVersion`, after `ms`, or on abort. */
  wait(sinceVersion: number, ms: number, abort: AbortSignal): Promise<void> {
    if (this.appends !== sinceVersion) return Promise.resolve();
    return sleep(ms, abort, this.waiters);
  }
}
