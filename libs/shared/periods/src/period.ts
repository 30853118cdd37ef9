import { daysInMonth, formatDate } from './dates';
import { ValidationError } from '@dm/eventsourcing';

export const PERIOD_CALENDARS = ['decree09', 'calendar'] as const;
export type PeriodCalendar = (typeof PERIOD_CALENDARS)[number];
export type PeriodKind = 'month' | 'quarter' | 'half-year' | 'nine-months' | 'year';

/** A reporting period: `from` and `to` are dates `YYYY-MM-DD`, both inclusive. */
export interface Period {
  /** Canonical text, e.g. `2017-Q1`. */
  period: string;
  kind: PeriodKind;
  calendar: PeriodCalendar;
  from: string;
  to: string;
}

const PERIOD_TEXT = /^(\d{4})(?:-(?:(Q[1-4])|(H[12])|(M9)|(\d{2})))?$/;

/**
 * Parses `2017`, `2017-Q1`..`Q4`, `2017-H1`/`H2`, `2017-M9` (first 9 months)
 * or `2017-03` (a month) into its window.
 *
 * - `decree09`: data cut-off windows of Decree 09/2019/NĐ-CP Art. 12: a span
 *   of months a..b runs from the 15th of the month before a to the 14th of b
 *   (2017-Q1 = 2016-12-15..2017-03-14; the 9-month window is provincial practice).
 * - `calendar`: natural periods, from the 1st of month a to the last day of b.
 *
 * Bad text → `ValidationError` at field `period`; bad calendar → field `calendar`.
 */
export function parsePeriod(text: string, calendar: PeriodCalendar): Period {
  if (!(PERIOD_CALENDARS as readonly unknown[]).includes(calendar)) {
    throw new ValidationError(`calendar must be one of ${PERIOD_CALENDARS.join(', ')}`, 'calendar');
  }
  const m = typeof text === 'string' ? PERIOD_TEXT.exec(text.trim().toUpperCase()) : null;
  const year = m ? Number(m[1]) : 0;
  if (!m || year < 1) throw invalidPeriod(text);
  const [, , quarter, half, nine, month] = m;

  let kind: PeriodKind;
  let first: number;
  let last: number;
  let period: string;
  if (quarter) {
    const q = Number(quarter[1]);
    [kind, first, last, period] = ['quarter', 3 * q - 2, 3 * q, `${m[1]}-${quarter}`];
  } else if (half) {
    const h = Number(half[1]);
    [kind, first, last, period] = ['half-year', 6 * h - 5, 6 * h, `${m[1]}-${half}`];
  } else if (nine) {
    [kind, first, last, period] = ['nine-months', 1, 9, `${m[1]}-M9`];
  } else if (month) {
    const mo = Number(month);
    if (mo < 1 || mo > 12) throw invalidPeriod(text);
    [kind, first, last, period] = ['month', mo, mo, `${m[1]}-${month}`];
  } else {
    [kind, first, last, period] = ['year', 1, 12, m[1]];
  }

  const window = calendar === 'decree09' ? cutOffWindow(year, first, last) : calendarWindow(year, first, last);
  return { period, kind, calendar, ...window };
}

/** 15th of the month before `first` → 14th of `last`. */
function cutOffWindow(year: number, first: number, last: number): { from: string; to: string } {
  const from = first === 1 ? formatDate(year - 1, 12, 15) : formatDate(year, first - 1, 15);
  return { from, to: formatDate(year, last, 14) };
}

/** 1st of `first` → last day of `last`. */
function calendarWindow(year: number, first: number, last: number): { from: string; to: string } {
  return { from: formatDate(year, first, 1), to: formatDate(year, last, daysInMonth(year, last)) };
}

function invalidPeriod(text: unknown): ValidationError {
  return new ValidationError(`period ${JSON.stringify(text)} is not one of YYYY, YYYY-Q1..Q4, YYYY-H1/H2, YYYY-M9, YYYY-MM`, 'period');
}
