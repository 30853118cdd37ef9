import { createHash } from 'node:crypto';
import { v5 as uuidv5, v7 as uuidv7 } from 'uuid';
import { canonicalJson } from '@dm/contracts';
import { problems } from './problem';

const IDEMPOTENCY_NAMESPACE = '5b0b3a52-8c55-4f43-9d0f-3f4f1c3a7e10';

/** What makes a command idempotent: the id of its first event and its body's hash. */
export interface CommandIdentity {
  commandId: string;
  bodyHash: string;
  /** True when the client sent an Idempotency-Key. */
  keyed: boolean;
}

export const bodyHash = (body: unknown) => createHash('sha256').update(canonicalJson(body)).digest('hex');

/**
 * The command id is a UUIDv5 of (user, route, key): the same key from
 * another user, or on another route, is another command; a retry finds its
 * own event in the stream the handler already reads (docs/architecture.md,
 * "Idempotency"). Without a key every request is a new command.
 */
export function commandIdentity(userId: string, route: string, key: string | undefined, body: unknown): CommandIdentity {
  const hash = bodyHash(body);
  if (key === undefined) return { commandId: uuidv7(), bodyHash: hash, keyed: false };
  if (!key.trim() || key.length > 200) {
    throw problems.invalid([{ field: 'Idempotency-Key', message: 'must be 1 to 200 characters' }]);
  }
  return { commandId: uuidv5(`${userId}\n${route}\n${key}`, IDEMPOTENCY_NAMESPACE), bodyHash: hash, keyed: true };
}
