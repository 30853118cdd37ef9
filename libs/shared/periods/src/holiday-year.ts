/** The public holidays (ngày nghỉ lễ, Tết) of Vietnam's Labour Code, as named in the announcements. */
export const HOLIDAY_NAMES = {
  newYear: 'Tết Dương lịch',
  lunarNewYear: 'Tết Nguyên đán',
  hungKings: 'Giỗ Tổ Hùng Vương',
  victory: 'Ngày Chiến thắng 30/4',
  labour: 'Quốc tế Lao động 1/5',
  national: 'Quốc khánh 2/9',
} as const;

export type HolidayName = (typeof HOLIDAY_NAMES)[keyof typeof HOLIDAY_NAMES];

/**
 * Why an official day is off: a public holiday, a compensatory day for a holiday
 * on a weekend (nghỉ bù), or a working day swapped with a Saturday (nghỉ hoán đổi).
 */
export type OfficialDayOffReason = 'holiday' | 'compensatory' | 'swappedDayOff';

export interface OfficialDayOff {
  date: string;
  reason: OfficialDayOffReason;
  name: string;
}

/** A Saturday worked in exchange for a swapped day off (ngày làm bù). */
export interface OfficialMakeUpDay {
  date: string;
  name: string;
}

/** The `source` of a year derived from the Labour Code's rules rather than taken from an announcement. */
export const COMPUTED = 'computed';

/** The official days off and make-up days of civil servants (cán bộ, công chức, viên chức) for one year. */
export interface HolidayYear {
  year: number;
  /** `computed`, or the announcements the year's days come from. */
  source: string;
  /** Mùng 1 Tết. */
  lunarNewYear: string;
  /** 10/3 âm lịch; null before the day became a holiday in 2007. */
  hungKingsDay: string | null;
  /** By date; may hold a date of the next or previous year (a swap across New Year). */
  daysOff: readonly OfficialDayOff[];
  makeUpDays: readonly OfficialMakeUpDay[];
}

export const compensatoryName = (holiday: HolidayName): string => `Nghỉ bù ${holiday}`;
