import { addDays, daysBetween, isIsoDate, startOfVietnamDay, toDayNumber, vietnamDate } from './dates';

describe('isIsoDate', () => {
  it.each(['2017-02-10', '2016-02-29', '2000-02-29', '2017-12-31', '0001-01-01'])('accepts %s', (s) => {
    expect(isIsoDate(s)).toBe(true);
  });
  it.each([
    '2017-02-30',
    '2017-02-29',
    '1900-02-29',
    '2017-04-31',
    '2017-13-01',
    '2017-00-10',
    '2017-01-00',
    '2017-1-01',
    '20170101',
    '2017-01-01T00:00:00Z',
    ' 2017-01-01',
    '',
    null,
    20170101,
  ])('rejects %j', (s) => {
    expect(isIsoDate(s)).toBe(false);
  });
});

describe('addDays / daysBetween', () => {
  it.each([
    ['2017-02-28', 1, '2017-03-01'],
    ['2016-02-28', 1, '2016-02-29'],
    ['2016-12-31', 1, '2017-01-01'],
    ['2017-01-01', -1, '2016-12-31'],
    ['2017-03-26', 1, '2017-03-27'], // a European DST night changes nothing
    ['2017-02-10', 90, '2017-05-11'],
    ['2017-02-10', 0, '2017-02-10'],
  ])('%s + %d = %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
    expect(daysBetween(date, expected)).toBe(n);
  });

  it('counts a leap year', () => {
    expect(daysBetween('2016-01-01', '2017-01-01')).toBe(366);
    expect(daysBetween('2017-01-01', '2016-01-01')).toBe(-366);
  });

  it('refuses bad input', () => {
    expect(() => addDays('2017-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2017-02-01', 1.5)).toThrow(RangeError);
    expect(() => daysBetween('2017-02-01', 'x')).toThrow(RangeError);
  });
});

describe('vietnamDate', () => {
  it.each([
    ['2017-02-09T16:59:59.999Z', '2017-02-09'],
    ['2017-02-09T17:00:00.000Z', '2017-02-10'],
    ['2017-02-10T15:47:44+07:00', '2017-02-10'],
    ['2016-12-31T17:00:00Z', '2017-01-01'],
    ['2017-02-10T23:30:00-05:00', '2017-02-11'],
  ])('%s is %s in Ho Chi Minh City', (instant, expected) => {
    expect(vietnamDate(new Date(instant))).toBe(expected);
  });

  it('refuses an invalid instant', () => {
    expect(() => vietnamDate(new Date('nope'))).toThrow(RangeError);
  });
});

describe('startOfVietnamDay', () => {
  it('is midnight at +07:00, which is 17:00 UTC the day before', () => {
    const start = startOfVietnamDay('2017-02-10');
    expect(start).toBe('2017-02-10T00:00:00+07:00');
    expect(new Date(start).toISOString()).toBe('2017-02-09T17:00:00.000Z');
    expect(vietnamDate(new Date(start))).toBe('2017-02-10');
  });
  it('refuses a bad date', () => {
    expect(() => startOfVietnamDay('2017-02-30')).toThrow(RangeError);
  });
});

describe('toDayNumber', () => {
  it('counts days from 1970-01-01 as Date does, across leap years, centuries and before 1970', () => {
    for (const date of ['1970-01-01', '1969-12-31', '1900-03-01', '2000-02-29', '2017-02-10', '2100-12-31', '1600-02-29', '2024-03-01'])
      expect([date, toDayNumber(date)]).toEqual([
        date,
        Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / 86_400_000,
      ]);
    expect(() => toDayNumber('2017-02-30')).toThrow(RangeError);
  });
});
