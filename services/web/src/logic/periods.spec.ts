import { currentQuarter, periodChoices, periodLabel, periodWindow, yearChoices } from './periods';

describe('reporting periods', () => {
  it('offers the year, its halves, quarters, nine months and months', () => {
    const values = periodChoices(2017).map((c) => c.value);
    expect(values).toEqual([
      '2017',
      '2017-H1',
      '2017-H2',
      '2017-Q1',
      '2017-Q2',
      '2017-Q3',
      '2017-Q4',
      '2017-M9',
      ...Array.from({ length: 12 }, (_, i) => `2017-${String(i + 1).padStart(2, '0')}`),
    ]);
    expect(periodChoices(2017)[3].label.vi).toBe('Quý I năm 2017');
    expect(periodChoices(2017)[8].label.vi).toBe('Tháng 1/2017');
  });

  it('cuts Decree 09 windows from the 15th of the month before to the 14th', () => {
    expect(periodWindow('2017-Q1', 'decree09')).toEqual({ from: '2016-12-15', to: '2017-03-14' });
    expect(periodWindow('2017', 'decree09')).toEqual({ from: '2016-12-15', to: '2017-12-14' });
    expect(periodWindow('2017-M9', 'decree09')).toEqual({ from: '2016-12-15', to: '2017-09-14' });
    expect(periodWindow('2017-06', 'decree09')).toEqual({ from: '2017-05-15', to: '2017-06-14' });
  });

  it('takes natural windows on the calendar, February of a leap year included', () => {
    expect(periodWindow('2017-Q1', 'calendar')).toEqual({ from: '2017-01-01', to: '2017-03-31' });
    expect(periodWindow('2016-02', 'calendar')).toEqual({ from: '2016-02-01', to: '2016-02-29' });
    expect(periodWindow('2017-H2', 'calendar')).toEqual({ from: '2017-07-01', to: '2017-12-31' });
  });

  it('refuses text that is no period', () => {
    expect(periodWindow('2017-13', 'calendar')).toBeNull();
    expect(periodWindow('Q1', 'calendar')).toBeNull();
  });

  it('lists years newest first and picks the quarter of a day', () => {
    expect(yearChoices(2016, 2018)).toEqual([2018, 2017, 2016]);
    expect(currentQuarter('2017-05-02')).toBe('2017-Q2');
    expect(currentQuarter('2017-12-31')).toBe('2017-Q4');
  });

  it('names a recurring task’s period', () => {
    expect(periodLabel('2017-Q2').vi).toBe('Quý II năm 2017');
    expect(periodLabel('2017-05').vi).toBe('Tháng 5/2017');
  });
});
