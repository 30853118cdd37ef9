import { createHash, hash as oneShotHash } from 'node:crypto';
import type { RecordedEvent } from './envelope';

/** The canonical encoding of events, written down in docs/audit.md ("The event hash"). */

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

/** An event as a store keeps it: its object members (actor, data, metadata) as the JSON text stored. */
export type StoredEventText = Omit<Hashed, 'actor' | 'data' | 'metadata'> & {
  actor: string;
  data: string;
  metadata: string;
  globalPosition: number;
  prevHash: string;
  hash: string;
};

const sha256Hex = (text: string): string =>
  typeof oneShotHash === 'function' ? oneShotHash('sha256', text, 'hex') : createHash('sha256').update(text).digest('hex');

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
  return sha256Hex(prevHash + canonicalJson(body));
}

const q = JSON.stringify;

/**
 * The same hash from an event's stored text, without parsing it, when its
 * JSON members are stored canonical (as every store writes them since 0.4).
 * Equal to eventHash only then: a caller that finds another hash falls back
 * to eventHash over the parsed event.
 */
export function eventHashOfText(prevHash: string, e: Omit<StoredEventText, 'globalPosition' | 'prevHash' | 'hash'>): string {
  return sha256Hex(
    `${prevHash}{"actor":${e.actor},"causationId":${q(e.causationId)},"correlationId":${q(e.correlationId)},"data":${e.data},` +
      `"eventId":${q(e.eventId)},"metadata":${e.metadata},"occurredAt":${q(e.occurredAt)},"recordedAt":${q(e.recordedAt)},` +
      `"schemaVersion":${q(e.schemaVersion)},"streamId":${q(e.streamId)},"streamRevision":${q(e.streamRevision)},"type":${q(e.type)}}`,
  );
}

/** The event a stored text stands for (JSON members parsed). */
export function parseStoredEvent(e: StoredEventText): RecordedEvent {
  return { ...e, actor: JSON.parse(e.actor), data: JSON.parse(e.data), metadata: JSON.parse(e.metadata) };
}
