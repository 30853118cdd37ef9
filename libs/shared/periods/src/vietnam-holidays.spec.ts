import { addDays, formatDate } from './dates';
import { HOLIDAY_NAMES, HolidayYear } from './holiday-year';
import { labourCodeHolidays } from './labour-code-holidays';
import { SUPPORTED_HOLIDAY_YEARS, vietnamHolidays } from './vietnam-holidays';
import { VIETNAM_HOLIDAY_TABLE } from './vietnam-holiday-table';
import { weekdayOf } from './weekday';
import { isWorkingDay } from './working-days';

const SATURDAY = 6;
const announcedYears = VIETNAM_HOLIDAY_TABLE.map((announced) => announced.year);
const datesNamed = (holidays: HolidayYear, name: string) =>
  holidays.daysOff.filter((d) => d.reason === 'holiday' && d.name === name).map((d) => d.date);

/** The days whose working status differs from Monday to Friday: `-` a weekday off, `+` a weekend day worked. */
const changesFromMondayToFriday = (holidays: HolidayYear) =>
  [
    ...holidays.daysOff.filter((d) => isWorkingDay(d.date)).map((d) => `-${d.date}`),
    ...holidays.makeUpDays.map((d) => `+${d.date}`),
  ].sort();

describe('the announced table', () => {
  it('covers 2014 to 2026, each year citing its announcements', () => {
    expect(announcedYears).toEqual([2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    for (const year of announcedYears) expect(vietnamHolidays(year).source).not.toBe('computed');
  });

  describe.each(announcedYears)('%i', (year) => {
    const holidays = vietnamHolidays(year);

    it('has the fixed holidays, Giỗ Tổ on 10/3 âm lịch and two days of Quốc khánh from 2021', () => {
      expect(datesNamed(holidays, HOLIDAY_NAMES.newYear)).toEqual([formatDate(year, 1, 1)]);
      expect(datesNamed(holidays, HOLIDAY_NAMES.hungKings)).toEqual([holidays.hungKingsDay]);
      expect(datesNamed(holidays, HOLIDAY_NAMES.victory)).toEqual([formatDate(year, 4, 30)]);
      expect(datesNamed(holidays, HOLIDAY_NAMES.labour)).toEqual([formatDate(year, 5, 1)]);
      const national = datesNamed(holidays, HOLIDAY_NAMES.national);
      expect(national).toContain(formatDate(year, 9, 2));
      expect(national).toHaveLength(year >= 2021 ? 2 : 1);
      if (national.length === 2) expect(addDays(national[0], 1)).toBe(national[1]);
    });

    it('has five days of Tết in a row, with the last day of the old year and mùng 1', () => {
      const tet = datesNamed(holidays, HOLIDAY_NAMES.lunarNewYear);
      expect(tet).toHaveLength(5);
      tet.slice(1).forEach((date, i) => expect(date).toBe(addDays(tet[i], 1)));
      expect(tet).toEqual(expect.arrayContaining([addDays(holidays.lunarNewYear, -1), holidays.lunarNewYear]));
    });

    it('gives one nghỉ bù, on a weekday, for each holiday on a weekend', () => {
      const compensatory = holidays.daysOff.filter((d) => d.reason === 'compensatory');
      const onWeekends = holidays.daysOff.filter((d) => d.reason === 'holiday' && !isWorkingDay(d.date));
      expect(compensatory.map((d) => d.name).sort()).toEqual(onWeekends.map((d) => `Nghỉ bù ${d.name}`).sort());
      for (const { date } of compensatory) expect(isWorkingDay(date)).toBe(true);
    });

    it('swaps weekdays with Saturdays, one for one, and lists each date once', () => {
      const swapped = holidays.daysOff.filter((d) => d.reason === 'swappedDayOff');
      expect(swapped).toHaveLength(holidays.makeUpDays.length);
      for (const { date } of swapped) expect(isWorkingDay(date)).toBe(true);
      for (const { date } of holidays.makeUpDays) expect(weekdayOf(date)).toBe(SATURDAY);
      const dates = [...holidays.daysOff, ...holidays.makeUpDays].map((d) => d.date);
      expect(new Set(dates).size).toBe(dates.length);
    });
  });

  it('matches the Labour Code rules exactly in the years without swaps', () => {
    for (const year of [2016, 2017, 2018, 2020, 2021, 2022, 2023])
      expect(labourCodeHolidays(year).daysOff).toEqual(vietnamHolidays(year).daysOff);
  });

  it('differs from the Labour Code rules by the swaps alone from 2015 on', () => {
    for (const year of announcedYears.filter((y) => y >= 2015)) {
      const swaps = VIETNAM_HOLIDAY_TABLE.find((announced) => announced.year === year)?.swaps ?? [];
      const swapChanges = swaps.flatMap(({ dayOff, workOn }) => [`-${dayOff}`, `+${workOn}`]);
      const announcedWithoutSwaps = changesFromMondayToFriday(vietnamHolidays(year)).filter((change) => !swapChanges.includes(change));
      expect(announcedWithoutSwaps).toEqual(changesFromMondayToFriday(labourCodeHolidays(year)));
    }
  });

  it('2014 split Tết one day before mùng 1 and four after, where the rules take two and three', () => {
    const tet = (holidays: HolidayYear) => datesNamed(holidays, HOLIDAY_NAMES.lunarNewYear);
    expect(tet(vietnamHolidays(2014))).toEqual(['2014-01-30', '2014-01-31', '2014-02-01', '2014-02-02', '2014-02-03']);
    expect(tet(labourCodeHolidays(2014))).toEqual(['2014-01-29', '2014-01-30', '2014-01-31', '2014-02-01', '2014-02-02']);
  });

  it('has the days of the 2017 directive: Tết from 29 Tết (26/01) to mùng 5 (01/02), nghỉ bù on 02/05 and 04/09', () => {
    const daysOff = vietnamHolidays(2017).daysOff.map((d) => `${d.date} ${d.name}`);
    expect(daysOff).toEqual([
      '2017-01-01 Tết Dương lịch',
      '2017-01-02 Nghỉ bù Tết Dương lịch',
      '2017-01-26 Tết Nguyên đán',
      '2017-01-27 Tết Nguyên đán',
      '2017-01-28 Tết Nguyên đán',
      '2017-01-29 Tết Nguyên đán',
      '2017-01-30 Tết Nguyên đán',
      '2017-01-31 Nghỉ bù Tết Nguyên đán',
      '2017-02-01 Nghỉ bù Tết Nguyên đán',
      '2017-04-06 Giỗ Tổ Hùng Vương',
      '2017-04-30 Ngày Chiến thắng 30/4',
      '2017-05-01 Quốc tế Lao động 1/5',
      '2017-05-02 Nghỉ bù Ngày Chiến thắng 30/4',
      '2017-09-02 Quốc khánh 2/9',
      '2017-09-04 Nghỉ bù Quốc khánh 2/9',
    ]);
  });

  it('names a swap by its make-up Saturday, which may fall in the year before (2015)', () => {
    const holidays = vietnamHolidays(2015);
    expect(holidays.daysOff.find((d) => d.date === '2015-01-02')?.name).toBe(
      'Nghỉ hoán đổi dịp Tết Dương lịch (làm bù thứ Bảy 27/12/2014)',
    );
    expect(holidays.makeUpDays[0]).toEqual({ date: '2014-12-27', name: 'Làm bù cho ngày nghỉ hoán đổi 02/01/2015 dịp Tết Dương lịch' });
  });
});

describe('years outside the table', () => {
  it('are computed from the Labour Code and marked so', () => {
    expect(vietnamHolidays(2013).source).toBe('computed');
    expect(vietnamHolidays(2027).source).toBe('computed');
  });

  it('have two days of Quốc khánh from 2021: the day after a Thursday 2/9 (2027), the day before a Tuesday (2031)', () => {
    expect(datesNamed(vietnamHolidays(2027), HOLIDAY_NAMES.national)).toEqual(['2027-09-02', '2027-09-03']);
    expect(datesNamed(vietnamHolidays(2031), HOLIDAY_NAMES.national)).toEqual(['2031-09-01', '2031-09-02']);
  });

  it('take the last day of the year and four days of the new one when the last day is a Monday (2029: Monday 12/02)', () => {
    expect(datesNamed(vietnamHolidays(2029), HOLIDAY_NAMES.lunarNewYear)).toEqual([
      '2029-02-12',
      '2029-02-13',
      '2029-02-14',
      '2029-02-15',
      '2029-02-16',
    ]);
  });

  it('give nghỉ bù on the next free weekday: Tết 2027 (mùng 1 on Saturday 06/02)', () => {
    const daysOff = vietnamHolidays(2027).daysOff.filter((d) => d.date.startsWith('2027-02'));
    expect(daysOff.map((d) => `${d.date} ${d.reason}`)).toEqual([
      '2027-02-04 holiday',
      '2027-02-05 holiday',
      '2027-02-06 holiday',
      '2027-02-07 holiday',
      '2027-02-08 holiday',
      '2027-02-09 compensatory',
      '2027-02-10 compensatory',
    ]);
  });

  it('have four days of Tết (30 Tết to mùng 3) before the 2012 code, and no Giỗ Tổ before 2007', () => {
    expect(datesNamed(vietnamHolidays(2010), HOLIDAY_NAMES.lunarNewYear)).toEqual(['2010-02-13', '2010-02-14', '2010-02-15', '2010-02-16']);
    expect(vietnamHolidays(2006).hungKingsDay).toBeNull();
    expect(datesNamed(vietnamHolidays(2006), HOLIDAY_NAMES.hungKings)).toEqual([]);
    expect(vietnamHolidays(2007).hungKingsDay).toBe('2007-04-26');
  });

  it('never put two holidays on one date, from 2000 to 2199', () => {
    for (let year = SUPPORTED_HOLIDAY_YEARS.first; year <= SUPPORTED_HOLIDAY_YEARS.last; year++) {
      const dates = vietnamHolidays(year).daysOff.map((d) => d.date);
      expect(new Set(dates).size).toBe(dates.length);
    }
  });

  it.each([1999, 2200, 2017.5])('throw RangeError for %s', (year) => {
    expect(() => vietnamHolidays(year)).toThrow(RangeError);
  });
});
