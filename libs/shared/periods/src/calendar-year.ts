import { formatDate, toDayNumber } from './dates';
import { CalendarAdjustment } from './calendar-adjustment';
import { DayKind, WEEKDAY, WEEKEND } from './day-kind';
import { isSupportedHolidayYear, vietnamHolidays } from './vietnam-holidays';
import { isWeekendDayNumber } from './weekday';

/**
 * One calendar year of a working calendar: the days that are not a plain weekday
 * or weekend, and, for counting, the days whose working status differs from
 * Monday to Friday (+1 for a weekend day worked, −1 for a weekday off) with
 * their running sums.
 */
export class CalendarYear {
  readonly firstDay: number;
  readonly lastDay: number;
  /** Day number → kind, for the days that are not a plain weekday or weekend. */
  readonly specialDays: ReadonlyMap<number, DayKind>;
  private readonly changedDays: number[];
  /** changeSums[i]: sum of the changes of changedDays[0..i-1]. */
  private readonly changeSums: number[];

  constructor(
    readonly year: number,
    adjustments: ReadonlyMap<string, CalendarAdjustment>,
  ) {
    this.firstDay = toDayNumber(formatDate(year, 1, 1));
    this.lastDay = toDayNumber(formatDate(year, 12, 31));
    const specialDays = officialDays(year);
    for (const [date, adjustment] of adjustments) {
      if (Number(date.slice(0, 4)) !== year) continue;
      const day = toDayNumber(date);
      specialDays.set(day, adjusted(specialDays.get(day) ?? plainDay(day), adjustment));
    }
    this.specialDays = specialDays;
    this.changedDays = [...specialDays]
      .filter(([day, kind]) => kind.working !== plainDay(day).working)
      .map(([day]) => day)
      .sort((a, b) => a - b);
    this.changeSums = [0];
    for (const day of this.changedDays)
      this.changeSums.push(this.changeSums[this.changeSums.length - 1] + (isWeekendDayNumber(day) ? 1 : -1));
  }

  kindOf(day: number): DayKind {
    return this.specialDays.get(day) ?? plainDay(day);
  }

  /** Working days gained (+) or lost (−) against Monday to Friday over the days `from`..`to` of this year, both included. */
  changeBetween(from: number, to: number): number {
    return this.changeSums[firstIndexAfter(this.changedDays, to)] - this.changeSums[firstIndexAfter(this.changedDays, from - 1)];
  }
}

const plainDay = (day: number): DayKind => (isWeekendDayNumber(day) ? WEEKEND : WEEKDAY);

/** The official days off and make-up days dated in `year`, including those announced with the next or previous year. */
function officialDays(year: number): Map<number, DayKind> {
  const days = new Map<number, DayKind>();
  const inYear = (date: string) => Number(date.slice(0, 4)) === year;
  for (const announcedYear of [year - 1, year, year + 1].filter(isSupportedHolidayYear)) {
    const holidays = vietnamHolidays(announcedYear);
    for (const { date, reason, name } of holidays.daysOff.filter((d) => inYear(d.date)))
      days.set(toDayNumber(date), { working: false, reason, name });
    for (const { date, name } of holidays.makeUpDays.filter((d) => inYear(d.date)))
      days.set(toDayNumber(date), { working: true, reason: 'makeUpDay', name });
  }
  return days;
}

/** A `workingDay` adjustment only changes a day off, a `dayOff` one only a working day. */
function adjusted(kind: DayKind, adjustment: CalendarAdjustment): DayKind {
  if (adjustment.kind === 'workingDay' && !kind.working) return { working: true, reason: 'makeUpDay', name: adjustment.name };
  if (adjustment.kind === 'dayOff' && kind.working) return { working: false, reason: 'extraDayOff', name: adjustment.name };
  return kind;
}

/** The index of the first element of a sorted array greater than `value`. */
function firstIndexAfter(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle] <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}
