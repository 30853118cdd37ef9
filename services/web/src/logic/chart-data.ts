import { OFFICIAL_STATUSES, type OfficialStatus, type StatusCounts } from '@dm/contracts/web';
import type { Language } from './language';
import { STATUS_LOOKS } from './status';

/** One slice or bar segment of a status chart: its words, how many, and a colour of at least 3:1 on white (WCAG 1.4.11). */
export interface StatusDatum {
  status: OfficialStatus;
  label: string;
  count: number;
  fill: string;
}

/** The official counts as chart data, in the statuses' order; empty statuses left out. */
export function statusData(counts: StatusCounts, language: Language): StatusDatum[] {
  return OFFICIAL_STATUSES.map((status) => ({
    status,
    label: STATUS_LOOKS[status].label[language],
    count: counts[status],
    fill: STATUS_LOOKS[status].text,
  })).filter((d) => d.count > 0);
}

/** A row of a roll-up (an agency, a group) as one stacked bar: its name and its count in each status. */
export function rollupBars(rows: Array<{ id: string; name: string; counts: StatusCounts }>, limit = 30) {
  return rows
    .filter((row) => row.counts.total > 0)
    .slice(0, limit)
    .map((row) => ({ id: row.id, name: row.name, ...Object.fromEntries(OFFICIAL_STATUSES.map((s) => [s, row.counts[s]])) }));
}

/** A rate as read: "12/20 (60%)", or "—" when nothing divides. */
export function formatRate(rate: { numerator: number; denominator: number; value: number | null }, language: Language): string {
  if (rate.value === null) return '—';
  const percent = new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-US', { style: 'percent', maximumFractionDigits: 1 }).format(
    rate.value,
  );
  return `${rate.numerator}/${rate.denominator} (${percent})`;
}
