/** Statuses worth another attempt: a timeout, throttling, or a server error. Any other 4xx is final. */
export const isRetryableStatus = (status: number): boolean => status === 408 || status === 429 || status >= 500;

/** backoffMs × 2^(retry−1), of which the second half is random (jitter). */
export function backoffWithJitter(backoffMs: number, retry: number, random: () => number = Math.random): number {
  const full = backoffMs * 2 ** Math.max(0, retry - 1);
  return Math.round(full / 2 + (random() * full) / 2);
}

/** A Retry-After header (seconds or an HTTP date) as a wait, at most `capMs`; null when absent or unreadable. */
export function retryAfterMs(header: string | null, capMs: number, now: Date = new Date()): number | null {
  if (!header) return null;
  const text = header.trim();
  const ms = /^\d+$/.test(text) ? Number(text) * 1000 : Date.parse(text) - now.getTime();
  return Number.isNaN(ms) ? null : Math.min(Math.max(0, ms), capMs);
}
