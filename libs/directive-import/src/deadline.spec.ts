import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { growthRatio } from '@dm/testing';
import { DeadlinePhrase, deadlinePhrases, taskDeadline } from './deadline';

/** The seed letter is dated 10/02/2017 (a Friday); most cases are read as if issued that day. */
const ISSUED = '2017-02-10';

/** The one phrase a text holds, checked to sit at its offsets. */
function only(text: string, issuedOn: string | null = ISSUED): DeadlinePhrase {
  const found = deadlinePhrases(text, issuedOn);
  expect(found.map((p) => p.text)).toHaveLength(1);
  expect(text.slice(found[0].start, found[0].end)).toBe(found[0].text);
  return found[0];
}

describe('deadlinePhrases', () => {
  describe('given an exact date', () => {
    it.each([
      ['Hoàn thành trước ngày 15/12/2017.', 'trước ngày 15/12/2017', '2017-12-15'],
      ['Sở Y tế xong trước 15/12/2017', 'trước 15/12/2017', '2017-12-15'],
      ['chậm nhất ngày 15-12-2017', 'chậm nhất ngày 15-12-2017', '2017-12-15'],
      ['chậm nhất là ngày 05/01/2018', 'chậm nhất là ngày 05/01/2018', '2018-01-05'],
      ['hoàn thành trong ngày 30/6/2027', 'trong ngày 30/6/2027', '2027-06-30'],
      ['trình UBND tỉnh trước ngày 15 tháng 12 năm 2017', 'trước ngày 15 tháng 12 năm 2017', '2017-12-15'],
      ['thực hiện đến hết ngày 31/12/2017', 'đến hết ngày 31/12/2017', '2017-12-31'],
      ['trước ngày 15.12.2017', 'trước ngày 15.12.2017', '2017-12-15'],
      ['trước 5/1/2018', 'trước 5/1/2018', '2018-01-05'],
      ['Thời hạn hoàn thành: 30/6/2027', 'Thời hạn hoàn thành: 30/6/2027', '2027-06-30'],
      ['Hạn chót 15/12/2017', 'Hạn chót 15/12/2017', '2017-12-15'],
      ['không quá ngày 15/12/2017', 'không quá ngày 15/12/2017', '2017-12-15'],
      ['thực hiện từ ngày 01/3 đến ngày 30/4/2027', 'đến ngày 30/4/2027', '2027-04-30'],
      ['trước 31/12/2026', 'trước 31/12/2026', '2026-12-31'],
    ])('when "%s" is read, then "%s" sets %s', (text, phrase, date) => {
      const found = only(text);
      expect(found).toMatchObject({ text: phrase, date, recurring: null, report: false, kind: 'date' });
      expect(found.confidence).toBeGreaterThanOrEqual(0.85);
    });

    it('when the year has two digits, then it is read in this century, a little less surely', () => {
      const found = only('trước ngày 15/12/17');
      expect(found.date).toBe('2017-12-15');
      expect(found.confidence).toBeLessThan(only('trước ngày 15/12/2017').confidence);
    });

    it('when it follows "vào ngày", then it is an event date read with moderate confidence', () => {
      const found = only('tổ chức Hội nghị vào ngày 15/12/2017');
      expect(found).toMatchObject({ text: 'vào ngày 15/12/2017', date: '2017-12-15' });
      expect(found.confidence).toBeLessThanOrEqual(0.6);
    });

    it('when the date falls before the issue date, then the confidence is halved and the reviewer told', () => {
      const found = only('hoàn thành trước ngày 15/12/2016');
      expect(found.date).toBe('2016-12-15');
      expect(found.confidence).toBeLessThan(0.5);
      expect(found.note).toBe('before the issue date');
    });
  });

  describe('given a date without its year', () => {
    it.each([
      ['trước ngày 15/12', '2017-02-10', '2017-12-15'],
      ['trước ngày 15/12', '2017-12-20', '2018-12-15'],
      ['trước ngày 15/12', '2017-12-15', '2017-12-15'],
      ['xong trước 31/3', '2017-02-10', '2017-03-31'],
      ['trước ngày 29/02', '2019-03-01', '2020-02-29'],
    ])('when "%s" is read in a directive of %s, then it is the next %s', (text, issuedOn, date) => {
      const found = only(text, issuedOn);
      expect(found.date).toBe(date);
      expect(found.confidence).toBeLessThanOrEqual(0.75);
      expect(found.note).toBe('year taken from the issue date');
    });

    it('when the issue date is unknown, then no date is set and the phrase is kept', () => {
      const found = only('trước ngày 15/12', null);
      expect(found).toMatchObject({ text: 'trước ngày 15/12', date: null });
      expect(found.confidence).toBeLessThanOrEqual(0.4);
    });
  });

  describe('given a month, quarter, half or year', () => {
    it.each([
      ['triển khai trong tháng 12 năm 2025', 'trong tháng 12 năm 2025', '2025-12-31'],
      ['trong tháng 12/2025', 'trong tháng 12/2025', '2025-12-31'],
      ['Thời gian hoàn thành: tháng 12/2025', 'Thời gian hoàn thành: tháng 12/2025', '2025-12-31'],
      ['hoàn thành trong tháng 2/2028', 'trong tháng 2/2028', '2028-02-29'],
      ['Thời gian thực hiện: Quý I/2027', 'Thời gian thực hiện: Quý I/2027', '2027-03-31'],
      ['hoàn thành trong quý I năm 2027', 'trong quý I năm 2027', '2027-03-31'],
      ['trong quý II/2026', 'trong quý II/2026', '2026-06-30'],
      ['trong Quý III/2026', 'trong Quý III/2026', '2026-09-30'],
      ['trong Quý IV/2026', 'trong Quý IV/2026', '2026-12-31'],
      ['trong 6 tháng đầu năm 2026', 'trong 6 tháng đầu năm 2026', '2026-06-30'],
      ['trong 6 tháng cuối năm 2026', 'trong 6 tháng cuối năm 2026', '2026-12-31'],
      ['hoàn thành trong năm 2026', 'trong năm 2026', '2026-12-31'],
      ['Sở Xây dựng chủ trì, hoàn thành năm 2026.', 'hoàn thành năm 2026', '2026-12-31'],
      ['đến hết năm 2026', 'đến hết năm 2026', '2026-12-31'],
      ['tổ chức tổng kết vào cuối năm 2025', 'vào cuối năm 2025', '2025-12-31'],
      ['Sở Y tế chủ trì, Quý I/2027.', 'Quý I/2027', '2027-03-31'],
      ['Quý I/2027', 'Quý I/2027', '2027-03-31'],
      ['trong quý I và quý II năm 2027', 'trong quý I và quý II năm 2027', '2027-06-30'],
      ['Kết thúc năm 2017, tổ chức tổng kết', 'Kết thúc năm 2017', '2017-12-31'],
    ])('when "%s" is read, then "%s" sets its last day %s', (text, phrase, date) => {
      const found = only(text);
      expect(found).toMatchObject({ text: phrase, date, recurring: null, kind: 'period' });
      expect(found.confidence).toBeGreaterThanOrEqual(0.7);
    });

    it.each([
      ['hoàn thành trước Quý II/2026', '2026-03-31'],
      ['hoàn thành trước tháng 6/2026', '2026-05-31'],
      ['hoàn thành trước năm 2026', '2025-12-31'],
    ])('when "%s" is read, then the deadline is the day before the period begins, %s', (text, date) => {
      const found = only(text);
      expect(found.date).toBe(date);
      expect(found.note).toMatch(/day before/);
    });

    it('when a month has no year, then it is the next such month from the issue date, less surely', () => {
      const found = only('trong tháng 12');
      expect(found.date).toBe('2017-12-31');
      expect(found.confidence).toBeLessThan(only('trong tháng 12/2017').confidence);
    });

    it('when a target year follows "đến", then it is read with low confidence', () => {
      const found = only('Phấn đấu đến năm 2025 giảm tỷ lệ hộ nghèo');
      expect(found).toMatchObject({ text: 'đến năm 2025', date: '2025-12-31' });
      expect(found.confidence).toBeLessThan(0.6);
    });
  });

  describe('given a time counted from an event', () => {
    it.each([
      ['trong thời hạn 10 ngày kể từ ngày ký', '2017-02-10', '2017-02-20'],
      ['trong vòng 30 ngày kể từ ngày Chỉ thị này được ban hành', '2017-02-10', '2017-03-12'],
      ['trong thời hạn 03 tháng kể từ ngày ký', '2017-11-30', '2018-02-28'],
      ['trong 02 tuần kể từ ngày ban hành', '2017-02-10', '2017-02-24'],
    ])('when "%s" is read in a directive of %s, then it runs to %s', (text, issuedOn, date) => {
      const found = only(text, issuedOn);
      expect(found).toMatchObject({ text, date, kind: 'relative' });
      expect(found.confidence).toBeGreaterThanOrEqual(0.8);
    });

    it('when its starting event is in brackets, then an event other than signing gives no date and the bracket is kept in the phrase', () => {
      expect(only('xử lý trong vòng hai tháng (kể từ khi nhận đủ hồ sơ) các trường hợp tồn đọng')).toMatchObject({
        text: 'trong vòng hai tháng (kể từ khi nhận đủ hồ sơ)',
        date: null,
        kind: 'relative',
      });
      expect(only('trong vòng 20 ngày (kể từ ngày ký)', '2017-02-10')).toMatchObject({
        text: 'trong vòng 20 ngày (kể từ ngày ký)',
        date: '2017-03-02',
      });
    });

    it('when it counts working days, then Saturdays and Sundays are skipped and the confidence says so', () => {
      // Friday 10/02/2017: the 15th working day after it is Friday 03/03/2017.
      const found = only('trong 15 ngày làm việc');
      expect(found).toMatchObject({ text: 'trong 15 ngày làm việc', date: '2017-03-03' });
      expect(found.note).toMatch(/working days/);
      expect(found.confidence).toBeLessThan(only('trong 15 ngày').confidence);
    });

    it('when the working days run over a public holiday, then the holiday is skipped too', () => {
      // From Tuesday 25/04/2017: 30/4 fell on a Sunday, so 1/5 and the compensatory 2/5 were days off.
      expect(only('trong thời hạn 15 ngày làm việc kể từ ngày ký', '2017-04-25').date).toBe('2017-05-18');
    });

    it.each([
      ['trong thời hạn 05 ngày làm việc kể từ ngày nhận được văn bản này', ISSUED],
      ['chậm nhất sau 07 ngày kể từ ngày kết thúc đợt kiểm tra', ISSUED],
      ['trước 10 ngày', ISSUED],
      ['trong thời hạn 10 ngày kể từ ngày ký', null],
    ])('when "%s" runs from a day the text does not date, then the date is null and the phrase kept', (text, issuedOn) => {
      const found = only(text, issuedOn);
      expect(found.date).toBeNull();
      expect(found.text).toBe(text);
      expect(found.confidence).toBeLessThanOrEqual(0.5);
    });

    it.each([
      ['trong 10 (mười) ngày', 'trong 10 (mười) ngày', '2017-02-20'],
      ['trong mười lăm ngày', 'trong mười lăm ngày', '2017-02-25'],
      ['trong ba tháng', 'trong ba tháng', '2017-05-10'],
    ])('when the number is written out, "%s" is read as "%s", counted from the issue date to %s', (text, phrase, date) => {
      expect(only(text)).toMatchObject({ text: phrase, date });
    });
  });

  describe('given a recurring or ongoing duty', () => {
    it.each([
      ['hằng năm', { every: 'year', day: 31, month: 12 }],
      ['hàng năm', { every: 'year', day: 31, month: 12 }],
      ['hằng quý', { every: 'quarter', day: 31, month: 3 }],
      ['hàng tháng', { every: 'month', day: 31 }],
      ['hằng năm, trước ngày 15/12', { every: 'year', day: 15, month: 12 }],
      ['trước ngày 15/12 hằng năm', { every: 'year', day: 15, month: 12 }],
      ['trước ngày 15 tháng 12 hàng năm', { every: 'year', day: 15, month: 12 }],
      ['trước ngày 15 hằng tháng', { every: 'month', day: 15 }],
      ['hằng quý, trước ngày 20 tháng cuối quý', { every: 'quarter', day: 20, month: 3 }],
      ['trước ngày 10 tháng đầu quý', { every: 'quarter', day: 10, month: 1 }],
      ['01 lần/năm', { every: 'year', day: 31, month: 12 }],
      ['định kỳ 03 tháng', { every: 'quarter', day: 31, month: 3 }],
    ])('when "%s" is read, then it sets no date and the rule %o', (text, rule) => {
      const found = only(text);
      expect(found).toMatchObject({ text, date: null, kind: 'recurring' });
      expect(found.recurring).toEqual({ ...rule, phrase: text });
    });

    it.each([
      ['bảo đảm giải ngân hằng năm đạt trên 90% kế hoạch', 'hằng năm'],
      ['đôn đốc thu hồi nợ hằng quý', 'hằng quý'],
      ['rà soát danh mục mặt hàng, hằng tháng báo cáo', 'hằng tháng'],
      ['giai ngan hang nam Ngan hang Nong nghiep', null],
      ['Ngân hàng Nam Định cho vay', null],
      ['ngan hang nam a cho vay', null],
      ['mở cửa hàng tháng Giêng', null],
    ])('when "%s" is read, then "hàng" is a bank or shop only where written so (diacritics compared where present)', (text, phrase) => {
      expect(deadlinePhrases(text, ISSUED).map((p) => p.text)).toEqual(phrase ? [phrase] : []);
    });

    it('when a recurring word gives no day, then the confidence is moderate', () => {
      expect(only('hằng năm').confidence).toBeLessThanOrEqual(0.6);
      expect(only('hằng năm, trước ngày 15/12').confidence).toBeGreaterThanOrEqual(0.85);
    });

    it('when "định kỳ hằng năm" and its day are parted by the report, then they make one rule', () => {
      const found = only('Định kỳ hằng năm, báo cáo UBND tỉnh trước ngày 15/12');
      expect(found.recurring).toMatchObject({ every: 'year', day: 15, month: 12 });
      expect(found.report).toBe(true);
    });

    it.each(['định kỳ 6 tháng', 'hằng tuần', 'trước ngày 15 của tháng đầu quý sau'])(
      'when "%s" is read, then no rule fits it exactly and the reviewer is told',
      (text) => {
        const found = only(text);
        expect(found.date).toBeNull();
        expect(found.note).toMatch(/no recurring rule/);
        expect(found.confidence).toBeLessThan(0.5);
      },
    );

    it.each([
      ['thường xuyên kiểm tra, đôn đốc', 'thường xuyên', 0.7],
      ['thường xuyên, liên tục', 'thường xuyên, liên tục', 0.9],
      ['Thời gian thực hiện: Thường xuyên', 'Thường xuyên', 0.9],
    ])('when "%s" is read, then "%s" is ongoing work (confidence %s)', (text, phrase, confidence) => {
      const found = only(text);
      expect(found).toMatchObject({ text: phrase, date: null, kind: 'continuous', confidence });
      expect(found.recurring).toMatchObject({ continuous: true });
    });
  });

  describe('given a report duty', () => {
    it.each([
      ['báo cáo UBND tỉnh trước ngày 15/12/2017', 'trước ngày 15/12/2017'],
      ['gửi báo cáo về Sở Nội vụ trước ngày 15/12/2017', 'trước ngày 15/12/2017'],
      ['tổng hợp, báo cáo UBND tỉnh (qua Sở Lao động - Thương binh và Xã hội) trước ngày 15/12/2017', 'trước ngày 15/12/2017'],
      ['báo cáo UBND tỉnh trước ngày 20 tháng cuối quý', 'trước ngày 20 tháng cuối quý'],
      ['định kỳ báo cáo kết quả thực hiện về UBND tỉnh hằng quý', 'hằng quý'],
      ['định kỳ hằng quý báo cáo UBND tỉnh', 'định kỳ hằng quý'],
    ])('when "%s" is read, then "%s" is a report duty', (text, phrase) => {
      expect(only(text)).toMatchObject({ text: phrase, report: true });
    });

    it('when the work and its report each have a date, then only the second is the report', () => {
      const found = deadlinePhrases('Sở Y tế hoàn thành trước ngày 30/6/2027 và báo cáo UBND tỉnh trước ngày 15/7/2027', ISSUED);
      expect(found.map((p) => [p.text, p.date, p.report])).toEqual([
        ['trước ngày 30/6/2027', '2027-06-30', false],
        ['trước ngày 15/7/2027', '2027-07-15', true],
      ]);
    });

    it('when the report is in the sentence before, then the deadline is the work’s own', () => {
      expect(only('Báo cáo UBND tỉnh kết quả thực hiện. Sở Y tế hoàn thành trước ngày 30/6/2027.').report).toBe(false);
    });
  });

  describe('given OCR noise', () => {
    it.each([
      ['truoc ngay 15/12/2017', '2017-12-15'],
      ['trước ngày 15 / 12 / 2017', '2017-12-15'],
      ['trước ngày 5/3/2027', '2027-03-05'],
      ['trước ngày 05/03/2027', '2027-03-05'],
      ['trước ngày 15/l2/2O17', '2017-12-15'],
      ['hoàn thành trong Qúy I/2027', '2027-03-31'],
      ['hoàn thành trong Quý l/2027', '2027-03-31'],
      ['hoàn thành trong Quí IV/2026', '2026-12-31'],
      ['TRƯỚC NGÀY 15/12/2017', '2017-12-15'],
      ['trước ngày 15/12/2017'.normalize('NFD'), '2017-12-15'],
    ])('when "%s" is read, then it still sets %s', (text, date) => {
      expect(only(text).date).toBe(date);
    });

    it.each(['thuờng xuyên', 'hang nam'])('when "%s" has lost or misplaced its marks, then it is still read', (text) => {
      expect(only(text).recurring).not.toBeNull();
    });

    it.each(['trước ngày 31/02/2027', 'trước ngày 15/13/2027', 'trước ngày 00/12/2027'])(
      'when "%s" names no real day, then the date is null, the phrase kept, the confidence low',
      (text) => {
        const found = only(text);
        expect(found).toMatchObject({ text, date: null, note: 'no such date' });
        expect(found.confidence).toBeLessThanOrEqual(0.3);
      },
    );
  });

  describe('given dates and periods that are not deadlines', () => {
    it.each([
      'Thực hiện Chỉ thị số 01/CT-TTg ngày 06/01/2017 của Thủ tướng Chính phủ',
      'Quyết định 289-QĐ/TU ngày 27/5/2016 của Tỉnh ủy',
      'Kế hoạch số 159/KH-UBND ngày 21/10/2016 của UBND tỉnh',
      'theo Nghị định số 30/2020/NĐ-CP ngày 05/3/2020',
      'Thanh Hoá, ngày 10 tháng 02 năm 2017',
      'Chương trình giảm nghèo bền vững giai đoạn 2016-2020',
      'giai đoạn từ năm 2016 đến năm 2020',
      'trong năm học 2017-2018',
      'đánh giá kết quả năm 2016',
      'báo cáo kết quả thực hiện trong năm 2016',
      'Báo cáo tổng kết năm 2016, phương hướng nhiệm vụ năm 2017',
      'số liệu tính đến ngày 31/12/2016',
      'báo cáo số liệu từ ngày 01/01/2017 đến ngày 30/6/2017',
      'có hiệu lực kể từ ngày 01/01/2018',
      'tỷ lệ hộ nghèo giảm bình quân hằng năm 2%',
      'tổ chức các đợt hiến máu theo kế hoạch hằng năm của ngành',
      'mở lớp tập huấn theo chương trình hàng năm và dài hạn',
      'bố trí từ nguồn chi thường xuyên',
      'Trong 6 tháng qua, tình hình đã chuyển biến',
      'vay vốn Ngân hàng Nam Á',
      'tổ chức hội nghị ngày 15/12/2017',
      'Luật số 25/2018/QH14',
      'Năm 2016, nền kinh tế nước ta đã được',
      'Trong 9 tháng đầu năm 2016, toàn ngành đã thanh tra',
      'phục vụ công tác báo cáo thường xuyên, định kỳ, đột xuất',
      'xem xét không tổ chức kiểm tra định kỳ trong năm 2017 đối với các doanh nghiệp',
      'Chưa thực hiện điều chỉnh tăng giá trong Quý I và Quý II năm 2017',
      'bằng 66% cùng kỳ năm 2016',
    ])('when "%s" is read, then no deadline is found', (text) => {
      expect(deadlinePhrases(text, ISSUED)).toEqual([]);
    });

    it('when a year begins a line in running text, then it is not taken for a table cell', () => {
      expect(deadlinePhrases('tăng thu qua thanh tra bằng 66% so với\nnăm 2017. Tổng số thuế', ISSUED)).toEqual([]);
      expect(only('Sở Y tế\nQuý I/2027\nSở Tài chính').date).toBe('2027-03-31');
    });
  });

  describe('given the seed letter 4308/UBND-VX of 10/02/2017', () => {
    const seed = readFileSync(join(__dirname, '../fixtures/4308-UBND-VX-2017.txt'), 'utf8');
    const body = seed.slice(seed.indexOf('\n1. '), seed.indexOf('Nơi nhận'));
    const items = body.split(/\n(?=\d{1,2}\. )/).filter((item) => /^\s*\d/.test(item));

    it('when its body is split, then it has the 11 numbered tasks', () => {
      expect(items.map((item) => item.trim().split('.')[0])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11']);
    });

    it.each(['1', '2', '3', '4', '5', '6', '8', '9', '10', '11'])('when task %s is read, then it has no deadline', (n) => {
      expect(deadlinePhrases(items[Number(n) - 1], ISSUED)).toEqual([]);
    });

    it('when task 7 is read, then only its annual review of officials ("hàng năm") recurs, with moderate confidence', () => {
      const [found, ...rest] = deadlinePhrases(items[6], ISSUED);
      expect(rest).toEqual([]);
      expect(found).toMatchObject({ text: 'hàng năm', date: null, recurring: { every: 'year', day: 31, month: 12 }, report: false });
      expect(found.confidence).toBeGreaterThanOrEqual(0.4);
      expect(found.confidence).toBeLessThanOrEqual(0.7);
    });

    it('when the whole letter is read, header and all, then nothing else is taken for a deadline', () => {
      expect(deadlinePhrases(seed, ISSUED).map((p) => p.text)).toEqual(['hàng năm']);
    });
  });

  it('when a task names several deadlines, then they come in order with their offsets', () => {
    const text = 'Xây dựng dự thảo trước ngày 30/3/2027; trình UBND tỉnh trong quý II/2027; báo cáo hằng quý.';
    const found = deadlinePhrases(text, ISSUED);
    expect(found.map((p) => [p.text, p.start])).toEqual([
      ['trước ngày 30/3/2027', text.indexOf('trước')],
      ['trong quý II/2027', text.indexOf('trong quý')],
      ['hằng quý', text.indexOf('hằng')],
    ]);
  });
});

describe('taskDeadline', () => {
  const of = (text: string) => taskDeadline(deadlinePhrases(text, ISSUED));

  it('when the work has dates, then the latest is the task’s and the report is kept beside it', () => {
    const found = of('Xây dựng dự thảo trước ngày 30/3/2027, trình UBND tỉnh trước ngày 30/6/2027; báo cáo UBND tỉnh trước ngày 15/7/2027');
    expect(found).toMatchObject({ date: '2027-06-30', text: 'trước ngày 30/6/2027', recurring: null });
    expect(found.report?.date).toBe('2027-07-15');
  });

  it('when only the report has a date, then the task is due then', () => {
    expect(of('tổng hợp báo cáo UBND tỉnh trước ngày 15/12/2017')).toMatchObject({ date: '2017-12-15', text: 'trước ngày 15/12/2017' });
  });

  it.each([
    ['Áp dụng mức phí mới đến hết ngày 30/6/2027; Sở Tài chính hoàn thành hướng dẫn trước ngày 15/3/2027.', '2027-03-15'],
    ['Miễn học phí cho học sinh vùng lũ đến hết năm 2027, báo cáo UBND tỉnh trong tháng 9 năm 2027.', '2027-09-30'],
    ['Tạm dừng thu phí bến bãi đến hết tháng 12/2027 và trình Bộ Tài chính trước ngày 31/8/2027.', '2027-08-31'],
    ['Gia hạn nộp thuế đến hết quý IV/2027; xong trước ngày 20/10/2027.', '2027-10-20'],
    ['Chính sách có hiệu lực đến hết năm 2028, hoàn thành sửa đổi quy chế trong quý II/2027.', '2027-06-30'],
  ])('when "%s" puts a measure in force until a date and asks for work by another, then the work’s date is the deadline', (text, date) => {
    const phrases = deadlinePhrases(text, ISSUED);
    expect(phrases.filter((p) => p.measure)).toHaveLength(1);
    expect(taskDeadline(phrases).date).toBe(date);
  });

  it('when a measure’s end is the only date, then it stands in, less surely', () => {
    const phrases = deadlinePhrases('Tạm dừng thu phí bến bãi đến hết tháng 12/2027.', ISSUED);
    expect(phrases[0]).toMatchObject({ text: 'đến hết tháng 12/2027', measure: true });
    const found = taskDeadline(phrases);
    expect(found.date).toBe('2027-12-31');
    expect(found.confidence).toBeLessThan(phrases[0].confidence);
  });

  it.each([
    ['Triển khai mô hình tại các xã miền núi đến hết năm 2027', false],
    ['mien thue dat den het nam 2027', true],
    ['Thực hiện đến hết ngày 31/12/2027', false],
    ['Áp dụng thí điểm, hoàn thành đến hết năm 2027', false],
    ['miễn phí, chậm nhất ngày 31/12/2027', false],
  ])('when "%s" is read, then its date is a measure’s: %s', (text, measure) => {
    const [found] = deadlinePhrases(text, ISSUED);
    expect(found.measure ?? false).toBe(measure);
  });

  it('when ongoing work is reported on each quarter, then the rule is quarterly and continuous', () => {
    expect(of('Thường xuyên kiểm tra, đôn đốc; báo cáo UBND tỉnh trước ngày 20 tháng cuối quý').recurring).toEqual({
      every: 'quarter',
      day: 20,
      month: 3,
      continuous: true,
      phrase: 'Thường xuyên',
    });
  });

  it('when only an unsure phrase is found, then no deadline is set and its words are kept', () => {
    expect(of('trước ngày 31/02/2027')).toEqual({
      date: null,
      recurring: null,
      text: 'trước ngày 31/02/2027',
      confidence: 0.2,
      report: null,
    });
  });

  it('when nothing is found, then everything is empty', () => {
    expect(of('Tăng cường công tác tuyên truyền')).toEqual({ date: null, recurring: null, text: null, confidence: 0, report: null });
  });
});

describe('deadlinePhrases on a long text', () => {
  const page = [
    '1. Sở Tài chính chủ trì, hoàn thành dự thảo trước ngày 15/9/2027; báo cáo UBND tỉnh trong quý IV/2027.',
    '2. Các sở, ban, ngành thường xuyên kiểm tra, đôn đốc; định kỳ hằng quý, trước ngày 20 tháng cuối quý báo cáo kết quả.',
    '3. Áp dụng mức thu mới đến hết năm 2028; giải ngân hằng năm theo Quyết định số 12/2026/QĐ-UBND ngày 03/4/2026.',
    '4. Trong thời hạn 15 ngày làm việc kể từ ngày ký, các huyện gửi danh sách về Sở Nội vụ.',
  ].join('\n');
  const pages = (n: number) => Array.from({ length: 12 * n }, () => page).join('\n');

  it('reads ten pages in time proportional to their length', () => {
    expect(growthRatio(pages(10), pages(40), (text) => deadlinePhrases(text, ISSUED))).toBeLessThan(8);
  });
});
