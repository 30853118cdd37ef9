/**
 * Pure helpers on calendar dates written `YYYY-MM-DD`. All arithmetic is done
 * on UTC day numbers, so no local timezone or DST can shift a date.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
/** Asia/Ho_Chi_Minh is UTC+7 all year (no DST). */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days of a month (1-12) of a year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True for a real calendar date written `YYYY-MM-DD` (2017-02-30 is false). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Writes a date from its parts, zero-padded (`formatDate(2017, 3, 1)` → `2017-03-01`). */
export function formatDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A date as a person in Vietnam reads it: `2017-02-10` → `10/02/2017`. */
export function formatVietnamese(date: string): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

/** Days since 1970-01-01 (a Thursday), by the proleptic Gregorian calendar (days_from_civil, without Date). */
export function toDayNumber(date: string): number {
  if (!isIsoDate(date)) throw new RangeError(`not a date YYYY-MM-DD: ${String(date)}`);
  const month = Number(date.slice(5, 7));
  const year = Number(date.slice(0, 4)) - (month <= 2 ? 1 : 0);
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + Number(date.slice(8, 10)) - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function fromDayNumber(days: number): string {
  const d = new Date(days * MS_PER_DAY);
  return formatDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** The date `n` days after `date` (before it when `n` is negative). Throws RangeError on a bad date. */
export function addDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`not a whole number of days: ${n}`);
  return fromDayNumber(toDayNumber(date) + n);
}

/** Signed number of days from `a` to `b` (`daysBetween('2017-01-01', '2017-01-31')` → 30). */
export function daysBetween(a: string, b: string): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** The calendar date of an instant in Asia/Ho_Chi_Minh (UTC+7). */
export function vietnamDate(instant: Date): string {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('invalid instant');
  const shifted = new Date(ms + VIETNAM_OFFSET_MS);
  return formatDate(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}

/** Today's date in Asia/Ho_Chi_Minh: the default business date and as-of date. */
export const today = (): string => vietnamDate(new Date());

/** The first instant of a date in Asia/Ho_Chi_Minh, e.g. `2017-02-10T00:00:00+07:00`. */
export function startOfVietnamDay(date: string): string {
  if (!isIsoDate(date)) throw new RangeError(`not a date YYYY-MM-DD: ${String(date)}`);
  return `${date}T00:00:00+07:00`;
}
