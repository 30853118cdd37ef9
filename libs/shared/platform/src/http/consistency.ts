/** What a write stored: its source store, global position, and the stream revision it reached. */
export interface WrittenAt {
  source: string;
  position: number;
  streamId: string;
  revision: number;
}

/**
 * What a write does before answering (docs/architecture.md, "Consistency").
 * Embedded: waits until every in-process projector has applied the position
 * (read-your-writes). Distributed: returns at once; the token lets a later
 * read wait for it.
 */
export interface Consistency {
  afterWrite(written: WrittenAt): Promise<string>;
}

export const CONSISTENCY = Symbol('Consistency');

/**
 * `<source>:<position>:<streamId>:<revision>`. The stream revision is what a
 * distributed reader waits for: Kafka orders a stream's events (one key, one
 * partition) but not a store's, so a source position alone is no watermark there.
 */
export const consistencyToken = (w: WrittenAt) => `${w.source}:${w.position}:${w.streamId}:${w.revision}`;

export function parseConsistencyToken(token: string): WrittenAt | null {
  const match = /^([a-z0-9-]+):(\d+):([a-z]+-[A-Za-z0-9~-]+):(\d+)$/.exec(token);
  return match ? { source: match[1], position: Number(match[2]), streamId: match[3], revision: Number(match[4]) } : null;
}
