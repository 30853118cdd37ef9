import type { RecordedEvent, StoredEventText } from '@dm/contracts';
import type { ReadAllOptions, ReadLogOptions, ReadStreamOptions } from '@dm/eventsourcing';
import { fromRow } from './event-row';
import type { Statements } from './statements';

const PAGE_SIZE = 256;
const END = Number.MAX_SAFE_INTEGER;

type Upcast = (event: RecordedEvent) => RecordedEvent;

export async function* readStreamPages(
  statements: Statements,
  streamId: string,
  options: ReadStreamOptions,
  upcast: Upcast,
): AsyncGenerator<RecordedEvent> {
  const backwards = options.direction === 'backwards';
  let from = options.fromRevision ?? (backwards ? END : 0);
  let remaining = options.maxCount ?? Infinity;
  while (remaining > 0) {
    const limit = Math.min(PAGE_SIZE, remaining);
    const rows = (backwards ? statements.streamBackwards : statements.streamForwards).all(streamId, from, limit);
    for (const row of rows) yield upcast(fromRow(row));
    if (rows.length < limit) return;
    remaining -= rows.length;
    from = rows[rows.length - 1].stream_revision + (backwards ? -1 : 1);
  }
}

export async function* readAllPages(statements: Statements, options: ReadAllOptions, upcast: Upcast): AsyncGenerator<RecordedEvent> {
  let after = options.after ?? 0;
  let remaining = options.maxCount ?? Infinity;
  while (remaining > 0) {
    const limit = Math.min(PAGE_SIZE, remaining);
    const rows = statements.readAll(after, END, limit, options.streamPrefixes);
    for (const row of rows) yield upcast(fromRow(row));
    if (rows.length < limit) return;
    remaining -= rows.length;
    after = rows[rows.length - 1].global_position;
  }
}

const LOG_PAGE_SIZE = 4096;

export async function* readLogPages(statements: Statements, options: ReadLogOptions): AsyncGenerator<StoredEventText[]> {
  let after = options.after ?? 0;
  let remaining = options.maxCount ?? Infinity;
  while (remaining > 0) {
    const limit = Math.min(LOG_PAGE_SIZE, remaining);
    const rows = statements.logPage.all(after, limit);
    yield rows.map(textOfLogRow);
    if (rows.length < limit) return;
    remaining -= rows.length;
    after = rows[rows.length - 1][0] as number;
  }
}

/** A row of `logPage`, its columns in LOG_COLUMNS order. */
function textOfLogRow(r: unknown[]): StoredEventText {
  return {
    globalPosition: r[0] as number,
    streamId: r[1] as string,
    streamRevision: r[2] as number,
    eventId: r[3] as string,
    type: r[4] as string,
    schemaVersion: r[5] as number,
    occurredAt: r[6] as string,
    recordedAt: r[7] as string,
    actor: r[8] as string,
    data: r[9] as string,
    metadata: r[10] as string,
    correlationId: r[11] as string,
    causationId: r[12] as string | null,
    prevHash: r[13] as string,
    hash: r[14] as string,
  };
}
