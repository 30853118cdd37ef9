import { createHash } from 'node:crypto';
import type { RecordedEvent } from './envelope';

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level: one text for one value. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
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
