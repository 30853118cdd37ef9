import { LunarDate } from '@nghiavuive/lunar_date_vi';
import { formatDate } from './dates';

/**
 * Vietnamese lunar calendar dates, by Hồ Ngọc Đức's algorithm at UTC+7 (the
 * meridian of Vietnam, so Tết can fall a day or a month apart from China's).
 */

/** The solar date of a day of a (non-leap) lunar month. */
function solarDateOfLunar(year: number, month: number, day: number): string {
  const lunar = new LunarDate({ year, month, day });
  lunar.init();
  const solar = lunar.toSolarDate().get();
  return formatDate(solar.year, solar.month, solar.day);
}

/** Mùng 1 Tết: the first day of the lunar year that begins in `year`. */
export const lunarNewYear = (year: number): string => solarDateOfLunar(year, 1, 1);

/** Giỗ Tổ Hùng Vương, 10/3 âm lịch; in a year with a leap third month, the first (regular) third month. */
export const hungKingsDay = (year: number): string => solarDateOfLunar(year, 3, 10);
