import type { Actor, RecordedEvent } from '@dm/contracts';
import { jsonEvent, type EventData, type JSONType, type RecordedEvent as KurrentRecordedEvent } from '@kurrent/kurrentdb-client';
import type { UnpositionedEvent } from '@dm/eventsourcing';
import { globalPositionOf, type StoreStreams } from './store-streams';

/**
 * The envelope fields KurrentDB has no place for, kept in the event's JSON
 * metadata (data goes in the data). `$correlationId`/`$causationId` are
 * KurrentDB's own names, so its tooling and projections see them too.
 */
export type StoredEnvelope = {
  schemaVersion: number;
  occurredAt: string;
  recordedAt: string;
  actor: Actor;
  correlationId: string;
  causationId: string | null;
  metadata: Record<string, unknown>;
  prevHash: string;
  hash: string;
  $correlationId: string;
  $causationId?: string;
};

/** A read event: the event and, for some reads, the commit position beside it. */
export interface KurrentResolved {
  event?: KurrentRecordedEvent;
  commitPosition?: bigint;
}

export function toEnvelope(event: UnpositionedEvent): StoredEnvelope {
  return {
    schemaVersion: event.schemaVersion,
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
    actor: event.actor,
    correlationId: event.correlationId,
    causationId: event.causationId,
    metadata: event.metadata,
    prevHash: event.prevHash,
    hash: event.hash,
    $correlationId: event.correlationId,
    ...(event.causationId === null ? {} : { $causationId: event.causationId }),
  };
}

/** The KurrentDB event of a store event: same id, type and data; the rest of the envelope in the metadata. */
export function toEventData(event: UnpositionedEvent): EventData {
  return jsonEvent({
    id: event.eventId,
    type: event.type,
    // Any JSON value is stored (the client stringifies it); its type only names objects, arrays and strings.
    data: (event.data ?? null) as JSONType,
    metadata: toEnvelope(event),
  });
}

/** The store event of a KurrentDB event of one of this store's streams; null for a link whose event is gone. */
export function fromResolved(resolved: KurrentResolved, streams: StoreStreams): RecordedEvent | null {
  const event = resolved.event;
  if (!event) return null;
  const where = `event ${event.id} of ${event.streamId}`;
  const commit = event.position?.commit ?? resolved.commitPosition;
  if (commit === undefined) throw new Error(`${where}: KurrentDB gave no position (stream reads carry one from server 22.6 on)`);
  if (!event.isJson) throw new Error(`${where} is not JSON: not written by this event store`);
  const envelope = parseEnvelope(event.metadata, where);
  return {
    eventId: event.id,
    type: event.type,
    schemaVersion: envelope.schemaVersion,
    streamId: streams.streamId(event.streamId),
    streamRevision: Number(event.revision),
    globalPosition: globalPositionOf(commit, where),
    occurredAt: envelope.occurredAt,
    recordedAt: envelope.recordedAt,
    actor: envelope.actor,
    correlationId: envelope.correlationId,
    causationId: envelope.causationId,
    data: event.data,
    metadata: envelope.metadata,
    prevHash: envelope.prevHash,
    hash: envelope.hash,
  };
}

function parseEnvelope(metadata: unknown, where: string): StoredEnvelope {
  const m = metadata as Partial<StoredEnvelope> | undefined;
  const valid =
    !!m &&
    typeof m === 'object' &&
    !Array.isArray(m) &&
    !(m instanceof Uint8Array) &&
    typeof m.schemaVersion === 'number' &&
    typeof m.occurredAt === 'string' &&
    typeof m.recordedAt === 'string' &&
    typeof m.actor === 'object' &&
    m.actor !== null &&
    typeof m.correlationId === 'string' &&
    (m.causationId === null || typeof m.causationId === 'string') &&
    typeof m.metadata === 'object' &&
    m.metadata !== null &&
    typeof m.prevHash === 'string' &&
    typeof m.hash === 'string';
  if (!valid) throw new Error(`${where} has no event-store envelope in its metadata: not written by this event store`);
  return m as StoredEnvelope;
}
