import { actorOf, type RecordedEvent, type UserRole } from '@dm/contracts';
import type { EventStore } from '@dm/eventsourcing';
import { vietnamDate } from '@dm/periods';
import type { AccessEntry, AccessLogSink } from '@dm/platform';
import { v7 as uuidv7 } from 'uuid';

export const ACCESS_READ = 'access.read';
export const ACCESS_STREAM_PREFIX = 'access-log-';

export interface AccessRecord {
  position: number;
  at: string;
  userId: string;
  agencyId: string | null;
  role: string;
  route: string;
  params: Record<string, string>;
  query: Record<string, unknown>;
  status: number;
  correlationId: string;
  hash: string;
}

export interface AccessFilter {
  after?: number;
  limit?: number;
  userId?: string;
  route?: string;
  from?: string;
  to?: string;
}

const ROLE_ORDER: UserRole[] = ['admin', 'inspector', 'monitoring_officer', 'agency_officer'];

/**
 * The access log (docs/audit.md, "The access log"): each read an event
 * `access.read` in a stream per month (`access-log-2026-11`) of the audit
 * store, so it is hash-chained, in the store's Merkle log and under its
 * checkpoints like every other event.
 */
export class AccessLog implements AccessLogSink {
  constructor(readonly store: EventStore) {}

  async record(entry: AccessEntry): Promise<void> {
    const role = ROLE_ORDER.find((r) => entry.principal.roles.includes(r)) ?? entry.principal.roles[0];
    await this.store.appendToStream(`${ACCESS_STREAM_PREFIX}${vietnamDate(new Date(entry.at)).slice(0, 7)}`, [
      {
        eventId: uuidv7(),
        type: ACCESS_READ,
        schemaVersion: 1,
        occurredAt: entry.at,
        actor: actorOf(entry.principal, role),
        correlationId: entry.correlationId,
        causationId: null,
        data: { method: entry.method, route: entry.route, params: entry.params, query: entry.query, status: entry.status },
      },
    ]);
  }

  /** Entries after a position, oldest first, filtered by caller, route and record time. */
  async read(filter: AccessFilter): Promise<{ entries: AccessRecord[]; next: number | null }> {
    const limit = filter.limit ?? 100;
    const entries: AccessRecord[] = [];
    let last = filter.after ?? 0;
    for await (const event of this.store.readAll({ after: filter.after ?? 0, streamPrefixes: [ACCESS_STREAM_PREFIX] })) {
      last = event.globalPosition;
      if (filter.to && event.recordedAt > filter.to) break;
      if (!matches(event, filter)) continue;
      entries.push(toRecord(event));
      if (entries.length === limit) return { entries, next: last };
    }
    return { entries, next: null };
  }
}

function matches(event: RecordedEvent, filter: AccessFilter): boolean {
  const data = event.data as { route: string };
  if (filter.userId && event.actor.userId !== filter.userId) return false;
  if (filter.route && !data.route.startsWith(filter.route)) return false;
  if (filter.from && event.recordedAt < filter.from) return false;
  return true;
}

function toRecord(event: RecordedEvent): AccessRecord {
  const data = event.data as Pick<AccessRecord, 'route' | 'params' | 'query' | 'status'>;
  return {
    position: event.globalPosition,
    at: event.recordedAt,
    userId: event.actor.userId,
    agencyId: event.actor.agencyId,
    role: event.actor.role,
    route: data.route,
    params: data.params,
    query: data.query,
    status: data.status,
    correlationId: event.correlationId,
    hash: event.hash,
  };
}
