import { formatRate, rollupBars, statusData } from './chart-data';
import { contrastRatio } from './contrast';

const counts = {
  completedOnTime: 15,
  completedLate: 0,
  inProgressWithinDeadline: 1,
  overdue: 3,
  noDeadline: 222,
  completedWithoutDeadline: 15,
  extendedAfterDue: 0,
  total: 241,
};

describe('chart data', () => {
  it('gives each non-empty official status its words, count and a colour visible on white', () => {
    const data = statusData(counts, 'vi');
    expect(data.map((d) => [d.status, d.count])).toEqual([
      ['completedOnTime', 15],
      ['inProgressWithinDeadline', 1],
      ['overdue', 3],
      ['noDeadline', 222],
    ]);
    expect(data[2].label).toBe('Quá hạn chưa hoàn thành');
    for (const d of data) expect(contrastRatio(d.fill, '#ffffff')).toBeGreaterThanOrEqual(3);
  });

  it('makes a stacked bar of each row with something counted', () => {
    const bars = rollupBars([
      { id: 'ubnd-huyen', name: 'UBND các huyện', counts },
      { id: 'empty', name: 'Trống', counts: { ...counts, total: 0 } },
    ]);
    expect(bars).toEqual([
      {
        id: 'ubnd-huyen',
        name: 'UBND các huyện',
        completedOnTime: 15,
        completedLate: 0,
        inProgressWithinDeadline: 1,
        overdue: 3,
        noDeadline: 222,
      },
    ]);
  });

  it('writes a rate with what it divides, in the language’s number format', () => {
    expect(formatRate({ numerator: 3, denominator: 5, value: 0.6 }, 'vi')).toBe('3/5 (60%)');
    expect(formatRate({ numerator: 2, denominator: 3, value: 0.6667 }, 'en')).toBe('2/3 (66.7%)');
    expect(formatRate({ numerator: 0, denominator: 0, value: null }, 'vi')).toBe('—');
  });
});
