import type { Recurrence } from '@dm/contracts';

/** A deadline phrase found in a task's text. */
export interface DeadlinePhrase {
  /** Offsets in the text given, end exclusive. */
  start: number;
  end: number;
  /** The phrase as written. */
  text: string;
  /** The ISO date it sets (the last day of a month, quarter or year it names), or null for a recurring or open one. */
  date: string | null;
  recurring: Recurrence | null;
  /** Whether the phrase sits in a report duty (báo cáo … trước ngày …) rather than setting the task's own deadline. */
  report: boolean;
  confidence: number;
}

/** Every deadline phrase in a task's text, in order. `issuedOn` dates phrases that leave out the year. */
export function deadlinePhrases(_text: string, _issuedOn: string | null): DeadlinePhrase[] {
  throw new Error('not built yet');
}
