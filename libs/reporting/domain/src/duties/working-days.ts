/**
 * What reporting needs of the working-day calendar (@dm/periods'
 * WorkingCalendar: weekends, Vietnam's public holidays, the adjustments an
 * admin records).
 */
export interface WorkingDays {
  isWorkingDay(date: string): boolean;
  /** The n-th working day after `date`. */
  addWorkingDays(date: string, n: number): string;
  /** `date` itself when it is a working day, else the next one. */
  nextWorkingDay(date: string): string;
}
