import { ValidationError } from '@dm/eventsourcing';
import { parsePeriod, PeriodCalendar } from './period';

describe('parsePeriod', () => {
  it.each<[string, PeriodCalendar, string, string, string, string]>([
    // text, calendar, canonical, kind, from, to
    ['2017-01', 'decree09', '2017-01', 'month', '2016-12-15', '2017-01-14'],
    ['2017-03', 'decree09', '2017-03', 'month', '2017-02-15', '2017-03-14'],
    ['2017-12', 'decree09', '2017-12', 'month', '2017-11-15', '2017-12-14'],
    ['2017-Q1', 'decree09', '2017-Q1', 'quarter', '2016-12-15', '2017-03-14'],
    ['2024-Q1', 'decree09', '2024-Q1', 'quarter', '2023-12-15', '2024-03-14'],
    ['2017-Q2', 'decree09', '2017-Q2', 'quarter', '2017-03-15', '2017-06-14'],
    ['2017-Q3', 'decree09', '2017-Q3', 'quarter', '2017-06-15', '2017-09-14'],
    ['2017-Q4', 'decree09', '2017-Q4', 'quarter', '2017-09-15', '2017-12-14'],
    ['2017-H1', 'decree09', '2017-H1', 'half-year', '2016-12-15', '2017-06-14'],
    ['2017-H2', 'decree09', '2017-H2', 'half-year', '2017-06-15', '2017-12-14'],
    ['2017-M9', 'decree09', '2017-M9', 'nine-months', '2016-12-15', '2017-09-14'],
    ['2017', 'decree09', '2017', 'year', '2016-12-15', '2017-12-14'],
    ['2017-01', 'calendar', '2017-01', 'month', '2017-01-01', '2017-01-31'],
    ['2017-02', 'calendar', '2017-02', 'month', '2017-02-01', '2017-02-28'],
    ['2016-02', 'calendar', '2016-02', 'month', '2016-02-01', '2016-02-29'],
    ['2000-02', 'calendar', '2000-02', 'month', '2000-02-01', '2000-02-29'],
    ['1900-02', 'calendar', '1900-02', 'month', '1900-02-01', '1900-02-28'],
    ['2017-04', 'calendar', '2017-04', 'month', '2017-04-01', '2017-04-30'],
    ['2017-Q1', 'calendar', '2017-Q1', 'quarter', '2017-01-01', '2017-03-31'],
    ['2017-Q2', 'calendar', '2017-Q2', 'quarter', '2017-04-01', '2017-06-30'],
    ['2017-Q3', 'calendar', '2017-Q3', 'quarter', '2017-07-01', '2017-09-30'],
    ['2017-Q4', 'calendar', '2017-Q4', 'quarter', '2017-10-01', '2017-12-31'],
    ['2017-H1', 'calendar', '2017-H1', 'half-year', '2017-01-01', '2017-06-30'],
    ['2017-H2', 'calendar', '2017-H2', 'half-year', '2017-07-01', '2017-12-31'],
    ['2017-M9', 'calendar', '2017-M9', 'nine-months', '2017-01-01', '2017-09-30'],
    ['2017', 'calendar', '2017', 'year', '2017-01-01', '2017-12-31'],
    ['2017-q1', 'calendar', '2017-Q1', 'quarter', '2017-01-01', '2017-03-31'],
  ])('%s (%s) → %s %s %s..%s', (text, calendar, period, kind, from, to) => {
    expect(parsePeriod(text, calendar)).toEqual({ period, kind, calendar, from, to });
  });

  it.each([
    '',
    '17',
    '2017-',
    '2017-Q0',
    '2017-Q5',
    '2017-H3',
    '2017-M6',
    '2017-00',
    '2017-13',
    '2017-1',
    '2017-W1',
    '0000',
    'abcd',
    '2017-01-01',
  ])('rejects %j with field period', (text) => {
    expect(() => parsePeriod(text, 'decree09')).toThrow(expect.objectContaining({ kind: 'invalid', field: 'period' }));
  });

  it('rejects an unknown calendar with field calendar', () => {
    let caught: unknown;
    try {
      parsePeriod('2017', 'gregorian' as PeriodCalendar);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    expect(caught).toMatchObject({ kind: 'invalid', field: 'calendar' });
  });
});
