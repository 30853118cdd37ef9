import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

type Labels = Record<string, string>;

/**
 * A service's Prometheus registry (prom-client), with Node's process metrics
 * (event-loop lag, heap, GC) and helpers for the series this system keeps.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly reads = new Map<string, Array<{ labels: Labels; read: () => number | Promise<number> }>>();

  constructor(options: { processMetrics?: boolean } = {}) {
    if (options.processMetrics !== false) collectDefaultMetrics({ register: this.registry });
  }

  counter(name: string, help: string, labelNames: string[] = []): Counter {
    return (
      (this.registry.getSingleMetric(name) as Counter | undefined) ?? new Counter({ name, help, labelNames, registers: [this.registry] })
    );
  }

  /** `buckets`: upper bounds in seconds, ascending (default 1 ms to 5 s). */
  histogram(name: string, help: string, labelNames: string[] = [], buckets?: number[]): Histogram {
    return (
      (this.registry.getSingleMetric(name) as Histogram | undefined) ??
      new Histogram({
        name,
        help,
        labelNames,
        buckets: buckets ?? [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
        registers: [this.registry],
      })
    );
  }

  /** A gauge read at scrape time, once per label set. */
  gauge(name: string, help: string, labels: Labels, read: () => number | Promise<number>): void {
    let reads = this.reads.get(name);
    if (!reads) {
      const list: Array<{ labels: Labels; read: () => number | Promise<number> }> = [];
      this.reads.set(name, (reads = list));
      new Gauge({
        name,
        help,
        labelNames: Object.keys(labels),
        registers: [this.registry],
        async collect() {
          for (const entry of list) this.set(entry.labels, await entry.read());
        },
      });
    }
    reads.push({ labels, read });
  }

  /** The text exposition format, and its content type. */
  async render(): Promise<{ contentType: string; text: string }> {
    return { contentType: this.registry.contentType, text: await this.registry.metrics() };
  }
}
