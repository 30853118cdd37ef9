import type { CALENDARS } from '@dm/contracts/web';
import type { Bilingual } from './language';

/**
 * The reporting periods a person picks (docs/domain.md, "Periods"): a year,
 * a half, a quarter, the first nine months or a month, each on the Decree 09
 * cut-off calendar or the natural one. Their windows are the server's
 * (libs/shared/periods/src/period.ts), read from the summary's answer.
 */

export type ReportCalendar = (typeof CALENDARS)[number];
export type PeriodKind = 'year' | 'half-year' | 'quarter' | 'nine-months' | 'month';

export interface PeriodChoice {
  value: string;
  kind: PeriodKind;
  label: Bilingual;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Every period of a year, the year first, then its halves, quarters, nine months and months. */
export function periodChoices(year: number): PeriodChoice[] {
  return [
    { value: `${year}`, kind: 'year', label: { vi: `Năm ${year}`, en: `Year ${year}` } },
    ...[1, 2].map((h) => ({
      value: `${year}-H${h}`,
      kind: 'half-year' as const,
      label: { vi: `${h === 1 ? '6 tháng đầu' : '6 tháng cuối'} năm ${year}`, en: `${h === 1 ? 'First' : 'Second'} half of ${year}` },
    })),
    ...[1, 2, 3, 4].map((q) => ({
      value: `${year}-Q${q}`,
      kind: 'quarter' as const,
      label: { vi: `Quý ${['I', 'II', 'III', 'IV'][q - 1]} năm ${year}`, en: `Q${q} ${year}` },
    })),
    { value: `${year}-M9`, kind: 'nine-months', label: { vi: `9 tháng đầu năm ${year}`, en: `First nine months of ${year}` } },
    ...Array.from({ length: 12 }, (_, i) => ({
      value: `${year}-${pad(i + 1)}`,
      kind: 'month' as const,
      label: { vi: `Tháng ${i + 1}/${year}`, en: `${pad(i + 1)}/${year}` },
    })),
  ];
}

/** The years to choose from: from the first year with data to the current one, newest first. */
export function yearChoices(firstYear: number, currentYear: number): number[] {
  return Array.from({ length: Math.max(0, currentYear - firstYear + 1) }, (_, i) => currentYear - i);
}

/** The period a report is most likely asked for on a day: the quarter it falls in. */
export function currentQuarter(today: string): string {
  const [year, month] = today.split('-').map(Number);
  return `${year}-Q${Math.ceil(month / 3)}`;
}

/** A recurring task's period as a person reads it: 2017 → Năm 2017, 2017-Q2 → Quý II/2017, 2017-05 → Tháng 5/2017. */
export function periodLabel(period: string): Bilingual {
  const year = period.slice(0, 4);
  const choice = periodChoices(Number(year)).find((c) => c.value === period);
  return choice?.label ?? { vi: period, en: period };
}
