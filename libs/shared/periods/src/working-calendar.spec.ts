import fc from 'fast-check';
import { addDays } from './dates';
import { CalendarAdjustment } from './calendar-adjustment';
import { DEFAULT_CALENDAR, WorkingCalendar } from './working-calendar';

const calendar = DEFAULT_CALENDAR;
const datesFrom = (first: string, count: number) => Array.from({ length: count }, (_, i) => addDays(first, i));

describe('the working calendar', () => {
  describe('Tết Đinh Dậu 2017 (Công văn 9794/VPCP-KGVX: 26/01 to 01/02)', () => {
    it('is off every day from 27/01 to 01/02', () => {
      for (const date of datesFrom('2017-01-27', 6)) expect(calendar.isWorkingDay(date)).toBe(false);
    });

    it('starts on 26/01 (29 Tết), as the announcement says', () => {
      expect(calendar.dayKind('2017-01-26')).toEqual({ working: false, reason: 'holiday', name: 'Tết Nguyên đán' });
      expect(calendar.isWorkingDay('2017-01-25')).toBe(true);
    });

    it('gives nghỉ bù on 31/01 and 01/02 for mùng 1 and mùng 2 on the weekend, and works again on Thursday 02/02', () => {
      expect(calendar.dayKind('2017-01-28')).toEqual({ working: false, reason: 'holiday', name: 'Tết Nguyên đán' });
      expect(calendar.dayKind('2017-01-31')).toEqual({ working: false, reason: 'compensatory', name: 'Nghỉ bù Tết Nguyên đán' });
      expect(calendar.dayKind('2017-02-02')).toEqual({ working: true, reason: 'weekday', name: null });
    });
  });

  it('is off on Giỗ Tổ Hùng Vương, 10/3 Đinh Dậu = 06/04/2017', () => {
    expect(calendar.dayKind('2017-04-06')).toEqual({ working: false, reason: 'holiday', name: 'Giỗ Tổ Hùng Vương' });
  });

  it('is off on 30/04/2017 (Sunday) and 01/05 (Monday), with nghỉ bù on Tuesday 02/05, and works on 03/05', () => {
    expect(calendar.dayKind('2017-04-30')).toEqual({ working: false, reason: 'holiday', name: 'Ngày Chiến thắng 30/4' });
    expect(calendar.dayKind('2017-05-01')).toEqual({ working: false, reason: 'holiday', name: 'Quốc tế Lao động 1/5' });
    expect(calendar.dayKind('2017-05-02')).toEqual({ working: false, reason: 'compensatory', name: 'Nghỉ bù Ngày Chiến thắng 30/4' });
    expect(calendar.isWorkingDay('2017-05-03')).toBe(true);
  });

  it('is off on 02/09/2017 (Saturday) with nghỉ bù on Monday 04/09, and works on 05/09', () => {
    expect(calendar.dayKind('2017-09-02')).toEqual({ working: false, reason: 'holiday', name: 'Quốc khánh 2/9' });
    expect(calendar.dayKind('2017-09-03')).toEqual({ working: false, reason: 'weekend', name: null });
    expect(calendar.dayKind('2017-09-04')).toEqual({ working: false, reason: 'compensatory', name: 'Nghỉ bù Quốc khánh 2/9' });
    expect(calendar.isWorkingDay('2017-09-05')).toBe(true);
  });

  it('is off two days for Quốc khánh from 2021: Thursday 02/09 and Friday 03/09/2021', () => {
    expect(datesFrom('2021-09-01', 6).map((date) => calendar.isWorkingDay(date))).toEqual([true, false, false, false, false, true]);
    expect(calendar.dayKind('2021-09-03').name).toBe('Quốc khánh 2/9');
  });

  describe('official swaps (Thông báo 3238/TB-LĐTBXH for 2019)', () => {
    it('work on Saturday 05/01/2019 for Monday 31/12/2018, off across the New Year', () => {
      expect(calendar.dayKind('2018-12-31')).toEqual({
        working: false,
        reason: 'swappedDayOff',
        name: 'Nghỉ hoán đổi dịp Tết Dương lịch (làm bù thứ Bảy 05/01/2019)',
      });
      expect(calendar.dayKind('2019-01-05')).toEqual({
        working: true,
        reason: 'makeUpDay',
        name: 'Làm bù cho ngày nghỉ hoán đổi 31/12/2018 dịp Tết Dương lịch',
      });
    });

    it('count the make-up Saturday 04/05/2019 as a working day', () => {
      expect(calendar.isWorkingDay('2019-04-29')).toBe(false);
      expect(calendar.addWorkingDays('2019-05-03', 1)).toBe('2019-05-04');
      expect(calendar.workingDaysAfter('2019-04-26', '2019-05-06')).toBe(4); // 02/05, 03/05, Saturday 04/05, 06/05
    });

    it('are listed by the year they fall in', () => {
      expect(calendar.makeUpDays(2019).map((d) => d.date)).toEqual(['2019-01-05', '2019-05-04']);
      expect(calendar.makeUpDays(2014).map((d) => d.date)).toEqual(['2014-01-25', '2014-02-08', '2014-04-26', '2014-09-06', '2014-12-27']);
      expect(calendar.daysOff(2018).at(-1)).toEqual({
        date: '2018-12-31',
        reason: 'swappedDayOff',
        name: expect.stringContaining('05/01/2019'),
      });
    });
  });

  it('lists the days off of 2017: holidays (on weekends too) and nghỉ bù', () => {
    expect(calendar.daysOff(2017).map((d) => `${d.date} ${d.reason}`)).toEqual([
      '2017-01-01 holiday',
      '2017-01-02 compensatory',
      '2017-01-26 holiday',
      '2017-01-27 holiday',
      '2017-01-28 holiday',
      '2017-01-29 holiday',
      '2017-01-30 holiday',
      '2017-01-31 compensatory',
      '2017-02-01 compensatory',
      '2017-04-06 holiday',
      '2017-04-30 holiday',
      '2017-05-01 holiday',
      '2017-05-02 compensatory',
      '2017-09-02 holiday',
      '2017-09-04 compensatory',
    ]);
    expect(calendar.makeUpDays(2017)).toEqual([]);
  });

  describe('adjustments', () => {
    const makeUpSaturday: CalendarAdjustment = { date: '2017-03-04', kind: 'workingDay', name: 'Làm bù theo quyết định của UBND tỉnh' };
    const provincialDayOff: CalendarAdjustment = { date: '2017-03-06', kind: 'dayOff', name: 'Nghỉ theo quyết định của UBND tỉnh' };

    it('make a Saturday a working day that addWorkingDays and workingDaysAfter count', () => {
      const adjusted = new WorkingCalendar([makeUpSaturday]);
      expect(adjusted.dayKind('2017-03-04')).toEqual({ working: true, reason: 'makeUpDay', name: makeUpSaturday.name });
      expect(adjusted.addWorkingDays('2017-03-03', 1)).toBe('2017-03-04');
      expect(calendar.addWorkingDays('2017-03-03', 1)).toBe('2017-03-06');
      expect(adjusted.workingDaysAfter('2017-03-03', '2017-03-06')).toBe(2);
      expect(adjusted.makeUpDays(2017)).toEqual([{ date: '2017-03-04', reason: 'makeUpDay', name: makeUpSaturday.name }]);
    });

    it('make a weekday an extra day off', () => {
      const adjusted = new WorkingCalendar([provincialDayOff]);
      expect(adjusted.dayKind('2017-03-06')).toEqual({ working: false, reason: 'extraDayOff', name: provincialDayOff.name });
      expect(adjusted.addWorkingDays('2017-03-03', 1)).toBe('2017-03-07');
      expect(adjusted.workingDaysAfter('2017-03-03', '2017-03-07')).toBe(1);
      expect(adjusted.daysOff(2017)).toContainEqual({ date: '2017-03-06', reason: 'extraDayOff', name: provincialDayOff.name });
    });

    it('can make a holiday a working day', () => {
      const adjusted = new WorkingCalendar([{ date: '2017-01-30', kind: 'workingDay', name: 'Trực Tết' }]);
      expect(adjusted.dayKind('2017-01-30')).toEqual({ working: true, reason: 'makeUpDay', name: 'Trực Tết' });
    });

    it('leave a day as it is when they already hold: a day off stays a holiday, a working day a weekday', () => {
      const adjusted = new WorkingCalendar([
        { date: '2017-01-30', kind: 'dayOff', name: 'Nghỉ' },
        { date: '2017-03-07', kind: 'workingDay', name: 'Làm việc' },
      ]);
      expect(adjusted.dayKind('2017-01-30').reason).toBe('holiday');
      expect(adjusted.dayKind('2017-03-07').reason).toBe('weekday');
    });

    it('let the last recorded adjustment of a date win', () => {
      const cancelled = new WorkingCalendar([provincialDayOff, { ...provincialDayOff, kind: 'workingDay', name: 'Hủy nghỉ' }]);
      expect(cancelled.isWorkingDay('2017-03-06')).toBe(true);
      const reinstated = new WorkingCalendar([{ ...provincialDayOff, kind: 'workingDay' }, provincialDayOff]);
      expect(reinstated.isWorkingDay('2017-03-06')).toBe(false);
    });

    it('are checked: a bad date or kind throws RangeError', () => {
      expect(() => new WorkingCalendar([{ ...makeUpSaturday, date: '2017-02-30' }])).toThrow(RangeError);
      expect(() => new WorkingCalendar([{ ...makeUpSaturday, kind: 'holiday' as CalendarAdjustment['kind'] }])).toThrow(RangeError);
    });
  });

  describe('workingDaysAfter', () => {
    it('counts 2 working days after 25/01/2017 up to 03/02/2017 across Tết (02/02 and 03/02)', () => {
      expect(calendar.workingDaysAfter('2017-01-25', '2017-02-03')).toBe(2);
    });

    it.each([
      ['2017-01-25', '2017-01-25', 0],
      ['2017-02-03', '2017-01-25', 0],
      ['2017-01-24', '2017-01-25', 1],
      ['2016-12-30', '2017-01-03', 1], // 31/12 and 01/01 a weekend, 02/01 nghỉ bù, 03/01 working
      ['2017-01-01', '2017-12-31', 250], // 260 weekdays less 10 weekdays off
    ])('from %s to %s: %i', (from, to, expected) => {
      expect(calendar.workingDaysAfter(from, to)).toBe(expected);
    });

    it('agrees with a day-by-day count over random spans and adjustments', () => {
      const dateBetween = (first: string, days: number) => fc.integer({ min: 0, max: days }).map((n) => addDays(first, n));
      const adjustment = fc.record({
        date: dateBetween('2013-01-01', 15 * 366),
        kind: fc.constantFrom<CalendarAdjustment['kind']>('workingDay', 'dayOff'),
        name: fc.constant('Điều chỉnh'),
      });
      fc.assert(
        fc.property(
          fc.array(adjustment, { maxLength: 30 }),
          dateBetween('2013-06-01', 12 * 366),
          fc.integer({ min: -30, max: 800 }),
          (adjustments, from, span) => {
            const adjusted = new WorkingCalendar(adjustments);
            const to = addDays(from, span);
            let walked = 0;
            for (let date = addDays(from, 1); date <= to; date = addDays(date, 1)) if (adjusted.isWorkingDay(date)) walked++;
            expect(adjusted.workingDaysAfter(from, to)).toBe(walked);
          },
        ),
        { numRuns: 200 },
      );
    });

    it('takes well under a millisecond for a ten-year span', () => {
      calendar.workingDaysAfter('2015-03-01', '2025-03-01');
      const runs = 1000;
      const started = performance.now();
      for (let i = 0; i < runs; i++) calendar.workingDaysAfter(addDays('2015-03-01', i % 300), '2025-03-01');
      expect((performance.now() - started) / runs).toBeLessThan(0.5);
    });
  });

  describe('addWorkingDays', () => {
    it('lands on Monday 06/02/2017 for 3 working days after 25/01/2017: Tết is off to 01/02, then Thursday 02/02, Friday 03/02, the weekend, Monday 06/02', () => {
      expect(calendar.addWorkingDays('2017-01-25', 3)).toBe('2017-02-06');
    });

    it('returns the date itself for n = 0 if it is a working day, else the next working day', () => {
      expect(calendar.addWorkingDays('2017-01-25', 0)).toBe('2017-01-25');
      expect(calendar.addWorkingDays('2017-01-26', 0)).toBe('2017-02-02');
      expect(calendar.nextWorkingDay('2017-04-29')).toBe('2017-05-03');
      expect(calendar.nextWorkingDay('2017-05-03')).toBe('2017-05-03');
    });

    it('is the inverse of workingDaysAfter', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 10 * 366 }), fc.integer({ min: 1, max: 500 }), (offset, n) => {
          const from = addDays('2014-01-01', offset);
          const to = calendar.addWorkingDays(from, n);
          expect(calendar.isWorkingDay(to)).toBe(true);
          expect(calendar.workingDaysAfter(from, to)).toBe(n);
        }),
      );
    });

    it.each([-1, 1.5, Number.NaN])('throws RangeError for n = %s', (n) => {
      expect(() => calendar.addWorkingDays('2017-01-25', n)).toThrow(RangeError);
    });
  });

  it.each(['2017-02-30', '26/01/2017', ''])('throws RangeError for the malformed date %j', (date) => {
    expect(() => calendar.isWorkingDay(date)).toThrow(RangeError);
    expect(() => calendar.workingDaysAfter('2017-01-01', date)).toThrow(RangeError);
    expect(() => calendar.workingDaysAfter(date, '2017-01-01')).toThrow(RangeError);
  });

  it('throws RangeError outside the years it has holidays for (2000–2199)', () => {
    expect(() => calendar.isWorkingDay('1999-12-31')).toThrow(RangeError);
    expect(() => calendar.workingDaysAfter('1999-06-01', '2017-01-01')).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2199-12-31', 1)).toThrow(RangeError);
    expect(() => calendar.daysOff(2200)).toThrow(RangeError);
  });
});
