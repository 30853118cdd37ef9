import type { DeliveryOutcome, Notifier, ReminderNotice } from '@dm/notification';
import { deliveryIdOf, webhookPayload } from './webhook-payload';
import { backoffWithJitter, isRetryableStatus, retryAfterMs } from './retry-policy';
import { DELIVERY_HEADER, SIGNATURE_HEADER, signWebhookBody, TIMESTAMP_HEADER } from './webhook-signature';

export interface WebhookNotifierOptions {
  url: string;
  /** The HMAC secret shared with the receiver (see webhook-signature.ts). */
  secret: string;
  /** Per attempt; default 5000. */
  timeoutMs?: number;
  /** Attempts after the first, within one delivery; default 3. */
  retries?: number;
  /** First wait between attempts, doubled each time, with jitter; default 200. */
  backoffMs?: number;
  /** Longest wait a Retry-After header may ask for; default 30 000. */
  maxRetryAfterMs?: number;
  fetch?: typeof globalThis.fetch;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** What one attempt gave: done (sent or refused for good), or worth another try after `waitMs`. */
type Attempt = { done: true; error?: string } | { done: false; error: string; waitMs: number | null };

const ERROR_BODY_CHARS = 200;

/** Posts each digest as signed JSON to one URL, retrying network errors, timeouts, 408, 429 and 5xx. */
export class WebhookNotifier implements Notifier {
  readonly channel = 'webhook';
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly backoffMs: number;
  private readonly maxRetryAfterMs: number;
  private readonly fetch: typeof globalThis.fetch;
  private readonly now: () => Date;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;

  constructor(private readonly options: WebhookNotifierOptions) {
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.retries = options.retries ?? 3;
    this.backoffMs = options.backoffMs ?? 200;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 30_000;
    this.fetch = options.fetch ?? globalThis.fetch;
    this.now = options.now ?? (() => new Date());
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
  }

  async deliver(agencyId: string, notices: ReminderNotice[]): Promise<DeliveryOutcome> {
    const reminderIds = notices.map((n) => n.reminderId);
    const body = JSON.stringify(webhookPayload(agencyId, notices, this.now()));
    const deliveryId = deliveryIdOf(reminderIds);
    for (let attempts = 1; ; attempts++) {
      const attempt = await this.attempt(body, deliveryId);
      if (attempt.done || attempts > this.retries) {
        const failure = attempt.error === undefined ? {} : { error: attempt.error };
        return { reminderIds, ok: attempt.error === undefined, attempts, ...failure, at: this.now().toISOString() };
      }
      await this.sleep(attempt.waitMs ?? backoffWithJitter(this.backoffMs, attempts, this.random));
    }
  }

  private async attempt(body: string, deliveryId: string): Promise<Attempt> {
    const timestamp = Math.floor(this.now().getTime() / 1000);
    let response: Response;
    try {
      response = await this.fetch(this.options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          [DELIVERY_HEADER]: deliveryId,
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: signWebhookBody(this.options.secret, timestamp, body),
        },
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      return { done: false, error: this.describe(error), waitMs: null };
    }
    if (response.ok) {
      await response.body?.cancel().catch(() => undefined);
      return { done: true };
    }
    const error = await statusError(response);
    if (!isRetryableStatus(response.status)) return { done: true, error };
    return { done: false, error, waitMs: retryAfterMs(response.headers.get('retry-after'), this.maxRetryAfterMs, this.now()) };
  }

  /** A network error or a timeout, in words an operator can act on. */
  private describe(error: unknown): string {
    // Duck-typed: fetch's errors may come from another realm (instanceof Error fails under jest).
    const { name, message, cause } = (error ?? {}) as ErrorLike;
    if (name === 'TimeoutError' || name === 'AbortError') return `timed out after ${this.timeoutMs} ms`;
    if (typeof message !== 'string') return String(error);
    const detail = cause?.message || cause?.code;
    return detail ? `${message}: ${detail}` : message;
  }
}

interface ErrorLike {
  name?: string;
  message?: string;
  cause?: { message?: string; code?: string };
}

/** `HTTP 503 Service Unavailable: <start of the body>`. */
async function statusError(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  const head = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  const detail = text.trim().slice(0, ERROR_BODY_CHARS);
  return detail ? `${head}: ${detail}` : head;
}
