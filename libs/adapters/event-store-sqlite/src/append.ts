import { canonicalJson, eventHashOfText, GENESIS_HASH, type NewEvent, type RecordedEvent } from '@dm/contracts';
import {
  assertDistinctIds,
  assertExpected,
  isRetryOfStoredBatch,
  EventIdConflictError,
  WrongExpectedRevisionError,
  type AppendResult,
  type ExpectedRevision,
} from '@dm/eventsourcing';
import type Database from 'better-sqlite3';
import { fromRow } from './event-row';
import type { Statements, StreamRow } from './statements';

export interface StreamAppend {
  streamId: string;
  events: NewEvent[];
  expectedRevision?: ExpectedRevision;
}

export type Outcome = { ok: true; result: AppendResult } | { ok: false; error: unknown };

type Head = Pick<StreamRow, 'revision' | 'last_hash'>;

/** What an append needs to know of the batch it is part of. */
interface Batch {
  heads: Map<string, Head>;
  /** Ids stored before the batch. */
  known: Set<string>;
  /** Ids of the appends before this one in the batch. */
  seen: Set<string>;
}

/**
 * Writes appends inside the caller's write transaction. One query reads the
 * heads of every stream of the batch (its last events) and which of the
 * batch's event ids are stored; each append then inserts first. An append
 * that repeats an id of an earlier append of the batch (a retry sent twice
 * at once) runs in a savepoint, where the unique index catches the repeat
 * and rolls back that append alone, answered with the stored events.
 */
export class Appender {
  private readonly inSavepoint: Database.Transaction<(append: StreamAppend, heads: Map<string, Head>, recordedAt: string) => AppendResult>;

  constructor(
    private readonly statements: Statements,
    db: Database.Database,
  ) {
    this.inSavepoint = db.transaction((append, heads, recordedAt) => this.write(append, heads, recordedAt));
  }

  /**
   * Every append's own outcome: an append refused (a wrong expected revision,
   * an event id stored elsewhere) leaves the others written; any other error
   * is thrown, and the caller's transaction rolls back.
   */
  appendEach(appends: StreamAppend[], recordedAt: string): Outcome[] {
    const batch = this.batchOf(appends);
    return appends.map((append): Outcome => {
      try {
        return { ok: true, result: this.appendOne(append, batch, recordedAt) };
      } catch (error) {
        if (error instanceof WrongExpectedRevisionError || error instanceof EventIdConflictError) return { ok: false, error };
        throw error;
      }
    });
  }

  /** Every append's result; the first failure is thrown (and the caller's transaction rolls back). */
  appendAll(appends: StreamAppend[], recordedAt: string): AppendResult[] {
    const batch = this.batchOf(appends);
    return appends.map((append) => this.appendOne(append, batch, recordedAt));
  }

  private batchOf(appends: StreamAppend[]): Batch {
    return { ...this.statements.headsAndKnownIds(appends), seen: new Set() };
  }

  private appendOne(append: StreamAppend, batch: Batch, recordedAt: string): AppendResult {
    assertDistinctIds(append.streamId, append.events);
    if (append.events.some((e) => batch.known.has(e.eventId))) return this.retried(append, batch.heads);
    // Refusals are decided before the first insert, so only an id repeated from an earlier append of the batch needs a savepoint.
    const repeats = append.events.some((e) => batch.seen.has(e.eventId));
    for (const e of append.events) batch.seen.add(e.eventId);
    try {
      return repeats ? this.inSavepoint(append, batch.heads, recordedAt) : this.write(append, batch.heads, recordedAt);
    } catch (error) {
      // A retry whose first attempt was written in this batch: caught by the unique index, or by the revision it moved.
      if (isDuplicateEventId(error)) return this.retried(append, batch.heads);
      if (error instanceof WrongExpectedRevisionError && this.anyStored(append)) return this.retried(append, batch.heads);
      throw error;
    }
  }

  private write(append: StreamAppend, heads: Map<string, Head>, recordedAt: string): AppendResult {
    const { streamId, events } = append;
    const head = heads.get(streamId) ?? null;
    assertExpected(streamId, append.expectedRevision ?? 'any', head?.revision ?? null);
    if (!events.length) {
      const position = head ? this.statements.positionAt.get(streamId, head.revision)!.global_position : 0;
      return { nextExpectedRevision: head?.revision ?? -1, position, events: [], idempotent: false };
    }
    let revision = head?.revision ?? -1;
    let prevHash = head?.last_hash ?? GENESIS_HASH;
    const recorded = events.map((event): RecordedEvent => {
      revision += 1;
      const metadata = event.metadata ?? {};
      const text = {
        eventId: event.eventId,
        type: event.type,
        schemaVersion: event.schemaVersion,
        streamId,
        streamRevision: revision,
        occurredAt: event.occurredAt,
        recordedAt,
        actor: canonicalJson(event.actor),
        correlationId: event.correlationId,
        causationId: event.causationId,
        data: canonicalJson(event.data ?? null),
        metadata: canonicalJson(metadata),
      };
      const hash = eventHashOfText(prevHash, text);
      const { lastInsertRowid } = this.statements.insertEvent.run(
        streamId,
        revision,
        event.eventId,
        event.type,
        event.schemaVersion,
        event.occurredAt,
        recordedAt,
        text.actor,
        text.data,
        text.metadata,
        event.correlationId,
        event.causationId,
        prevHash,
        hash,
      );
      const recordedEvent: RecordedEvent = {
        eventId: event.eventId,
        type: event.type,
        schemaVersion: event.schemaVersion,
        streamId,
        streamRevision: revision,
        globalPosition: Number(lastInsertRowid),
        occurredAt: event.occurredAt,
        recordedAt,
        actor: event.actor,
        correlationId: event.correlationId,
        causationId: event.causationId,
        data: event.data ?? null,
        metadata,
        prevHash,
        hash,
      };
      prevHash = hash;
      return recordedEvent;
    });
    heads.set(streamId, { revision, last_hash: prevHash });
    const last = recorded[recorded.length - 1];
    return { nextExpectedRevision: revision, position: last.globalPosition, events: recorded, idempotent: false };
  }

  private anyStored(append: StreamAppend): boolean {
    return append.events.length > 0 && this.statements.eventsById.all(JSON.stringify(append.events.map((e) => e.eventId))).length > 0;
  }

  /** An append some of whose ids are stored: the stored events when it repeats a whole stored batch of this stream, else a conflict. */
  private retried(append: StreamAppend, heads: Map<string, Head>): AppendResult {
    const stored = this.statements.eventsById.all(JSON.stringify(append.events.map((e) => e.eventId)));
    const storedIds = stored.map((row) => ({ eventId: row.event_id, streamId: row.stream_id }));
    if (!isRetryOfStoredBatch(append.streamId, append.events.length, storedIds))
      throw new Error(`the stored ids of ${append.streamId} vanished`);
    return {
      nextExpectedRevision: heads.get(append.streamId)!.revision,
      position: stored[stored.length - 1].global_position,
      events: stored.map(fromRow),
      idempotent: true,
    };
  }
}

const isDuplicateEventId = (error: unknown): boolean =>
  (error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' && String((error as Error).message).includes('events.event_id');
