type Labels = Record<string, string>;

const labelText = (labels: Labels) => {
  const entries = Object.entries(labels);
  return entries.length ? `{${entries.map(([k, v]) => `${k}="${v.replace(/["\\\n]/g, '_')}"`).join(',')}}` : '';
};

interface Series {
  help: string;
  kind: 'counter' | 'gauge' | 'histogram';
  render(name: string): string[] | Promise<string[]>;
}

class Counter implements Series {
  readonly kind = 'counter';
  private readonly values = new Map<string, number>();
  constructor(readonly help: string) {}
  inc(labels: Labels = {}, by = 1) {
    const key = labelText(labels);
    this.values.set(key, (this.values.get(key) ?? 0) + by);
  }
  render(name: string) {
    return [...this.values].map(([labels, v]) => `${name}${labels} ${v}`);
  }
}

class Gauge implements Series {
  readonly kind = 'gauge';
  private readonly values = new Map<string, () => number | Promise<number>>();
  constructor(readonly help: string) {}
  /** The value is read at scrape time. */
  set(labels: Labels, read: () => number | Promise<number>) {
    this.values.set(labelText(labels), read);
  }
  async render(name: string) {
    return Promise.all([...this.values].map(async ([labels, read]) => `${name}${labels} ${await read()}`));
  }
}

const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

class Histogram implements Series {
  readonly kind = 'histogram';
  private readonly series = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();
  constructor(
    readonly help: string,
    private readonly buckets: number[] = BUCKETS,
  ) {}
  observe(labels: Labels, seconds: number) {
    const key = labelText(labels);
    let s = this.series.get(key);
    if (!s) this.series.set(key, (s = { labels, counts: this.buckets.map(() => 0), sum: 0, count: 0 }));
    this.buckets.forEach((b, i) => seconds <= b && s.counts[i]++);
    s.sum += seconds;
    s.count++;
  }
  render(name: string) {
    return [...this.series.values()].flatMap((s) => [
      ...this.buckets.map((b, i) => `${name}_bucket${labelText({ ...s.labels, le: String(b) })} ${s.counts[i]}`),
      `${name}_bucket${labelText({ ...s.labels, le: '+Inf' })} ${s.count}`,
      `${name}_sum${labelText(s.labels)} ${s.sum}`,
      `${name}_count${labelText(s.labels)} ${s.count}`,
    ]);
  }
}

/** A small Prometheus registry: counters, gauges read at scrape time, histograms. */
export class Metrics {
  private readonly all = new Map<string, Series>();

  counter(name: string, help: string): Counter {
    return this.get(name, () => new Counter(help));
  }
  gauge(name: string, help: string): Gauge {
    return this.get(name, () => new Gauge(help));
  }
  /** `buckets`: upper bounds in seconds, ascending (default 1 ms to 5 s). */
  histogram(name: string, help: string, buckets?: number[]): Histogram {
    return this.get(name, () => new Histogram(help, buckets));
  }

  /** Prometheus text exposition format 0.0.4. */
  async render(): Promise<string> {
    const lines: string[] = [];
    for (const [name, s] of this.all) {
      lines.push(`# HELP ${name} ${s.help}`, `# TYPE ${name} ${s.kind}`, ...(await s.render(name)));
    }
    return lines.join('\n') + '\n';
  }

  private get<S extends Series>(name: string, make: () => S): S {
    if (!this.all.has(name)) this.all.set(name, make());
    return this.all.get(name) as S;
  }
}
