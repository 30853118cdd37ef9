export interface ThrottleRules {
  /** Failures allowed in a window before each further one locks the key. */
  freeFailures: number;
  windowMs: number;
  /** The longest lock: locks double from 1 s up to this. */
  maxLockMs: number;
}

interface Failures {
  count: number;
  since: number;
  lockedUntil: number;
}

/** What a sign-in attempt is counted against: the account named, and the address it came from. */
export interface AttemptKeys {
  username: string;
  address: string;
}

export const DEFAULT_THROTTLE = {
  username: { freeFailures: 5, windowMs: 15 * 60_000, maxLockMs: 15 * 60_000 },
  address: { freeFailures: 20, windowMs: 15 * 60_000, maxLockMs: 15 * 60_000 },
} satisfies Record<keyof AttemptKeys, ThrottleRules>;

/**
 * Slows down password guessing: after a few failures in a window, each
 * further failure locks the username (and, with a higher allowance, the
 * address) for twice as long as the last, up to a bound. While locked, even
 * the right password is answered with "try again later". Kept in memory, at
 * most `maxKeys` keys (the oldest forgotten first).
 */
export class SignInThrottle {
  private readonly failures = new Map<string, Failures>();

  constructor(
    private readonly rules: Record<keyof AttemptKeys, ThrottleRules> = DEFAULT_THROTTLE,
    private readonly maxKeys = 10_000,
  ) {}

  /** Seconds to wait before another attempt (0: go ahead). */
  retryAfter(keys: AttemptKeys, now: number): number {
    const until = Math.max(...this.entries(keys).map(([key]) => this.failures.get(key)?.lockedUntil ?? 0));
    return until > now ? Math.ceil((until - now) / 1000) : 0;
  }

  failed(keys: AttemptKeys, now: number): void {
    for (const [key, rules] of this.entries(keys)) {
      const previous = this.failures.get(key);
      const current = previous && now - previous.since < rules.windowMs ? previous : { count: 0, since: now, lockedUntil: 0 };
      current.count += 1;
      const over = current.count - rules.freeFailures;
      if (over >= 0) current.lockedUntil = now + Math.min(1000 * 2 ** over, rules.maxLockMs);
      this.failures.delete(key);
      this.failures.set(key, current);
    }
    while (this.failures.size > this.maxKeys) this.failures.delete(this.failures.keys().next().value!);
  }

  /** A success clears the username's failures; the address keeps its count. */
  succeeded(keys: AttemptKeys): void {
    this.failures.delete(`u:${keys.username}`);
  }

  private entries(keys: AttemptKeys): Array<[string, ThrottleRules]> {
    return [
      [`u:${keys.username}`, this.rules.username],
      [`a:${keys.address}`, this.rules.address],
    ];
  }
}
