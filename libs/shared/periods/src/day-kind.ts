/** Why a day is or is not a working day. */
export type DayKindReason = 'weekday' | 'weekend' | 'holiday' | 'compensatory' | 'swappedDayOff' | 'makeUpDay' | 'extraDayOff';

export interface DayKind {
  working: boolean;
  reason: DayKindReason;
  /** The holiday or adjustment, e.g. "Tết Nguyên đán", "Nghỉ bù Quốc khánh 2/9"; null on a plain weekday or weekend. */
  name: string | null;
}

/** A day that is not a plain weekday or weekend, as `daysOff` and `makeUpDays` list it. */
export interface CalendarDay {
  date: string;
  reason: DayKindReason;
  name: string;
}

export const WEEKDAY: DayKind = { working: true, reason: 'weekday', name: null };
export const WEEKEND: DayKind = { working: false, reason: 'weekend', name: null };
