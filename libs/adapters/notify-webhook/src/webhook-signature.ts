import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signature scheme (as Stripe's and GitHub's): each request carries
 *   x-dm-timestamp: <unix seconds when this attempt was sent>
 *   x-dm-signature: sha256=<hex HMAC-SHA256 with the shared secret over "<timestamp>.<raw body>">
 * A receiver recomputes the HMAC over the raw bytes it received (before any
 * JSON parsing), compares in constant time, and refuses a timestamp too far
 * from its clock, which bounds replays; it dedupes on x-dm-delivery and on each
 * reminderId, since a digest may arrive more than once.
 */
export const SIGNATURE_HEADER = 'x-dm-signature';
export const TIMESTAMP_HEADER = 'x-dm-timestamp';
export const DELIVERY_HEADER = 'x-dm-delivery';

const PREFIX = 'sha256=';
const HEX_DIGEST = /^[0-9a-f]{64}$/i;
const UNIX_SECONDS = /^\d{1,12}$/;

const hmac = (secret: string, timestamp: string, body: string | Buffer): Buffer =>
  createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest();

/** The x-dm-signature value for a body sent at `timestamp` (unix seconds). */
export function signWebhookBody(secret: string, timestamp: number | string, body: string | Buffer): string {
  return PREFIX + hmac(secret, String(timestamp), body).toString('hex');
}

export interface WebhookSignatureCheck {
  secret: string;
  /** The x-dm-timestamp header. */
  timestamp: string | number | undefined;
  /** The raw body as received. */
  body: string | Buffer;
  /** The x-dm-signature header. */
  signature: string | undefined;
  /** Largest allowed distance between the timestamp and `now`; default 300 s. */
  toleranceSeconds?: number;
  now?: Date;
}

/** Whether a request was signed with the secret, over this very body, recently enough. */
export function verifyWebhookSignature({
  secret,
  timestamp,
  body,
  signature,
  toleranceSeconds = 300,
  now = new Date(),
}: WebhookSignatureCheck): boolean {
  const stamp = String(timestamp ?? '');
  if (!UNIX_SECONDS.test(stamp) || !signature?.startsWith(PREFIX)) return false;
  if (Math.abs(now.getTime() / 1000 - Number(stamp)) > toleranceSeconds) return false;
  const given = signature.slice(PREFIX.length);
  if (!HEX_DIGEST.test(given)) return false;
  return timingSafeEqual(Buffer.from(given, 'hex'), hmac(secret, stamp, body));
}
