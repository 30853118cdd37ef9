import type { RegimeDuty, ReportFrequency } from '@dm/contracts';
import { daysInMonth, formatDate, parsePeriod, type Period } from '@dm/periods';
import type { WorkingDays } from './working-days';

const PERIODS_OF_YEAR: Record<ReportFrequency, (year: number) => string[]> = {
  month: (y) => Array.from({ length: 12 }, (_, i) => `${y}-${String(i + 1).padStart(2, '0')}`),
  quarter: (y) => [1, 2, 3, 4].map((q) => `${y}-Q${q}`),
  'half-year': (y) => [`${y}-H1`, `${y}-H2`],
  year: (y) => [String(y)],
};

/** The periods a duty asks a report for whose cut-off (the period's last day) lies within the duty's span. */
export function periodsOfDuty(duty: Pick<RegimeDuty, 'frequency' | 'calendar' | 'from' | 'to'>, until: string): Period[] {
  const last = duty.to !== null && duty.to < until ? duty.to : until;
  if (last < duty.from) return [];
  const periods: Period[] = [];
  for (let year = Number(duty.from.slice(0, 4)); year <= Number(last.slice(0, 4)) + 1; year++)
    for (const text of PERIODS_OF_YEAR[duty.frequency](year)) {
      const period = parsePeriod(text, duty.calendar);
      if (period.to >= duty.from && period.to <= last) periods.push(period);
    }
  return periods;
}

/** True when `text` names one of the duty's periods (its frequency), whatever the span. */
export function isPeriodOfFrequency(text: string, frequency: ReportFrequency): boolean {
  const year = Number(text.slice(0, 4));
  return Number.isInteger(year) && PERIODS_OF_YEAR[frequency](year).includes(text);
}

/**
 * The day a period's report is due. A fixed day of the month is the first
 * such day after the cut-off (the month's last day when it has fewer days);
 * a deadline that falls on a day off moves to the next working day (Bộ luật
 * Dân sự 2015, art. 148). N working days after the cut-off counts working days only.
 */
export function dueDateOf(duty: Pick<RegimeDuty, 'deadline'>, cutOff: string, days: WorkingDays): string {
  const rule = duty.deadline;
  if (rule.kind === 'workingDaysAfterCutOff') return rule.days === 0 ? days.nextWorkingDay(cutOff) : days.addWorkingDays(cutOff, rule.days);
  let year = Number(cutOff.slice(0, 4));
  let month = Number(cutOff.slice(5, 7));
  let due = formatDate(year, month, Math.min(rule.day, daysInMonth(year, month)));
  if (due <= cutOff) {
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
    due = formatDate(year, month, Math.min(rule.day, daysInMonth(year, month)));
  }
  return days.nextWorkingDay(due);
}
