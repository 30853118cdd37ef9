/**
 * Runs a task now and then again `intervalMs` after each run ends, so runs
 * never overlap; a failing run is reported and the loop goes on.
 */
export class PeriodicRun {
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<void> | null = null;
  private active = false;
  private intervalMs = 0;

  constructor(
    private readonly task: () => Promise<unknown>,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(intervalMs: number): void {
    if (this.active) return;
    this.active = true;
    this.intervalMs = intervalMs;
    if (!this.current) this.schedule(0);
  }

  /** Stops the loop; resolves when a run in progress has ended. */
  async stop(): Promise<void> {
    this.active = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.current;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      this.current = this.runSafely().then(() => {
        this.current = null;
        if (this.active && !this.timer) this.schedule(this.intervalMs);
      });
    }, delayMs);
    this.timer.unref();
  }

  private async runSafely(): Promise<void> {
    try {
      await this.task();
    } catch (error) {
      try {
        this.onError(error);
      } catch {
        // The loop must outlive a failing error handler.
      }
    }
  }
}
