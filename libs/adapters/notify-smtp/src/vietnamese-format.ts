import type { ReminderKind } from '@dm/notification';

/** `2017-03-31` → `31/03/2017`; anything else as it is. */
export function vietnameseDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : date;
}

const QUARTERS = ['I', 'II', 'III', 'IV'];

/** `2017-Q1` → `Quý I/2017`, `2017-H1` → `6 tháng đầu năm 2017`, `2017-M9`, `2017-03`, `2017`; anything else as it is. */
export function vietnamesePeriod(period: string): string {
  const m = /^(\d{4})(?:-(?:Q([1-4])|H([12])|(M9)|(\d{2})))?$/.exec(period);
  if (!m) return period;
  const [, year, quarter, half, nine, month] = m;
  if (quarter) return `Quý ${QUARTERS[Number(quarter) - 1]}/${year}`;
  if (half) return `6 tháng ${half === '1' ? 'đầu' : 'cuối'} năm ${year}`;
  if (nine) return `9 tháng năm ${year}`;
  if (month) return `Tháng ${month}/${year}`;
  return `Năm ${year}`;
}

const KIND_LABELS: Record<ReminderKind, string> = {
  dueSoon: 'Sắp đến hạn',
  overdue: 'Quá hạn',
  stale: 'Chậm cập nhật tiến độ',
  periodicDue: 'Đến kỳ báo cáo',
  periodicMissing: 'Chưa gửi báo cáo',
  manual: 'Đôn đốc',
};

export const kindLabel = (kind: ReminderKind): string => KIND_LABELS[kind] ?? kind;
