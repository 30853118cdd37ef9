/**
 * Dates as a person reads them here: dd/mm/yyyy and dd/mm/yyyy HH:mm, in
 * Vietnam time (UTC+7 all year, no daylight saving). Business dates travel
 * as `YYYY-MM-DD` and record times as ISO instants.
 */

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MISSING = '—';

/** The instant as a Vietnam wall-clock, read with the UTC getters. */
const inVietnam = (instant: Date) => new Date(instant.getTime() + VIETNAM_OFFSET_MS);
const pad = (n: number) => String(n).padStart(2, '0');

/** Today's date in Vietnam, `YYYY-MM-DD`. */
export function todayInVietnam(now: Date = new Date()): string {
  return inVietnam(now).toISOString().slice(0, 10);
}

/** The Vietnam date `YYYY-MM-DD` of a date or an instant; null when it is neither. */
export function toVietnamDate(value: string): string | null {
  if (DATE_ONLY.test(value)) return value;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? null : todayInVietnam(instant);
}

/** dd/mm/yyyy of a date `YYYY-MM-DD` or of an instant (its day in Vietnam); "—" when absent. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return MISSING;
  const date = toVietnamDate(value);
  if (!date) return value;
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

/** dd/mm/yyyy HH:mm of an instant, in Vietnam time; "—" when absent. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return MISSING;
  if (DATE_ONLY.test(value)) return formatDate(value);
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return value;
  const local = inVietnam(instant);
  return `${formatDate(local.toISOString().slice(0, 10))} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}

/** Whole days from one date `YYYY-MM-DD` to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** A date `YYYY-MM-DD` moved by a number of days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export type DeadlineStanding =
  { kind: 'none' } | { kind: 'daysLeft'; days: number } | { kind: 'dueToday' } | { kind: 'overdue'; days: number };

/**
 * Where an open assignment stands against its deadline on a day: it is
 * overdue only after the deadline's day ends (docs/domain.md, "Statuses").
 */
export function deadlineStanding(deadline: string | null, on: string): DeadlineStanding {
  if (!deadline) return { kind: 'none' };
  const days = daysBetween(on, deadline);
  if (days > 0) return { kind: 'daysLeft', days };
  if (days === 0) return { kind: 'dueToday' };
  return { kind: 'overdue', days: -days };
}

/**
 * A record time the API takes for `knownAt`: the instant of a Vietnam date
 * and time `HH:mm`, with its +07:00 offset; a date alone means the end of that day.
 */
export function recordInstant(date: string, time?: string | null): string {
  return time ? `${date}T${time}:00+07:00` : date;
}
