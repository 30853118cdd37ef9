import type { PeriodCalendar } from '@dm/periods';

/**
 * What the report routes and the inspection routes give each other, in one
 * process or none: the signed checkpoints a report was computed at, and the
 * figures an export carries (docs/audit.md, "Checkpoints").
 */
export interface CheckpointRef {
  store: string;
  treeSize: number;
  rootHash: string;
  time: string;
  keyId: string;
}

export interface CheckpointDirectory {
  /** The latest checkpoint of each store signed at or before `time` (the latest of all when absent). */
  at(time?: string): Promise<CheckpointRef[]>;
  /** Signs a checkpoint of every store now (an issued report is frozen at one). */
  take(reason: string): Promise<CheckpointRef[]>;
}
export const CHECKPOINTS = Symbol('CheckpointDirectory');

export interface PeriodFigures {
  rules: { recordedLateAfterWorkingDays: number };
  summary: unknown;
  statuses: Array<{ assignmentId: string; status: string | null; lifecycle: string }>;
}

export interface ReportFigures {
  /** A directive's summary of a period and its assignments' statuses at the period's end, as known at `knownAt`. */
  figures(directiveId: string, period: string, calendar: PeriodCalendar, knownAt: string): Promise<PeriodFigures>;
}
export const REPORT_FIGURES = Symbol('ReportFigures');
