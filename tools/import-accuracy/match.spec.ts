import {
  agencyMatches,
  deadlineOutcome,
  isGeneric,
  matchTasks,
  normalizeNumber,
  sameName,
  scoreAgencies,
  textOverlap,
  type ExpectedTask,
  type FoundTask,
} from './match';
import { addOcrNoise, seedOf } from './ocr-noise';

const found = (over: Partial<FoundTask>): FoundTask => ({
  number: '1',
  text: '',
  lead: [],
  coordinating: [],
  deadline: null,
  deadlineText: null,
  recurring: null,
  reportDuty: null,
  ...over,
});
const expected = (over: Partial<ExpectedTask>): ExpectedTask => ({
  number: '1',
  text: '',
  lead: [],
  coordinating: [],
  deadline: null,
  ...over,
});

describe('import accuracy: matching rules', () => {
  it('compares task numbers without brackets, trailing dots, spaces or diacritics', () => {
    expect(normalizeNumber('II.1.a)')).toBe('ii.1.a');
    expect(normalizeNumber(' 3. ')).toBe('3');
    expect(normalizeNumber('4.đ')).toBe('4.d');
    expect(normalizeNumber(null)).toBe('');
  });

  it('measures text overlap on the expected text’s first twelve words, past diacritic slips', () => {
    expect(textOverlap('Giao Sở Tài nguyên và Môi trường chủ trì', 'Giao So Tai nguyen va Moi truong chu tri, phoi hop')).toBe(1);
    expect(textOverlap('Tăng cường kiểm tra', 'Một việc khác hẳn')).toBe(0);
  });

  it('pairs tasks by a unique number, then the rest by text, one to one', () => {
    const e = [
      expected({ number: '1', text: 'Rà soát kế hoạch thanh tra năm 2016' }),
      expected({ number: 'II.1.a-2', text: 'Chủ trì, phối hợp với Bộ Kế hoạch và Đầu tư đề xuất chính sách tín dụng' }),
      expected({ number: '3', text: 'Tổng kết công tác thanh tra cuối năm' }),
    ];
    const f = [
      found({ number: '1', text: 'Rà soát kế hoạch thanh tra năm 2016 để bổ sung' }),
      found({ number: 'a', text: 'Chủ trì, phối hợp với Bộ Kế hoạch và Đầu tư, Bộ Tài chính đề xuất chính sách tín dụng phù hợp' }),
      found({ number: '9', text: 'Một việc không có trong văn bản' }),
    ];
    expect(matchTasks(e, f)).toEqual([
      { expected: 0, found: 0, by: 'number' },
      { expected: 1, found: 1, by: 'text' },
    ]);
  });

  it('does not pair equal numbers whose texts plainly differ (sub-items numbered another way)', () => {
    const e = [expected({ number: '2', text: 'Bộ Tài chính trình Chính phủ nghị định gia hạn nộp thuế' })];
    const f = [found({ number: '2', text: 'Tập trung thực hiện nhiệm vụ kép phòng chống dịch' })];
    expect(matchTasks(e, f)).toEqual([]);
  });

  it('matches agency names folded, past a leading title and small differences in length', () => {
    expect(sameName('Sở Nông nghiệp và Phát triển Nông thôn', 'So Nong nghiep va Phat trien nong thon')).toBe(true);
    expect(sameName('Trung tâm Y tế huyện', 'Giám đốc Trung tâm Y tế huyện')).toBe(true);
    expect(sameName('Bộ Tài chính', 'Bộ Tài chính, Bộ Kế hoạch và Đầu tư')).toBe(false);
    expect(sameName('Sở Y tế', 'Bộ Y tế')).toBe(false);
  });

  it('matches an agency by registry id where the expected answer has one, else by name or alias', () => {
    expect(agencyMatches({ name: 'Bộ Tài chính', id: 'bo-tc' }, { text: 'BTC', agencyId: 'bo-tc' })).toBe(true);
    expect(agencyMatches({ name: 'Bộ Tài chính', id: 'bo-tc' }, { text: 'Bộ Tài chính', agencyId: null })).toBe(true);
    expect(agencyMatches({ name: 'Cục Thuế các tỉnh', aliases: ['Các Cục Thuế'] }, { text: 'các Cục thuế', agencyId: null })).toBe(true);
    expect(agencyMatches({ id: 'so-ldtbxh' }, { text: 'Sở Lao động', agencyId: 'so-nv' })).toBe(false);
  });

  it('leaves generic phrases out of the agency counts', () => {
    expect(isGeneric('các cơ quan liên quan')).toBe(true);
    expect(isGeneric('các đơn vị, địa phương liên quan')).toBe(true);
    expect(isGeneric('các Bộ, ngành liên quan')).toBe(true);
    expect(isGeneric('Sở Tài chính')).toBe(false);
    expect(isGeneric('các sở, ban, ngành, đoàn thể tỉnh')).toBe(false);
    const counts = scoreAgencies(
      [{ name: 'Bộ Kế hoạch và Đầu tư', id: 'bo-khdt' }, { name: 'Bộ Xây dựng' }],
      [
        { text: 'Bộ Kế hoạch và Đầu tư', agencyId: 'bo-khdt' },
        { text: 'các cơ quan liên quan', agencyId: null },
        { text: 'Bộ Công an', agencyId: null },
      ],
    );
    expect(counts).toMatchObject({ tp: 1, fp: 1, fn: 1, missed: ['Bộ Xây dựng'], extra: ['Bộ Công an'] });
  });

  it('scores a deadline by date or recurring kind, and calls one set where the text sets none invented', () => {
    const date = { date: '2020-03-31', recurring: null, text: 'trong tháng 3 năm 2020' };
    expect(deadlineOutcome(date, found({ deadline: '2020-03-31' }))).toBe('right');
    expect(deadlineOutcome(date, found({ deadline: '2020-03-15' }))).toBe('wrong');
    expect(deadlineOutcome(date, found({ reportDuty: 'báo cáo Thủ tướng Chính phủ trong tháng 3 năm 2020' }))).toBe('missed');
    const monthly = { date: null, recurring: 'month' as const, text: 'hàng tháng' };
    expect(deadlineOutcome(monthly, found({ recurring: { every: 'month' } }))).toBe('right');
    expect(
      deadlineOutcome(
        { date: null, recurring: 'continuous', text: 'Thường xuyên' },
        found({ recurring: { every: 'month', continuous: true } }),
      ),
    ).toBe('right');
    expect(deadlineOutcome(null, found({ deadline: '2020-06-30' }))).toBe('invented');
    expect(deadlineOutcome(null, found({}))).toBe('none-kept');
  });
});

describe('import accuracy: OCR-like noise', () => {
  const text =
    'Giao Sở Tài nguyên và Môi trường chủ trì, phối hợp với Sở Nông nghiệp và Phát triển nông thôn\nhoàn thành trước ngày 10/12/2023./.';

  it('is the same for the same seed and leaves digits alone', () => {
    const a = addOcrNoise(text, seedOf('x'), { slip: 0.5, strayDot: 1, lineBreak: 1 });
    expect(addOcrNoise(text, seedOf('x'), { slip: 0.5, strayDot: 1, lineBreak: 1 })).toBe(a);
    expect(a).not.toBe(text);
    expect(a).toContain('10/12/2023');
    expect(a.split('\n').length).toBeGreaterThan(2);
  });

  it('changes only diacritics, line ends and line breaks: folded, the words are the same', () => {
    const words = (s: string) =>
      s
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .replace(/[đĐ]/g, 'd')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, ' ')
        .trim();
    expect(words(addOcrNoise(text, 7, { slip: 0.5, strayDot: 1, lineBreak: 1 }))).toBe(words(text));
  });
});

describe('import accuracy: pairing ties', () => {
  it('gives a found task to the expected one sharing more of its whole text when both open alike', () => {
    const e = [
      expected({ number: 'II.5.c-1', text: 'Chủ trì, phối hợp với các Bộ: Kế hoạch và Đầu tư nghiên cứu chuyển đổi hình thức đầu tư' }),
      expected({ number: 'III.3', text: 'Chủ trì, phối hợp với các Bộ: Kế hoạch và Đầu tư theo dõi, đôn đốc, tổng hợp' }),
    ];
    const f = [found({ number: '3', text: 'Chủ trì, phối hợp với các Bộ: Kế hoạch và Đầu tư theo dõi, đôn đốc, tổng hợp tình hình' })];
    expect(matchTasks(e, f)).toEqual([{ expected: 1, found: 0, by: 'text' }]);
  });
});
