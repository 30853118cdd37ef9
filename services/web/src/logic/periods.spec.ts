import { currentQuarter, periodChoices, periodLabel, yearChoices } from './periods';

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
