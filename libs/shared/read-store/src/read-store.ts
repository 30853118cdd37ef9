import type { Document, FactWrite } from '@dm/eventsourcing';

export type { Document, FactWrite } from '@dm/eventsourcing';
export type Scalar = string | number | boolean | null;

/** A range: every bound given must hold (a value of another type than the bound never does). */
export interface Range {
  lt?: string | number;
  lte?: string | number;
  gt?: string | number;
  gte?: string | number;
}

export type Condition = Scalar | { in: Scalar[] } | Range;

/** The writes of one collection, in a batch. */
export interface BatchPart {
  collection: string;
  writes: FactWrite[];
}

/** A named position a batch moves (a projector's checkpoint per source). */
export interface CheckpointAt {
  name: string;
  position: number;
}

export interface Query {
  /** Dotted field path → condition; all must hold. */
  where?: Record<string, Condition>;
  orderBy?: Array<[field: string, direction: 'asc' | 'desc']>;
  limit?: number;
}

/**
 * The read-store port: documents of facts guarded by their source revision.
 * Only what FerretDB also supports sits behind it. Every adapter passes the
 * contract suite `readStoreContract` (@dm/read-store/testing).
 */
export interface ReadStore {
  /** Applies a batch of fact writes in order; idempotent. */
  applyFacts(collection: string, writes: FactWrite[]): Promise<void>;
  /**
   * Applies fact writes to several collections and moves a checkpoint, as one
   * unit where the store has transactions (each part stays idempotent where it has not).
   */
  applyBatch(parts: BatchPart[], checkpoint?: CheckpointAt): Promise<void>;
  get<T extends Document = Document>(collection: string, id: string): Promise<T | null>;
  find<T extends Document = Document>(collection: string, query?: Query): Promise<T[]>;
  /** Creates indexes on the given fields (each entry one, possibly compound, index). */
  ensureIndexes(collection: string, indexes: string[][]): Promise<void>;
  /** Stores whole documents, replacing any with the same _id (bulk loads such as a rebuild). */
  putDocuments(collection: string, docs: Document[]): Promise<void>;
  /** Removes every document of the collection. */
  truncate(collection: string): Promise<void>;
  getCheckpoint(name: string): Promise<number | null>;
  setCheckpoint(name: string, position: number): Promise<void>;
  close(): Promise<void>;
}

/** `applyBatch` of a store without transactions: each part in order, then the checkpoint; each part stays idempotent. */
export async function applyInOrder(
  store: Pick<ReadStore, 'applyFacts' | 'setCheckpoint'>,
  parts: BatchPart[],
  checkpoint?: CheckpointAt,
): Promise<void> {
  for (const part of parts) await store.applyFacts(part.collection, part.writes);
  if (checkpoint) await store.setCheckpoint(checkpoint.name, checkpoint.position);
}

/** The value at a dotted path of a document ("lastReport.on"), or undefined. */
export const valueAt = (doc: Document, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (value, key) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined),
      doc,
    );
