import { addDays, daysBetween } from './dates';

/**
 * Working days: Monday to Friday. Vietnam's public holidays come with the
 * reporting issue's calendar.
 */
export function isWorkingDay(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The working days after `from` up to and including `to` (0 when `to` is not after `from`); constant time. */
export function workingDaysAfter(from: string, to: string): number {
  const days = daysBetween(from, to);
  if (days <= 0) return 0;
  const weeks = Math.floor(days / 7);
  let count = weeks * 5;
  for (let i = weeks * 7 + 1; i <= days; i++) if (isWorkingDay(addDays(from, i))) count++;
  return count;
}
