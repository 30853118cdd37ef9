import { obligationFor, obligationsOf } from './recurrence';

describe('recurring obligations', () => {
  it('hằng năm: one per year, due on a day of the year; none due before the start', () => {
    const rule = { every: 'year' as const, month: 12, day: 15 };
    expect(obligationsOf(rule, '2017-02-10', '2018-06-30').map((o) => [o.period, o.dueOn])).toEqual([
      ['2017', '2017-12-15'],
      ['2018', '2018-12-15'],
    ]);
    expect(obligationsOf({ every: 'year', month: 1, day: 31 }, '2017-02-10', '2017-12-31')).toEqual([]);
  });

  it('hằng quý: due on a day of the quarter’s last month by default, clamped to the month', () => {
    const rule = { every: 'quarter' as const, day: 31 };
    expect(obligationsOf(rule, '2017-02-10', '2017-07-01').map((o) => [o.period, o.dueOn])).toEqual([
      ['2017-Q1', '2017-03-31'],
      ['2017-Q2', '2017-06-30'],
      ['2017-Q3', '2017-09-30'],
    ]);
  });

  it('hằng tháng: one per month begun by asOf; none due on or after the closure', () => {
    const rule = { every: 'month' as const, day: 25 };
    expect(obligationsOf(rule, '2017-02-10', '2017-05-01', '2017-04-25').map((o) => o.period)).toEqual(['2017-02', '2017-03']);
    expect(obligationsOf(rule, '2017-02-26', '2017-03-01').map((o) => o.period)).toEqual(['2017-03']);
  });

  it('names a period of the rule, and only of the rule', () => {
    expect(obligationFor({ every: 'quarter', day: 20 }, '2017-Q2')).toEqual({
      period: '2017-Q2',
      from: '2017-04-01',
      to: '2017-06-30',
      dueOn: '2017-06-20',
    });
    expect(obligationFor({ every: 'quarter', day: 20, month: 1 }, '2017-Q2')?.dueOn).toBe('2017-04-20');
    expect(obligationFor({ every: 'month', day: 5 }, '2017-02')?.dueOn).toBe('2017-02-05');
    expect(obligationFor({ every: 'year', day: 29, month: 2 }, '2017')?.dueOn).toBe('2017-02-28');
    for (const [every, period] of [
      ['quarter', '2017'],
      ['quarter', '2017-05'],
      ['month', '2017-13'],
      ['year', '2017-Q1'],
      ['month', 'x'],
    ] as const)
      expect(obligationFor({ every, day: 1 }, period)).toBeNull();
  });

  it('owes an obligation due on the start day itself, and knows months 01 and 12 from 00 and 13', () => {
    expect(obligationsOf({ every: 'month', day: 10 }, '2017-02-10', '2017-02-28').map((o) => o.period)).toEqual(['2017-02']);
    expect(obligationsOf({ every: 'month', day: 10 }, '2017-02-11', '2017-02-28')).toEqual([]);
    expect(obligationFor({ every: 'month', day: 1 }, '2017-01')?.period).toBe('2017-01');
    expect(obligationFor({ every: 'month', day: 1 }, '2017-12')?.period).toBe('2017-12');
    expect(obligationFor({ every: 'month', day: 1 }, '2017-00')).toBeNull();
    expect(obligationFor({ every: 'month', day: 1 }, 'x2017-01')).toBeNull();
    expect(obligationFor({ every: 'month', day: 1 }, '2017-01x')).toBeNull();
    expect(obligationsOf({ every: 'year', month: 6, day: 30 }, '2017-01-01', '2018-12-31').map((o) => o.period)).toEqual(['2017', '2018']);
    expect(obligationsOf({ every: 'month', day: 1 }, '2017-01-01', '2017-12-31')).toHaveLength(12);
  });
});
