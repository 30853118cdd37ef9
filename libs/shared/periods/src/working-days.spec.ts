import { addDays } from './dates';
import { isWorkingDay, workingDaysAfter } from './working-days';

describe('working days', () => {
  it('are Monday to Friday', () => {
    // 2017-03-03 is a Friday
    expect(['2017-03-03', '2017-03-04', '2017-03-05', '2017-03-06'].map(isWorkingDay)).toEqual([true, false, false, true]);
  });

  it.each([
    ['2017-03-03', '2017-03-03', 0],
    ['2017-03-03', '2017-03-02', 0],
    ['2017-03-03', '2017-03-05', 0], // Friday → Sunday
    ['2017-03-03', '2017-03-06', 1], // → Monday
    ['2017-03-03', '2017-03-07', 2], // → Tuesday
    ['2017-03-03', '2017-03-08', 3],
    ['2017-03-04', '2017-03-13', 6], // Saturday → Monday a week later
    ['2017-03-03', '2017-03-31', 20],
  ])('from %s to %s: %i', (from, to, expected) => {
    expect(workingDaysAfter(from, to)).toBe(expected);
  });

  it('counts as a day-by-day walk does, over years', () => {
    const walk = (from: string, to: string) => {
      let n = 0;
      for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d)) n++;
      return n;
    };
    for (const [from, to] of [
      ['2017-02-10', '2026-11-28'],
      ['2016-12-31', '2017-01-09'],
      ['2017-03-05', '2017-07-01'],
    ])
      expect(workingDaysAfter(from, to)).toBe(walk(from, to));
  });
});
