import { formatVietnamese } from './dates';
import { HolidayYear, OfficialDayOff, compensatoryName } from './holiday-year';
import { labourCodeHolidays } from './labour-code-holidays';
import { AnnouncedYear, VIETNAM_HOLIDAY_TABLE } from './vietnam-holiday-table';

/**
 * Vietnam's public holidays for civil servants, by year: the announced table
 * where it has the year, the Labour Code's rules (`source: 'computed'`) otherwise.
 * From 2000, the first full year of the five-day week for civil servants, to
 * 2199, the end of the lunar calendar library's range.
 */
export const SUPPORTED_HOLIDAY_YEARS = { first: 2000, last: 2199 } as const;

const byDate = <T extends { date: string }>(a: T, b: T) => a.date.localeCompare(b.date);

function fromAnnouncement(announced: AnnouncedYear): HolidayYear {
  const holidays = Object.entries(announced.holidays).map(([date, name]): OfficialDayOff => ({ date, reason: 'holiday', name }));
  const compensatory = Object.entries(announced.compensatory).map(([date, holiday]): OfficialDayOff => ({
    date,
    reason: 'compensatory',
    name: compensatoryName(holiday),
  }));
  const swapped = announced.swaps.map(({ dayOff, workOn, occasion }): OfficialDayOff => ({
    date: dayOff,
    reason: 'swappedDayOff',
    name: `Nghỉ hoán đổi dịp ${occasion} (làm bù thứ Bảy ${formatVietnamese(workOn)})`,
  }));
  const makeUpDays = announced.swaps.map(({ dayOff, workOn, occasion }) => ({
    date: workOn,
    name: `Làm bù cho ngày nghỉ hoán đổi ${formatVietnamese(dayOff)} dịp ${occasion}`,
  }));
  return {
    year: announced.year,
    source: announced.source,
    lunarNewYear: announced.lunarNewYear,
    hungKingsDay: announced.hungKingsDay,
    daysOff: [...holidays, ...compensatory, ...swapped].sort(byDate),
    makeUpDays: makeUpDays.sort(byDate),
  };
}

const years = new Map<number, HolidayYear>(VIETNAM_HOLIDAY_TABLE.map((announced) => [announced.year, fromAnnouncement(announced)]));

export const isSupportedHolidayYear = (year: number): boolean =>
  Number.isInteger(year) && year >= SUPPORTED_HOLIDAY_YEARS.first && year <= SUPPORTED_HOLIDAY_YEARS.last;

/** The official days off and make-up days of a year; throws RangeError outside SUPPORTED_HOLIDAY_YEARS. */
export function vietnamHolidays(year: number): HolidayYear {
  if (!isSupportedHolidayYear(year))
    throw new RangeError(`no holiday calendar for ${year}: years ${SUPPORTED_HOLIDAY_YEARS.first}–${SUPPORTED_HOLIDAY_YEARS.last}`);
  let holidays = years.get(year);
  if (!holidays) years.set(year, (holidays = labourCodeHolidays(year)));
  return holidays;
}
