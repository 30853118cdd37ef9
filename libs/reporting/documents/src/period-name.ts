const PERIOD_TEXT = /^(\d{4})(?:-(?:Q([1-4])|H([12])|(M9)|(0[1-9]|1[0-2])))?$/;
const QUARTERS = ['I', 'II', 'III', 'IV'];

/**
 * A month number as Decree 30/2020/NĐ-CP writes it in a date: January and
 * February with a leading zero (01, 02), the others without (3 … 12).
 */
export function decreeMonth(month: number): string {
  return month <= 2 ? `0${month}` : String(month);
}

/**
 * A period's name in Vietnamese: `2017` → "Năm 2017", `2017-Q1` → "Quý I năm 2017",
 * `2017-H1` → "6 tháng đầu năm 2017", `2017-H2` → "6 tháng cuối năm 2017",
 * `2017-M9` → "9 tháng đầu năm 2017", `2017-03` → "Tháng 3 năm 2017".
 * Text that is no period is returned as it is.
 */
export function vietnamesePeriodName(period: string): string {
  const m = PERIOD_TEXT.exec(period.trim().toUpperCase());
  if (!m) return period;
  const [, year, quarter, half, nine, month] = m;
  if (quarter) return `Quý ${QUARTERS[Number(quarter) - 1]} năm ${year}`;
  if (half) return `6 tháng ${half === '1' ? 'đầu' : 'cuối'} năm ${year}`;
  if (nine) return `9 tháng đầu năm ${year}`;
  if (month) return `Tháng ${decreeMonth(Number(month))} năm ${year}`;
  return `Năm ${year}`;
}
