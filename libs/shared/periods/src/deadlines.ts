/**
 * Deadlines in force (docs/domain.md, "Deadlines in force"). A deadline
 * takes effect on a business date; the one in force on date X is the last
 * effective on or before X, and before the first, the first.
 */

export interface DeadlineEntry {
  /** The business date it takes effect on (the assignment's start, or a change's `changedOn`). */
  effectiveOn: string;
  deadline: string | null;
}

/** The deadline in force on `date`; `entries` are in the order they were recorded, effective dates never decreasing. */
export function deadlineInForce(entries: readonly DeadlineEntry[], date: string): string | null {
  let inForce: DeadlineEntry | undefined = entries[0];
  for (const entry of entries) {
    if (entry.effectiveOn > date) break;
    inForce = entry;
  }
  return inForce?.deadline ?? null;
}

/** A change made on `changedOn` after the deadline it replaces had passed. */
export const isExtendedAfterDue = (previous: string | null, changedOn: string): boolean => previous !== null && changedOn > previous;
