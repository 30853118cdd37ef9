import { addDays, formatDate, isIsoDate, toDayNumber } from './dates';
import { CalendarAdjustment, latestAdjustmentByDate } from './calendar-adjustment';
import { CalendarYear } from './calendar-year';
import { CalendarDay, DayKind } from './day-kind';
import { SUPPORTED_HOLIDAY_YEARS, isSupportedHolidayYear } from './vietnam-holidays';
import { workingDaysAfter as mondayToFridayDaysAfter } from './working-days';

/**
 * Vietnam's working days for civil servants: Monday to Friday, less the public
 * holidays, compensatory and swapped days off, plus the make-up Saturdays, of
 * the official calendar (see vietnamHolidays), then the administrative
 * adjustments, the last recorded for a date winning. Dates are `YYYY-MM-DD`;
 * a malformed date, or one outside SUPPORTED_HOLIDAY_YEARS, throws RangeError.
 */
export class WorkingCalendar {
  private readonly adjustments: ReadonlyMap<string, CalendarAdjustment>;
  private readonly years = new Map<number, CalendarYear>();

  /** `adjustments` in the order they were recorded. */
  constructor(adjustments: readonly CalendarAdjustment[] = []) {
    this.adjustments = latestAdjustmentByDate(adjustments);
  }

  isWorkingDay(date: string): boolean {
    return this.dayKind(date).working;
  }

  dayKind(date: string): DayKind {
    return this.yearOfDate(date).kindOf(toDayNumber(date));
  }

  /** `date` itself if it is a working day, else the next working day. */
  nextWorkingDay(date: string): string {
    return this.addWorkingDays(date, 0);
  }

  /** The n-th working day after `date`; for n = 0, `date` itself if it is a working day, else the next working day. */
  addWorkingDays(date: string, n: number): string {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`not a number of working days (a whole number, 0 or more): ${n}`);
    const start = toDayNumber(date);
    let year = this.yearOfDate(date);
    let day = start;
    const step = () => {
      day++;
      if (day > year.lastDay) year = this.calendarYear(year.year + 1);
    };
    if (n === 0) while (!year.kindOf(day).working) step();
    for (let remaining = n; remaining > 0;) {
      step();
      if (year.kindOf(day).working) remaining--;
    }
    return addDays(date, day - start);
  }

  /** The working days after `from` up to and including `to` (0 when `to` is not after `from`). */
  workingDaysAfter(from: string, to: string): number {
    const start = toDayNumber(from) + 1;
    const end = toDayNumber(to);
    if (end < start) return 0;
    const firstYear = Number(addDays(from, 1).slice(0, 4));
    let change = 0;
    for (let year = firstYear; year <= Number(to.slice(0, 4)); year++) {
      const calendarYear = this.calendarYear(year);
      change += calendarYear.changeBetween(Math.max(start, calendarYear.firstDay), Math.min(end, calendarYear.lastDay));
    }
    return mondayToFridayDaysAfter(from, to) + change;
  }

  /** The days off of a year that are not plain weekends: holidays (on a weekend too), compensatory, swapped and extra days off. */
  daysOff(year: number): CalendarDay[] {
    return this.specialDays(year, (kind) => !kind.working);
  }

  /** The weekend days or days off of a year made working days, by the official calendar or an adjustment. */
  makeUpDays(year: number): CalendarDay[] {
    return this.specialDays(year, (kind) => kind.reason === 'makeUpDay');
  }

  private specialDays(year: number, include: (kind: DayKind) => boolean): CalendarDay[] {
    const calendarYear = this.calendarYear(year);
    const firstDate = formatDate(year, 1, 1);
    return [...calendarYear.specialDays]
      .filter(([, kind]) => include(kind))
      .sort(([a], [b]) => a - b)
      .map(([day, kind]) => ({ date: addDays(firstDate, day - calendarYear.firstDay), reason: kind.reason, name: kind.name ?? '' }));
  }

  private yearOfDate(date: string): CalendarYear {
    if (!isIsoDate(date)) throw new RangeError(`not a date YYYY-MM-DD: ${String(date)}`);
    return this.calendarYear(Number(date.slice(0, 4)));
  }

  private calendarYear(year: number): CalendarYear {
    if (!isSupportedHolidayYear(year))
      throw new RangeError(`no working calendar for ${year}: years ${SUPPORTED_HOLIDAY_YEARS.first}–${SUPPORTED_HOLIDAY_YEARS.last}`);
    let calendarYear = this.years.get(year);
    if (!calendarYear) this.years.set(year, (calendarYear = new CalendarYear(year, this.adjustments)));
    return calendarYear;
  }
}

/** The official calendar, with no adjustment. */
export const DEFAULT_CALENDAR = new WorkingCalendar();
