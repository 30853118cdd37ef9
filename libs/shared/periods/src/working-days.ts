import { toDayNumber } from './dates';

/**
 * Working days: Monday to Friday. Vietnam's public holidays come with the
 * reporting issue's calendar.
 */
export function isWorkingDay(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** Monday to Friday, for a day number (days since 1970-01-01, a Thursday). */
const isWorkingDayNumber = (day: number) => {
  const weekday = (((day + 4) % 7) + 7) % 7;
  return weekday !== 0 && weekday !== 6;
};

/** The working days after `from` up to and including `to` (0 when `to` is not after `from`); constant time. */
export function workingDaysAfter(from: string, to: string): number {
  const start = toDayNumber(from);
  const days = toDayNumber(to) - start;
  if (days <= 0) return 0;
  const weeks = Math.floor(days / 7);
  let count = weeks * 5;
  for (let day = start + weeks * 7 + 1; day <= start + days; day++) if (isWorkingDayNumber(day)) count++;
  return count;
}
