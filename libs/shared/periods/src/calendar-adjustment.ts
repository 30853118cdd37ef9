import { isIsoDate } from './dates';

/**
 * An administrative change to the official calendar: `workingDay` makes a
 * weekend day or a day off a working day (ngày làm bù), `dayOff` makes a working
 * day a day off (e.g. a provincial decision).
 */
export interface CalendarAdjustment {
  /** YYYY-MM-DD */
  date: string;
  kind: 'workingDay' | 'dayOff';
  name: string;
}

const KINDS: readonly string[] = ['workingDay', 'dayOff'] satisfies CalendarAdjustment['kind'][];

/** The adjustment in force on each date: the last one recorded. Throws RangeError on a bad date or kind. */
export function latestAdjustmentByDate(adjustments: readonly CalendarAdjustment[]): Map<string, CalendarAdjustment> {
  const latest = new Map<string, CalendarAdjustment>();
  for (const adjustment of adjustments) {
    if (!isIsoDate(adjustment.date)) throw new RangeError(`not a date YYYY-MM-DD: ${String(adjustment.date)}`);
    if (!KINDS.includes(adjustment.kind)) throw new RangeError(`not an adjustment kind: ${String(adjustment.kind)}`);
    latest.set(adjustment.date, adjustment);
  }
  return latest;
}
