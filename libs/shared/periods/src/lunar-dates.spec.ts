import { hungKingsDay, lunarNewYear } from './lunar-dates';
import { VIETNAM_HOLIDAY_TABLE } from './vietnam-holiday-table';

describe('the Vietnamese lunar calendar', () => {
  it.each(VIETNAM_HOLIDAY_TABLE.map((y) => [y.year, y.lunarNewYear, y.hungKingsDay]))(
    'gives the announced year %i its mùng 1 Tết (%s) and Giỗ Tổ Hùng Vương (%s)',
    (year, firstDayOfTet, hungKings) => {
      expect(lunarNewYear(year)).toBe(firstDayOfTet);
      expect(hungKingsDay(year)).toBe(hungKings);
    },
  );

  it.each([
    [1968, '1968-01-29'], // China: 1968-01-30 (North Vietnam moved to UTC+7 in 1967)
    [1985, '1985-01-21'], // China: 1985-02-20, a month later
    [2007, '2007-02-17'], // China: 2007-02-18
  ])('computes at UTC+7: Tết %i in Vietnam is %s, not the Chinese date', (year, firstDayOfTet) => {
    expect(lunarNewYear(year)).toBe(firstDayOfTet);
  });

  it('puts Giỗ Tổ in the first third month of a year with a leap third month (2031)', () => {
    expect(hungKingsDay(2031)).toBe('2031-04-01');
  });
});
