/**
 * What a write does before answering (DESIGN.md "Consistency seen by a client").
 * Embedded: waits until every in-process projector has applied the position
 * (read-your-writes). Distributed: returns at once; the token lets a later
 * read wait for it.
 */
export interface Consistency {
  afterWrite(source: string, position: number): Promise<string>;
}

export const CONSISTENCY = Symbol('Consistency');

export const consistencyToken = (source: string, position: number) => `${source}:${position}`;

export function parseConsistencyToken(token: string): { source: string; position: number } | null {
  const match = /^([a-z0-9-]+):(\d+)$/.exec(token);
  return match ? { source: match[1], position: Number(match[2]) } : null;
}
