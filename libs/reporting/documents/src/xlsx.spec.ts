import { Workbook, type Worksheet } from 'exceljs';
import { largeReportContent, reportContentFixture } from './report-content.fixtures';
import { renderXlsx } from './xlsx';

const load = async (buffer: Buffer) => {
  const workbook = new Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
};

/** The row whose first or second cell is the text. */
function rowWith(sheet: Worksheet, text: string): number {
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    if (row.getCell(1).value === text || row.getCell(2).value === text) return r;
  }
  throw new Error(`no row with ${text} in ${sheet.name}`);
}

const texts = (sheet: Worksheet) => {
  const all: string[] = [];
  sheet.eachRow((row) => row.eachCell((cell) => void (typeof cell.value === 'string' && all.push(cell.value))));
  return all;
};

const ddmmyyyy = (value: unknown) => {
  expect(value).toBeInstanceOf(Date);
  return (value as Date).toISOString().slice(0, 10).split('-').reverse().join('/');
};

describe('renderXlsx', () => {
  const content = reportContentFixture();
  let workbook: Workbook;

  beforeAll(async () => {
    workbook = await load(await renderXlsx(content));
  });

  it('has one sheet per view, named in Vietnamese', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Tổng hợp',
      'Theo cơ quan',
      'Theo nhóm',
      'Chậm, quá hạn',
      'Đề nghị',
      'Báo cáo định kỳ',
    ]);
  });

  it('opens every sheet with the heading block of an administrative document', () => {
    for (const sheet of workbook.worksheets) {
      const left = (r: number) => sheet.getCell(r, 1).value;
      const right = (r: number) => sheet.getRow(r).values as unknown[];
      expect(left(1)).toBe('UBND TỈNH THANH HÓA');
      expect(left(2)).toBe('SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI');
      expect(sheet.getCell(2, 1).font?.bold).toBe(true);
      expect(left(3)).toBe('Số: 15/BC-SLĐTBXH');
      expect(right(1)).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(right(2)).toContain('Độc lập - Tự do - Hạnh phúc');
      expect(right(3)).toContain('Thanh Hóa, ngày 05 tháng 4 năm 2017');
      const all = texts(sheet);
      expect(all).toContain('BÁO CÁO');
      expect(all).toContain(content.heading.title);
      expect(all).toContain('Văn bản: số 4308/UBND-VX ngày 10/02/2017 của Ủy ban nhân dân tỉnh Thanh Hóa');
      expect(all).toContain('Kỳ báo cáo: Quý I năm 2017 (2017-Q1)');
      expect(all.some((t) => t.startsWith('Số liệu tính từ ngày 15/12/2016 đến ngày 14/03/2017'))).toBe(true);
      expect(all.some((t) => t.startsWith('Số liệu theo sổ sự kiện đến 05/04/2017 03:00:00 (UTC), điểm kiểm tra: events #1234'))).toBe(
        true,
      );
    }
  });

  it('says so when the report covers every directive', async () => {
    const all = await load(await renderXlsx({ ...content, directive: null }));
    expect(texts(all.worksheets[0])).toContain('Phạm vi: Tất cả chỉ thị, văn bản đang theo dõi');
  });

  it('lists the agencies by name, with a totals row equal to their sums and to the summary', () => {
    const sheet = workbook.getWorksheet('Theo cơ quan')!;
    const header = rowWith(sheet, 'STT') + 1;
    expect(sheet.getRow(header).values).toEqual([
      undefined,
      'STT',
      'Cơ quan, đơn vị',
      'Số nhiệm vụ được giao',
      'Hoàn thành đúng hạn',
      'Hoàn thành quá hạn',
      'Đang thực hiện trong hạn',
      'Quá hạn chưa hoàn thành',
      'Không có thời hạn',
      'Cộng',
      'Tử số',
      'Mẫu số',
      'Tỷ lệ (%)',
      'Tử số',
      'Mẫu số',
      'Tỷ lệ (%)',
    ]);
    const names = content.scorecards.map((_, i) => sheet.getCell(header + 1 + i, 2).value);
    expect(names).toEqual(content.scorecards.map((s) => s.name));
    expect(names).toContain('UBND huyện Mường Lát');

    const totals = sheet.getRow(rowWith(sheet, 'Tổng cộng'));
    const sum = (pick: (row: (typeof content.scorecards)[number]) => number) => content.scorecards.reduce((a, row) => a + pick(row), 0);
    const { summary } = content;
    expect(totals.getCell(3).value).toBe(sum((r) => r.assigned));
    expect(totals.getCell(3).value).toBe(summary.assigned);
    expect([4, 5, 6, 7, 8, 9].map((c) => totals.getCell(c).value)).toEqual([
      summary.counts.completedOnTime,
      summary.counts.completedLate,
      summary.counts.inProgressWithinDeadline,
      summary.counts.overdue,
      summary.counts.noDeadline,
      summary.counts.total,
    ]);
    const due = summary.rates.find((r) => r.name === 'completed/due')!;
    const assigned = summary.rates.find((r) => r.name === 'completed/assigned')!;
    expect([10, 11, 12].map((c) => totals.getCell(c).value)).toEqual([due.numerator, due.denominator, due.value]);
    expect([13, 14, 15].map((c) => totals.getCell(c).value)).toEqual([assigned.numerator, assigned.denominator, assigned.value]);
    expect(totals.getCell(12).numFmt).toBe('0.00%');
    expect(totals.getCell(2).font?.bold).toBe(true);
  });

  it('shows each rate of the summary with its label, numerator, denominator and percent', () => {
    const sheet = workbook.getWorksheet('Tổng hợp')!;
    for (const rate of content.summary.rates) {
      const row = sheet.getRow(rowWith(sheet, rate.label));
      expect([row.getCell(3).value, row.getCell(4).value, row.getCell(5).value]).toEqual([rate.numerator, rate.denominator, rate.value]);
      expect(row.getCell(5).numFmt).toBe('0.00%');
    }
    const total = sheet.getRow(rowWith(sheet, 'Tổng cộng'));
    expect(total.getCell(5).value).toBe(content.summary.counts.total);
  });

  it('closes the summary with the signature block and "Nơi nhận:"', () => {
    const all = texts(workbook.getWorksheet('Tổng hợp')!);
    expect(all).toEqual(
      expect.arrayContaining(['Nơi nhận:', '- UBND tỉnh (để báo cáo);', 'KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Nguyễn Thị Hạnh']),
    );
  });

  it('lists late and overdue assignments with dates shown dd/mm/yyyy and a count by status', () => {
    const sheet = workbook.getWorksheet('Chậm, quá hạn')!;
    const header = rowWith(sheet, 'STT');
    expect(sheet.getRow(header).values).toEqual([
      undefined,
      'STT',
      'Số, ký hiệu văn bản',
      'Nhiệm vụ số',
      'Nội dung nhiệm vụ',
      'Cơ quan chủ trì',
      'Tình trạng',
      'Thời hạn',
      'Ngày hoàn thành',
      'Số ngày chậm',
      'Tiến độ (%)',
    ]);
    const first = sheet.getRow(header + 1);
    const row = content.lateAndOverdue[0];
    expect(first.getCell(4).value).toBe(row.taskText);
    expect(first.getCell(5).value).toBe('Sở Lao động - Thương binh và Xã hội');
    expect(first.getCell(6).value).toBe('Hoàn thành quá hạn');
    expect(ddmmyyyy(first.getCell(7).value)).toBe('28/02/2017');
    expect(ddmmyyyy(first.getCell(8).value)).toBe('06/03/2017');
    expect(first.getCell(7).numFmt).toBe('dd/mm/yyyy');
    expect(first.getCell(9).value).toBe(6);
    expect(first.getCell(4).alignment?.wrapText).toBe(true);
    const overdue = sheet.getRow(header + 2);
    expect(overdue.getCell(8).value).toBeNull();
    expect(sheet.getCell(header + 1 + content.lateAndOverdue.length, 1).value).toBe(
      'Tổng cộng: 9 nhiệm vụ, trong đó: Hoàn thành quá hạn: 3; Quá hạn chưa hoàn thành: 6.',
    );
  });

  it('totals the periodic report duties, recomputing both rates', () => {
    const sheet = workbook.getWorksheet('Báo cáo định kỳ')!;
    const totals = sheet.getRow(rowWith(sheet, 'Tổng cộng'));
    expect((totals.values as unknown[]).slice(3)).toEqual([8, 5, 1, 2, 1, 6, 8, 0.75, 5, 8, 0.625]);
  });

  it('freezes the header, repeats it on each printed page, and prints on A4 fitted to the width', () => {
    const sheet = workbook.getWorksheet('Chậm, quá hạn')!;
    const header = rowWith(sheet, 'STT');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: header });
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(sheet.pageSetup.printTitlesRow).toBe(`${header}:${header}`);
    expect(sheet.getRow(header).getCell(1).font?.bold).toBe(true);
    expect(sheet.getRow(header).getCell(1).border?.top?.style).toBe('thin');
    expect(sheet.getColumn(4).width).toBeGreaterThan(sheet.getColumn(1).width!);
    expect(workbook.getWorksheet('Tổng hợp')!.pageSetup.orientation).toBe('portrait');
  });

  it('renders 10,000 late assignments, every one read back', async () => {
    const large = largeReportContent(10_000);
    const started = Date.now();
    const buffer = await renderXlsx(large);
    const elapsed = Date.now() - started;
    const sheet = (await load(buffer)).getWorksheet('Chậm, quá hạn')!;
    const header = rowWith(sheet, 'STT');
    const rows = large.lateAndOverdue.length;
    expect(rows).toBeGreaterThan(10_000);
    expect(sheet.getCell(header + rows, 1).value).toBe(rows);
    expect(sheet.getCell(header + rows + 1, 1).value).toMatch(new RegExp(`^Tổng cộng: ${rows} nhiệm vụ`));
    // The aim is 3 s on a 2-core machine; the bound leaves room for a loaded CI runner.
    expect(elapsed).toBeLessThan(6000);
  });
});
