import { decreeMonth } from './period-name';

/**
 * The place and date line of a document's heading (Decree 30/2020/NĐ-CP):
 * days below 10 and the months January and February with a leading zero,
 * `('Thanh Hóa', '2017-04-05')` → "Thanh Hóa, ngày 05 tháng 4 năm 2017".
 */
export function placeAndDateLine(place: string, date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${place}, ngày ${String(day).padStart(2, '0')} tháng ${decreeMonth(month)} năm ${year}`;
}

/** A UTC instant as `05/04/2017 10:00:00`, in UTC. */
export function formatUtcTime(instant: string): string {
  const iso = new Date(instant).toISOString();
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)} ${iso.slice(11, 19)}`;
}

/** A whole number with Vietnamese digit grouping: 10000 → "10.000". */
export function formatInteger(value: number): string {
  const sign = value < 0 ? '-' : '';
  return sign + String(Math.abs(Math.round(value))).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** A number with a decimal comma and at most `decimals` decimals: 62.5 → "62,5". */
export function formatDecimal(value: number, decimals = 2): string {
  const [whole, fraction = ''] = Math.abs(value).toFixed(decimals).split('.');
  const kept = fraction.replace(/0+$/, '');
  return (value < 0 ? '-' : '') + formatInteger(Number(whole)) + (kept ? `,${kept}` : '');
}

/** A ratio in percent with a decimal comma and two decimals: 0.6667 → "66,67". */
export function formatPercent(ratio: number): string {
  const [whole, fraction] = Math.abs(ratio * 100)
    .toFixed(2)
    .split('.');
  return `${ratio < 0 ? '-' : ''}${formatInteger(Number(whole))},${fraction}`;
}

/** Upper case by Vietnamese rules (the heading's bodies, the signer's capacity). */
export const upper = (text: string): string => text.toLocaleUpperCase('vi');
