import { addDays, daysBetween, deadlineStanding, formatDate, formatDateTime, recordInstant, todayInVietnam, toVietnamDate } from './dates';

describe('dates as read in Vietnam', () => {
  it('writes a business date dd/mm/yyyy', () => {
    expect(formatDate('2017-02-10')).toBe('10/02/2017');
    expect(formatDate(null)).toBe('—');
    expect(formatDate(undefined)).toBe('—');
  });

  it('writes the Vietnam day of an instant, not the UTC one', () => {
    expect(formatDate('2017-03-14T17:30:00Z')).toBe('15/03/2017');
    expect(formatDate('2017-02-10T00:00:00+07:00')).toBe('10/02/2017');
  });

  it('writes a record time dd/mm/yyyy HH:mm at UTC+7', () => {
    expect(formatDateTime('2026-12-06T17:26:09.167Z')).toBe('07/12/2026 00:26');
    expect(formatDateTime('2017-04-05T10:00:00+07:00')).toBe('05/04/2017 10:00');
    expect(formatDateTime('2017-04-05')).toBe('05/04/2017');
    expect(formatDateTime(null)).toBe('—');
  });

  it('leaves text that is no date as it is', () => {
    expect(formatDate('soon')).toBe('soon');
    expect(formatDateTime('soon')).toBe('soon');
    expect(toVietnamDate('soon')).toBeNull();
  });

  it('knows today in Vietnam when UTC is still on the day before', () => {
    expect(todayInVietnam(new Date('2017-03-14T17:00:00Z'))).toBe('2017-03-15');
    expect(todayInVietnam(new Date('2017-03-14T16:59:59Z'))).toBe('2017-03-14');
  });

  it('counts whole days across months and leap years', () => {
    expect(daysBetween('2017-02-28', '2017-03-01')).toBe(1);
    expect(daysBetween('2016-02-28', '2016-03-01')).toBe(2);
    expect(daysBetween('2017-03-10', '2017-03-01')).toBe(-9);
    expect(addDays('2016-12-31', 1)).toBe('2017-01-01');
  });

  it('says days left, due today or days overdue; overdue only after the deadline day', () => {
    expect(deadlineStanding('2017-03-15', '2017-03-10')).toEqual({ kind: 'daysLeft', days: 5 });
    expect(deadlineStanding('2017-03-15', '2017-03-15')).toEqual({ kind: 'dueToday' });
    expect(deadlineStanding('2017-03-15', '2017-03-16')).toEqual({ kind: 'overdue', days: 1 });
    expect(deadlineStanding(null, '2017-03-16')).toEqual({ kind: 'none' });
  });

  it('names a record time with its Vietnam offset, or a date for the end of that day', () => {
    expect(recordInstant('2017-04-05', '17:00')).toBe('2017-04-05T17:00:00+07:00');
    expect(recordInstant('2017-04-05')).toBe('2017-04-05');
  });
});
