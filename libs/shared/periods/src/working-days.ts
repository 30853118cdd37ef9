import { addDays, daysBetween } from './dates';

/**
 * Working days: Monday to Friday. Vietnam's public holidays come with the
 * reporting issue's calendar.
 */
export function isWorkingDay(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysAfter(from: string, to: string): number {
  let count = 0;
  for (let i = 1; i <= daysBetween(from, to); i++) if (isWorkingDay(addDays(from, i))) count++;
  return count;
}
