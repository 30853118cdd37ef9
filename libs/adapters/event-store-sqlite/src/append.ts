import { canonicalJson, eventHashOfText, GENESIS_HASH, type NewEvent, type RecordedEvent } from '@dm/contracts';
import {
  assertDistinctIds,
  assertExpected,
  isRetryOfStoredBatch,
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

/**
 * Writes appends inside the caller's write transaction, each in a savepoint
 * of its own. One query reads the heads of every stream of the batch and the
 * event ids it already holds; each append then inserts first, and a duplicate
 * id (a retry, or the same id twice in one batch) is caught by the unique
 * index, which rolls back that append's savepoint alone.
 */
export class Appender {
  private readonly inSavepoint: Database.Transaction<(append: StreamAppend, heads: Map<string, Head>, recordedAt: string) => AppendResult>;

  constructor(
    private readonly statements: Statements,
    db: Database.Database,
  ) {
    this.inSavepoint = db.transaction((append, heads, recordedAt) => this.write(append, heads, recordedAt));
  }

  /** Every append's own outcome: a failed append leaves the others written. */
  appendEach(appends: StreamAppend[], recordedAt: string): Outcome[] {
    const { heads, known } = this.statements.headsAndKnownIds(appends);
    return appends.map((append): Outcome => {
      try {
        return { ok: true, result: this.appendOne(append, heads, known, recordedAt) };
      } catch (error) {
        return { ok: false, error };
      }
    });
  }

  /** Every append's result; the first failure is thrown (and the caller's transaction rolls back). */
  appendAll(appends: StreamAppend[], recordedAt: string): AppendResult[] {
    const { heads, known } = this.statements.headsAndKnownIds(appends);
    return appends.map((append) => this.appendOne(append, heads, known, recordedAt));
  }

  private appendOne(append: StreamAppend, heads: Map<string, Head>, known: Set<string>, recordedAt: string): AppendResult {
    assertDistinctIds(append.streamId, append.events);
    if (append.events.some((e) => known.has(e.eventId))) return this.retried(append, heads);
    try {
      return this.inSavepoint(append, heads, recordedAt);
    } catch (error) {
      // A retry whose first attempt was written in this batch: caught by the unique index, or by the revision it moved.
      if (isDuplicateEventId(error)) return this.retried(append, heads);
      if (error instanceof WrongExpectedRevisionError && this.anyStored(append)) return this.retried(append, heads);
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
    this.statements.upsertStream.run(streamId, revision, prevHash);
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
