import { vietnamesePeriodName } from './period-name';
import { formatDecimal, formatInteger, formatPercent, formatUtcTime, placeAndDateLine } from './vietnamese-format';

describe('vietnamesePeriodName', () => {
  it.each([
    ['2017', 'Năm 2017'],
    ['2017-Q1', 'Quý I năm 2017'],
    ['2017-Q2', 'Quý II năm 2017'],
    ['2017-Q3', 'Quý III năm 2017'],
    ['2017-Q4', 'Quý IV năm 2017'],
    ['2017-H1', '6 tháng đầu năm 2017'],
    ['2017-H2', '6 tháng cuối năm 2017'],
    ['2017-M9', '9 tháng đầu năm 2017'],
    ['2017-01', 'Tháng 01 năm 2017'],
    ['2017-02', 'Tháng 02 năm 2017'],
    ['2017-03', 'Tháng 3 năm 2017'],
    ['2017-12', 'Tháng 12 năm 2017'],
    ['2017-q1', 'Quý I năm 2017'],
  ])('%s → %s', (period, name) => {
    expect(vietnamesePeriodName(period)).toBe(name);
  });

  it.each(['2017-13', '2017-Q5', 'quý 1', ''])('leaves %j, which is no period, as it is', (text) => {
    expect(vietnamesePeriodName(text)).toBe(text);
  });
});

describe('placeAndDateLine (Decree 30/2020/NĐ-CP: a zero before days under 10 and months 1 and 2)', () => {
  it.each([
    ['2017-04-05', 'Thanh Hóa, ngày 05 tháng 4 năm 2017'],
    ['2017-02-14', 'Thanh Hóa, ngày 14 tháng 02 năm 2017'],
    ['2017-01-01', 'Thanh Hóa, ngày 01 tháng 01 năm 2017'],
    ['2017-12-31', 'Thanh Hóa, ngày 31 tháng 12 năm 2017'],
  ])('%s → %s', (date, line) => {
    expect(placeAndDateLine('Thanh Hóa', date)).toBe(line);
  });
});

describe('Vietnamese numbers and times', () => {
  it('groups thousands with a dot and writes decimals with a comma', () => {
    expect(formatInteger(10_000)).toBe('10.000');
    expect(formatInteger(1_234_567)).toBe('1.234.567');
    expect(formatInteger(999)).toBe('999');
    expect(formatDecimal(12.5)).toBe('12,5');
    expect(formatDecimal(100)).toBe('100');
    expect(formatPercent(0.6667)).toBe('66,67');
    expect(formatPercent(1)).toBe('100,00');
  });

  it('writes a record time in UTC', () => {
    expect(formatUtcTime('2017-04-05T10:00:00+07:00')).toBe('05/04/2017 03:00:00');
  });
});
