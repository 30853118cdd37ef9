import type { RegimeDuty } from '@dm/contracts';
import { calendar, duty } from './duties.fixtures';
import { dueDateOf, isPeriodOfFrequency, periodsOfDuty } from './duty-periods';

const texts = (d: RegimeDuty, until: string) => periodsOfDuty(d, until).map((p) => p.period);
const cutOffs = (d: RegimeDuty, until: string) => periodsOfDuty(d, until).map((p) => p.to);

describe('periodsOfDuty', () => {
  describe('on the Decree 09 cut-off (the 14th of the period’s last month)', () => {
    it('gives each month whose cut-off lies from the duty’s start to `until`', () => {
      const monthly = duty({ frequency: 'month', from: '2017-01-01' });
      expect(texts(monthly, '2017-04-30')).toEqual(['2017-01', '2017-02', '2017-03', '2017-04']);
      expect(cutOffs(monthly, '2017-04-30')).toEqual(['2017-01-14', '2017-02-14', '2017-03-14', '2017-04-14']);
    });

    it('counts a period whose cut-off is `until` itself, not one a day later', () => {
      const monthly = duty({ frequency: 'month', from: '2017-01-01' });
      expect(texts(monthly, '2017-04-14')).toEqual(['2017-01', '2017-02', '2017-03', '2017-04']);
      expect(texts(monthly, '2017-04-13')).toEqual(['2017-01', '2017-02', '2017-03']);
    });

    it('gives the quarters, half-years and years with their windows', () => {
      const from = '2017-01-01';
      expect(periodsOfDuty(duty({ frequency: 'quarter', from }), '2017-12-31')).toEqual([
        { period: '2017-Q1', kind: 'quarter', calendar: 'decree09', from: '2016-12-15', to: '2017-03-14' },
        { period: '2017-Q2', kind: 'quarter', calendar: 'decree09', from: '2017-03-15', to: '2017-06-14' },
        { period: '2017-Q3', kind: 'quarter', calendar: 'decree09', from: '2017-06-15', to: '2017-09-14' },
        { period: '2017-Q4', kind: 'quarter', calendar: 'decree09', from: '2017-09-15', to: '2017-12-14' },
      ]);
      expect(cutOffs(duty({ frequency: 'half-year', from }), '2017-12-31')).toEqual(['2017-06-14', '2017-12-14']);
      expect(periodsOfDuty(duty({ frequency: 'year', from }), '2017-12-31')).toEqual([
        { period: '2017', kind: 'year', calendar: 'decree09', from: '2016-12-15', to: '2017-12-14' },
      ]);
    });

    it('runs across years', () => {
      const monthly = duty({ frequency: 'month', from: '2016-11-01' });
      expect(texts(monthly, '2017-02-28')).toEqual(['2016-11', '2016-12', '2017-01', '2017-02']);
      expect(texts(duty({ frequency: 'year', from: '2015-01-01' }), '2017-12-14')).toEqual(['2015', '2016', '2017']);
    });
  });

  describe('on the natural calendar (the period’s last day)', () => {
    it('cuts each period off on its last day', () => {
      const monthly = duty({ frequency: 'month', calendar: 'calendar', from: '2017-01-01' });
      expect(cutOffs(monthly, '2017-04-30')).toEqual(['2017-01-31', '2017-02-28', '2017-03-31', '2017-04-30']);
      expect(periodsOfDuty(monthly, '2017-04-30').every((p) => p.calendar === 'calendar')).toBe(true);
      expect(texts(monthly, '2017-04-29')).toEqual(['2017-01', '2017-02', '2017-03']);
    });

    it('gives the quarters, half-years and year', () => {
      const d = (frequency: RegimeDuty['frequency']) => duty({ frequency, calendar: 'calendar', from: '2017-01-01' });
      expect(cutOffs(d('quarter'), '2017-12-31')).toEqual(['2017-03-31', '2017-06-30', '2017-09-30', '2017-12-31']);
      expect(texts(d('half-year'), '2017-12-31')).toEqual(['2017-H1', '2017-H2']);
      expect(periodsOfDuty(d('year'), '2017-12-31')).toEqual([
        { period: '2017', kind: 'year', calendar: 'calendar', from: '2017-01-01', to: '2017-12-31' },
      ]);
      expect(periodsOfDuty(d('year'), '2017-12-30')).toEqual([]);
    });

    it('differs from Decree 09 for the same duty and dates', () => {
      // 2017-Q2 is cut off on 14/06 by Decree 09, on 30/06 by the calendar
      expect(texts(duty({ from: '2017-01-01' }), '2017-06-20')).toEqual(['2017-Q1', '2017-Q2']);
      expect(texts(duty({ from: '2017-01-01', calendar: 'calendar' }), '2017-06-20')).toEqual(['2017-Q1']);
    });
  });

  describe('the duty’s span', () => {
    it('counts a period whose cut-off is the duty’s first day, not one cut off the day before', () => {
      expect(texts(duty({ from: '2017-03-14' }), '2017-12-31')).toEqual(['2017-Q1', '2017-Q2', '2017-Q3', '2017-Q4']);
      expect(texts(duty({ from: '2017-03-15' }), '2017-12-31')).toEqual(['2017-Q2', '2017-Q3', '2017-Q4']);
    });

    it('counts a period whose window began before the duty, by its cut-off (from 10/02/2017: 2017-Q1 is owed)', () => {
      expect(texts(duty(), '2017-06-30')).toEqual(['2017-Q1', '2017-Q2']);
      // the year 2016 (Decree 09: cut off 14/12/2016) is not owed by a duty from 20/12/2016
      expect(texts(duty({ frequency: 'year', from: '2016-12-20' }), '2017-12-31')).toEqual(['2017']);
    });

    it('stops at the duty’s last day, its cut-off included, whatever `until`', () => {
      expect(texts(duty({ to: '2017-06-14' }), '2018-12-31')).toEqual(['2017-Q1', '2017-Q2']);
      expect(texts(duty({ to: '2017-06-13' }), '2018-12-31')).toEqual(['2017-Q1']);
    });

    it('stops at `until` when it comes before the duty’s last day', () => {
      expect(texts(duty({ to: '2017-12-31' }), '2017-09-13')).toEqual(['2017-Q1', '2017-Q2']);
      expect(texts(duty({ to: '2017-12-31' }), '2017-09-14')).toEqual(['2017-Q1', '2017-Q2', '2017-Q3']);
    });

    it('gives nothing when `until` is before the duty starts, or no cut-off falls in its span', () => {
      expect(periodsOfDuty(duty(), '2017-02-09')).toEqual([]);
      expect(periodsOfDuty(duty(), '2017-03-13')).toEqual([]);
      expect(periodsOfDuty(duty({ from: '2017-03-15', to: '2017-06-13' }), '2017-12-31')).toEqual([]);
    });

    it('gives the one period cut off on the duty’s first day when `until` is that day', () => {
      expect(texts(duty({ from: '2017-03-14' }), '2017-03-14')).toEqual(['2017-Q1']);
      expect(texts(duty({ from: '2017-02-10', to: '2017-03-14' }), '2017-03-14')).toEqual(['2017-Q1']);
    });

    it('without a last day, runs on to `until` (no period of a later year)', () => {
      expect(texts(duty({ frequency: 'half-year', from: '2017-01-01', to: null }), '2018-06-14')).toEqual([
        '2017-H1',
        '2017-H2',
        '2018-H1',
      ]);
    });
  });
});

describe('isPeriodOfFrequency', () => {
  it.each([
    ['2017-03', 'month'],
    ['2017-12', 'month'],
    ['2017-Q1', 'quarter'],
    ['2017-Q4', 'quarter'],
    ['2017-H2', 'half-year'],
    ['2017', 'year'],
  ] as const)('%s is a period of a duty every %s', (text, frequency) => {
    expect(isPeriodOfFrequency(text, frequency)).toBe(true);
  });

  it.each([
    ['2017-Q1', 'month'],
    ['2017-03', 'quarter'],
    ['2017-H1', 'quarter'],
    ['2017-Q2', 'half-year'],
    ['2017-H1', 'year'],
    ['2017', 'quarter'],
    ['2017-M9', 'quarter'],
    ['2017-M9', 'year'],
    ['2017-13', 'month'],
    ['2017-00', 'month'],
    ['2017-3', 'month'],
    ['2017-Q5', 'quarter'],
    ['2017-q1', 'quarter'],
    ['Q1-2017', 'quarter'],
    ['NaN-Q1', 'quarter'],
    ['', 'year'],
  ] as const)('%s is not a period of a duty every %s', (text, frequency) => {
    expect(isPeriodOfFrequency(text, frequency)).toBe(false);
  });
});

describe('dueDateOf', () => {
  const onDay = (day: number) => ({ deadline: { kind: 'dayOfMonth' as const, day } });
  const afterWorkingDays = (days: number) => ({ deadline: { kind: 'workingDaysAfterCutOff' as const, days } });

  describe('a fixed day of the month', () => {
    it('is that day of the cut-off’s month when it comes after the cut-off (Q1 cut off 14/03: the 20th is 20/03)', () => {
      expect(dueDateOf(onDay(20), '2017-03-14', calendar)).toBe('2017-03-20');
      expect(dueDateOf(onDay(15), '2017-03-14', calendar)).toBe('2017-03-15');
    });

    it('is that day of the next month when the cut-off’s month has passed it', () => {
      expect(dueDateOf(onDay(20), '2017-03-31', calendar)).toBe('2017-04-20');
      expect(dueDateOf(onDay(10), '2017-03-14', calendar)).toBe('2017-04-10');
    });

    it('moves to the next month when the cut-off is that very day', () => {
      expect(dueDateOf(onDay(14), '2017-03-14', calendar)).toBe('2017-04-14');
    });

    it('runs into the next year after a December cut-off', () => {
      expect(dueDateOf(onDay(10), '2017-12-14', calendar)).toBe('2018-01-10');
      expect(dueDateOf(onDay(10), '2017-12-31', calendar)).toBe('2018-01-10');
      expect(dueDateOf(onDay(20), '2017-12-14', calendar)).toBe('2017-12-20');
    });

    it('is the month’s last day when the month is shorter than the day', () => {
      // day 31 after the cut-off of January (calendar) is 28/02/2017, of February (Decree 09) too
      expect(dueDateOf(onDay(31), '2017-01-31', calendar)).toBe('2017-02-28');
      expect(dueDateOf(onDay(31), '2017-02-14', calendar)).toBe('2017-02-28');
      expect(dueDateOf(onDay(30), '2017-02-14', calendar)).toBe('2017-02-28');
      expect(dueDateOf(onDay(31), '2016-01-31', calendar)).toBe('2016-02-29');
      expect(dueDateOf(onDay(31), '2017-10-31', calendar)).toBe('2017-11-30');
    });

    it('moves off a weekend to the next working day', () => {
      expect(dueDateOf(onDay(18), '2017-03-14', calendar)).toBe('2017-03-20'); // Saturday 18/03 → Monday
      expect(dueDateOf(onDay(19), '2017-03-14', calendar)).toBe('2017-03-20'); // Sunday 19/03 → Monday
    });

    it('moves off Tết 2017 (26/01–01/02) to Thursday 02/02/2017', () => {
      expect(dueDateOf(onDay(26), '2016-12-31', calendar)).toBe('2017-02-02');
      expect(dueDateOf(onDay(27), '2017-01-14', calendar)).toBe('2017-02-02');
      expect(dueDateOf(onDay(25), '2017-01-14', calendar)).toBe('2017-01-25'); // the day before Tết works
    });

    it('moves off 30/04/2017, 01/05 and the nghỉ bù of 02/05 to Wednesday 03/05/2017', () => {
      // the 31st after the cut-off of March is 30/04 (April has 30 days)
      expect(dueDateOf(onDay(31), '2017-03-31', calendar)).toBe('2017-05-03');
      expect(dueDateOf(onDay(2), '2017-04-14', calendar)).toBe('2017-05-03');
    });

    it('moves off Giỗ Tổ Hùng Vương (06/04/2017) and off Quốc khánh with its nghỉ bù (02–04/09/2017)', () => {
      expect(dueDateOf(onDay(6), '2017-03-31', calendar)).toBe('2017-04-07');
      expect(dueDateOf(onDay(2), '2017-08-14', calendar)).toBe('2017-09-05');
    });
  });

  describe('N working days after the cut-off', () => {
    it('counts working days only', () => {
      // Friday 14/04/2017 + 5 working days: 17–21/04
      expect(dueDateOf(afterWorkingDays(5), '2017-04-14', calendar)).toBe('2017-04-21');
      expect(dueDateOf(afterWorkingDays(1), '2017-04-14', calendar)).toBe('2017-04-17');
    });

    it('counts across Tết 2017 (26/01–01/02 off)', () => {
      expect(dueDateOf(afterWorkingDays(1), '2017-01-25', calendar)).toBe('2017-02-02');
      // Saturday 14/01: 16–20/01 (5), 23–25/01 (8), then 02/02 (9), 03/02 (10)
      expect(dueDateOf(afterWorkingDays(10), '2017-01-14', calendar)).toBe('2017-02-03');
    });

    it('counts across 30/04–02/05/2017 and Giỗ Tổ Hùng Vương (06/04/2017)', () => {
      // 17–21/04 and 24–28/04 (10), then 03/05 (11)
      expect(dueDateOf(afterWorkingDays(11), '2017-04-14', calendar)).toBe('2017-05-03');
      // Friday 31/03: 03, 04, 05, 07, 10/04
      expect(dueDateOf(afterWorkingDays(5), '2017-03-31', calendar)).toBe('2017-04-10');
    });

    it('counts across Quốc khánh 2017 (Saturday 02/09, nghỉ bù Monday 04/09)', () => {
      expect(dueDateOf(afterWorkingDays(2), '2017-08-31', calendar)).toBe('2017-09-05');
    });

    it('with N = 0, is the cut-off itself when it is a working day, else the next working day', () => {
      expect(dueDateOf(afterWorkingDays(0), '2017-03-14', calendar)).toBe('2017-03-14');
      expect(dueDateOf(afterWorkingDays(0), '2017-01-14', calendar)).toBe('2017-01-16');
      expect(dueDateOf(afterWorkingDays(0), '2017-01-31', calendar)).toBe('2017-02-02');
      expect(dueDateOf(afterWorkingDays(0), '2017-04-30', calendar)).toBe('2017-05-03');
    });
  });

  it('asks the working calendar it is given (an admin’s extra day off moves the deadline)', () => {
    const days = {
      isWorkingDay: (date: string) => date !== '2017-03-20' && calendar.isWorkingDay(date),
      nextWorkingDay: (date: string) => (date === '2017-03-20' ? '2017-03-21' : calendar.nextWorkingDay(date)),
      addWorkingDays: (date: string, n: number) => calendar.addWorkingDays(date, n),
    };
    expect(dueDateOf(onDay(20), '2017-03-14', days)).toBe('2017-03-21');
  });
});
