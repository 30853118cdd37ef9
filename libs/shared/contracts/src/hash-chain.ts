import { createHash } from 'node:crypto';
import type { RecordedEvent } from './envelope';

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level: one text for one value. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + canonicalJson(value[i]);
    return out + ']';
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  for (const key of keys) {
    const item = record[key];
    if (item === undefined) continue;
    out += (out.length > 1 ? ',' : '') + JSON.stringify(key) + ':' + canonicalJson(item);
  }
  return out + '}';
}

type Hashed = Omit<RecordedEvent, 'globalPosition' | 'prevHash' | 'hash'>;

/** hash = SHA-256(prevHash ‖ canonical event); the global position is left out (it is the store's, not the event's). */
export function eventHash(prevHash: string, event: Hashed): string {
  const body: Hashed = {
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    streamId: event.streamId,
    streamRevision: event.streamRevision,
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
    actor: event.actor,
    correlationId: event.correlationId,
    causationId: event.causationId,
    data: event.data,
    metadata: event.metadata,
  };
  return createHash('sha256').update(prevHash).update(canonicalJson(body)).digest('hex');
}
