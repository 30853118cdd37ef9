import { daysInMonth, formatDate } from './dates';

/**
 * Recurring deadlines (docs/domain.md, "Recurring tasks"): a rule gives one
 * obligation per period, due on a day of the period's due month.
 */
export interface RecurrenceRule {
  every: 'year' | 'quarter' | 'month';
  /** The day of the due month (clamped to the month's length: 31 is its last day). */
  day: number;
  /** A year's due month (default 12); a quarter's month within it, 1 to 3 (default 3, the last); unused for a month. */
  month?: number;
}

/** One obligation: its period (`2017`, `2017-Q2`, `2017-05`), the period's calendar span and its due date. */
export interface Obligation {
  period: string;
  from: string;
  to: string;
  dueOn: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const dueDate = (year: number, month: number, day: number) => formatDate(year, month, Math.min(day, daysInMonth(year, month)));

/** The obligation of `rule` for the period of `year` numbered `index` (a quarter 1-4, a month 1-12; ignored for a year). */
function obligationOf(rule: RecurrenceRule, year: number, index: number): Obligation {
  switch (rule.every) {
    case 'year':
      return {
        period: String(year),
        from: formatDate(year, 1, 1),
        to: formatDate(year, 12, 31),
        dueOn: dueDate(year, rule.month ?? 12, rule.day),
      };
    case 'quarter': {
      const first = 3 * index - 2;
      const last = 3 * index;
      return {
        period: `${year}-Q${index}`,
        from: formatDate(year, first, 1),
        to: formatDate(year, last, daysInMonth(year, last)),
        dueOn: dueDate(year, first + (rule.month ?? 3) - 1, rule.day),
      };
    }
    case 'month':
      return {
        period: `${year}-${pad(index)}`,
        from: formatDate(year, index, 1),
        to: formatDate(year, index, daysInMonth(year, index)),
        dueOn: dueDate(year, index, rule.day),
      };
  }
}

const perYear = (rule: RecurrenceRule) => (rule.every === 'year' ? 1 : rule.every === 'quarter' ? 4 : 12);

/**
 * The obligations owed from `start` (the assignment's start) as of `asOf`:
 * each period that has begun by `asOf` and whose due date is on or after
 * `start` and, when the assignment closed, before `closedOn`. Oldest first.
 */
export function obligationsOf(rule: RecurrenceRule, start: string, asOf: string, closedOn: string | null = null): Obligation[] {
  const result: Obligation[] = [];
  for (let year = Number(start.slice(0, 4)); year <= Number(asOf.slice(0, 4)); year++) {
    for (let i = 1; i <= perYear(rule); i++) {
      const o = obligationOf(rule, year, i);
      if (o.from > asOf) break;
      if (o.dueOn >= start && (closedOn === null || o.dueOn < closedOn)) result.push(o);
    }
  }
  return result;
}

/** The obligation a period key names under `rule`, or null when the key is not one of its periods. */
export function obligationFor(rule: RecurrenceRule, period: string): Obligation | null {
  const m = /^(\d{4})(?:-Q([1-4])|-(\d{2}))?$/.exec(period);
  if (!m) return null;
  const year = Number(m[1]);
  if (rule.every === 'year' && !m[2] && !m[3]) return obligationOf(rule, year, 1);
  if (rule.every === 'quarter' && m[2]) return obligationOf(rule, year, Number(m[2]));
  const month = Number(m[3]);
  if (rule.every === 'month' && m[3] && month >= 1 && month <= 12) return obligationOf(rule, year, month);
  return null;
}
