import type { RecordedEvent } from '@dm/contracts';
import type { Checkpoint } from './checkpoint';
import type { IssuedFigures } from './figures';

/** The lines of an audit export, one JSON object each (docs/audit.md, "Exports"). */
export const EXPORT_FORMAT = 'dm-audit-export/1';

export interface ExportHeader {
  kind: 'header';
  format: typeof EXPORT_FORMAT;
  encoding: 1;
  leafVersion: 1;
  exportedAt: string;
  /** Every event of every store (`all`), or the streams of one directive, or of the directives issued in a year, with inclusion proofs. */
  scope: { all: true } | { directiveId: string } | { year: number };
  stores: Array<{ store: string; contiguous: boolean }>;
  publicKey: { keyId: string; pem: string };
}

export interface ExportCheckpoint {
  kind: 'checkpoint';
  checkpoint: Checkpoint;
  /** Set on each store's checkpoint taken for this export: the events' proofs lead to it. */
  anchor?: boolean;
}

export interface ExportConsistency {
  kind: 'consistency';
  store: string;
  from: number;
  to: number;
  proof: string[];
}

export interface ExportEvent {
  kind: 'event';
  store: string;
  leafIndex: number;
  event: RecordedEvent;
  /** The audit path to the anchor checkpoint (partial exports). */
  proof?: string[];
}

export interface ExportEnd {
  kind: 'end';
  events: number;
}

export type ExportLine = ExportHeader | ExportCheckpoint | ExportConsistency | IssuedFigures | ExportEvent | ExportEnd;
