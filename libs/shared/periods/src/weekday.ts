import { toDayNumber } from './dates';

/** Day of the week of a day number (days since 1970-01-01, a Thursday): 0 is Sunday, 6 is Saturday. */
export const weekdayOfDayNumber = (day: number): number => (((day + 4) % 7) + 7) % 7;

/** Day of the week of a date `YYYY-MM-DD`: 0 is Sunday, 6 is Saturday. */
export const weekdayOf = (date: string): number => weekdayOfDayNumber(toDayNumber(date));

export const isWeekendDayNumber = (day: number): boolean => {
  const weekday = weekdayOfDayNumber(day);
  return weekday === 0 || weekday === 6;
};
