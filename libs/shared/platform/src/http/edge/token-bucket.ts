/** A rate: up to `burst` requests at once, then `perSecond` on average. */
export interface Rate {
  burst: number;
  perSecond: number;
}

export type Take = { ok: true } | { ok: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * One token bucket per key (an address, a principal), in memory, at most
 * `maxKeys` of them: the key used least recently is forgotten first, which
 * costs nothing, since a bucket left alone long enough is full again anyway.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    readonly rate: Rate,
    readonly maxKeys = 50_000,
    private readonly now: () => number = () => performance.now(),
  ) {
    if (!(rate.burst >= 1) || !(rate.perSecond > 0)) throw new Error('a rate needs a burst of at least 1 and a positive refill');
  }

  /** Takes one token from the key's bucket; when there is none, how many whole seconds until there is (at least 1). */
  take(key: string): Take {
    const at = this.now();
    const previous = this.buckets.get(key);
    if (previous) this.buckets.delete(key);
    else if (this.buckets.size >= this.maxKeys) this.buckets.delete(this.buckets.keys().next().value!);
    const refilled = previous
      ? Math.min(this.rate.burst, previous.tokens + ((at - previous.at) / 1000) * this.rate.perSecond)
      : this.rate.burst;
    const ok = refilled >= 1;
    this.buckets.set(key, { tokens: ok ? refilled - 1 : refilled, at });
    if (ok) return { ok: true };
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - refilled) / this.rate.perSecond)) };
  }

  get size(): number {
    return this.buckets.size;
  }
}
