import { createHash } from 'node:crypto';
import { v5 as uuidv5, v7 as uuidv7 } from 'uuid';
import { canonicalJson } from '@dm/contracts';
import { problems } from './problem';

const IDEMPOTENCY_NAMESPACE = '5b0b3a52-8c55-4f43-9d0f-3f4f1c3a7e10';

/** What a command needs to be idempotent: the event id it will write and the body's hash. */
export interface CommandIdentity {
  eventId: string;
  bodyHash: string;
  /** True when the client sent an Idempotency-Key. */
  keyed: boolean;
}

export const bodyHash = (body: unknown) => createHash('sha256').update(canonicalJson(body)).digest('hex');

/**
 * DESIGN.md "Idempotency": the event id is a UUIDv5 of (user, route, key),
 * so a retry finds its own event in the stream the handler already reads.
 */
export function commandIdentity(userId: string, route: string, key: string | undefined, body: unknown): CommandIdentity {
  const hash = bodyHash(body);
  if (key === undefined) return { eventId: uuidv7(), bodyHash: hash, keyed: false };
  if (!key.trim() || key.length > 200) {
    throw problems.invalid([{ field: 'Idempotency-Key', message: 'must be 1 to 200 characters' }]);
  }
  return { eventId: uuidv5(`${userId}\n${route}\n${key}`, IDEMPOTENCY_NAMESPACE), bodyHash: hash, keyed: true };
}

/** A retry must carry the same body as the first request. */
export function assertSameBody(identity: CommandIdentity, storedHash: unknown): void {
  if (storedHash !== identity.bodyHash) {
    throw problems.unprocessable('This Idempotency-Key was already used with a different body', [
      { field: 'Idempotency-Key', message: 'reused with a different body' },
    ]);
  }
}
