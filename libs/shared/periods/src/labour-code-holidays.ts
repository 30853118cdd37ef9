import { addDays, formatDate } from './dates';
import { COMPUTED, HOLIDAY_NAMES, HolidayName, HolidayYear, OfficialDayOff, compensatoryName } from './holiday-year';
import { hungKingsDay, lunarNewYear } from './lunar-dates';
import { isWorkingDay } from './working-days';
import { weekdayOf } from './weekday';

/**
 * The holidays a year gets from the Labour Code alone, for years no announcement
 * in the table covers. The government's yearly announcements usually add swaps
 * (nghỉ hoán đổi with a make-up Saturday) that no rule can foresee.
 */

interface LabourCode {
  fromYear: number;
  lunarNewYearDays: 4 | 5;
  nationalDayDays: 1 | 2;
}

/** Newest first. Giỗ Tổ Hùng Vương is a holiday from 2007 (Luật 84/2007/QH11 amending art. 73 of the 1994 code). */
const LABOUR_CODES: readonly LabourCode[] = [
  { fromYear: 2021, lunarNewYearDays: 5, nationalDayDays: 2 }, // 45/2019/QH14, art. 112
  { fromYear: 2013, lunarNewYearDays: 5, nationalDayDays: 1 }, // 10/2012/QH13, art. 115 (5 days of Tết from Tết 2013)
  { fromYear: 0, lunarNewYearDays: 4, nationalDayDays: 1 }, // 1994 code, art. 73
];
const HUNG_KINGS_FROM = 2007;

const labourCodeOf = (year: number): LabourCode => LABOUR_CODES.find((code) => year >= code.fromYear) as LabourCode;

const SUNDAY = 0;
const MONDAY = 1;
const THURSDAY = 4;

/**
 * The days of Tết. The 1994 code's four are taken as the last day of the year
 * and mùng 1 to 3 (its text was not checked). For five days the government
 * picks, year by year, one day before mùng 1 and four after or two and three; it
 * took one before when the last day of the year is a Sunday or a Monday (2016,
 * 2019, 2022, 2026), so that the five days close the week, and two before
 * otherwise (2015, 2017, 2018, 2020, 2021, 2023–2025; not 2014, built on swaps).
 */
function lunarNewYearDays(firstDay: string, count: 4 | 5): string[] {
  const lastDayOfYear = addDays(firstDay, -1);
  const before = count === 4 || [SUNDAY, MONDAY].includes(weekdayOf(lastDayOfYear)) ? 1 : 2;
  return Array.from({ length: count }, (_, i) => addDays(firstDay, i - before));
}

/**
 * 2/9 and, from 2021, a day before or after as the Prime Minister decides: the
 * day after when 2/9 is a Sunday, Monday or Thursday, the day before otherwise,
 * as chosen in 2021–2026.
 */
function nationalDays(year: number, count: 1 | 2): string[] {
  const nationalDay = formatDate(year, 9, 2);
  if (count === 1) return [nationalDay];
  const after = [SUNDAY, MONDAY, THURSDAY].includes(weekdayOf(nationalDay));
  return after ? [nationalDay, addDays(nationalDay, 1)] : [addDays(nationalDay, -1), nationalDay];
}

/** Each holiday on a weekend gives the next working day that is neither a holiday nor already given (nghỉ bù). */
function compensatoryDays(holidays: readonly OfficialDayOff[]): OfficialDayOff[] {
  const taken = new Set(holidays.map((h) => h.date));
  const compensatory: OfficialDayOff[] = [];
  for (const holiday of holidays) {
    if (isWorkingDay(holiday.date)) continue;
    let day = addDays(holiday.date, 1);
    while (!isWorkingDay(day) || taken.has(day)) day = addDays(day, 1);
    taken.add(day);
    compensatory.push({ date: day, reason: 'compensatory', name: compensatoryName(holiday.name as HolidayName) });
  }
  return compensatory;
}

export function labourCodeHolidays(year: number): HolidayYear {
  const code = labourCodeOf(year);
  const firstDayOfTet = lunarNewYear(year);
  const hungKings = year >= HUNG_KINGS_FROM ? hungKingsDay(year) : null;
  const named = (name: HolidayName, dates: readonly string[]): OfficialDayOff[] => dates.map((date) => ({ date, reason: 'holiday', name }));
  const holidays = [
    ...named(HOLIDAY_NAMES.newYear, [formatDate(year, 1, 1)]),
    ...named(HOLIDAY_NAMES.lunarNewYear, lunarNewYearDays(firstDayOfTet, code.lunarNewYearDays)),
    ...named(HOLIDAY_NAMES.hungKings, hungKings ? [hungKings] : []),
    ...named(HOLIDAY_NAMES.victory, [formatDate(year, 4, 30)]),
    ...named(HOLIDAY_NAMES.labour, [formatDate(year, 5, 1)]),
    ...named(HOLIDAY_NAMES.national, nationalDays(year, code.nationalDayDays)),
  ].sort((a, b) => a.date.localeCompare(b.date));
  const daysOff = [...holidays, ...compensatoryDays(holidays)].sort((a, b) => a.date.localeCompare(b.date));
  return { year, source: COMPUTED, lunarNewYear: firstDayOfTet, hungKingsDay: hungKings, daysOff, makeUpDays: [] };
}
