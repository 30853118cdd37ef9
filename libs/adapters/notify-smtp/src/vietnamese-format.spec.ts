import { kindLabel, vietnameseDate, vietnamesePeriod } from './vietnamese-format';

describe('Vietnamese formats', () => {
  it('writes a date as dd/mm/yyyy', () => {
    expect(vietnameseDate('2017-03-31')).toBe('31/03/2017');
    expect(vietnameseDate('2017-02-01')).toBe('01/02/2017');
    expect(vietnameseDate('soon')).toBe('soon');
  });

  it('names a period as an official reads it', () => {
    expect(['2017-Q1', '2017-Q4', '2017-H1', '2017-H2', '2017-M9', '2017-03', '2017', 'other'].map(vietnamesePeriod)).toEqual([
      'Quý I/2017',
      'Quý IV/2017',
      '6 tháng đầu năm 2017',
      '6 tháng cuối năm 2017',
      '9 tháng năm 2017',
      'Tháng 03/2017',
      'Năm 2017',
      'other',
    ]);
  });

  it('labels each kind of reminder', () => {
    expect(kindLabel('overdue')).toBe('Quá hạn');
    expect(kindLabel('periodicMissing')).toBe('Chưa gửi báo cáo');
  });
});
