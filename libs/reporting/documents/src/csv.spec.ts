import { parse } from 'csv-parse/sync';
import { quoteText, renderCsv } from './csv';
import { reportContentFixture } from './report-content.fixtures';

const records = (buffer: Buffer): string[][] => parse(buffer, { bom: true, relax_column_count: true, skip_empty_lines: true });
const rowStarting = (rows: string[][], first: string) => rows.findIndex((row) => row[0] === first);

describe('renderCsv', () => {
  const content = reportContentFixture();

  it('writes UTF-8 with a byte order mark and CRLF line ends', () => {
    const buffer = renderCsv(content, 'late');
    expect([...buffer.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = buffer.toString('utf8');
    expect(text.split('\r\n').length).toBeGreaterThan(10);
    expect(text).not.toMatch(/[^\r]\n/);
  });

  it('opens with a short heading: issuing body, number, period and its cut-off dates', () => {
    const rows = records(renderCsv(content, 'late'));
    const lines = rows.slice(0, 10).map((row) => row[0]);
    expect(lines[0]).toBe('SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI');
    expect(lines[1]).toBe('Số: 15/BC-SLĐTBXH, Thanh Hóa, ngày 05 tháng 4 năm 2017');
    expect(lines).toContain('Kỳ báo cáo: Quý I năm 2017 (2017-Q1)');
    expect(lines.some((line) => line.startsWith('Số liệu tính từ ngày 15/12/2016 đến ngày 14/03/2017'))).toBe(true);
  });

  it('gives the agencies by default: header, one row each, and the totals', () => {
    const rows = records(renderCsv(content));
    const header = rowStarting(rows, 'STT');
    expect(rows[header]).toEqual([
      'STT',
      'Cơ quan, đơn vị',
      'Số nhiệm vụ được giao',
      'Nhiệm vụ đang theo dõi - Hoàn thành đúng hạn',
      'Nhiệm vụ đang theo dõi - Hoàn thành quá hạn',
      'Nhiệm vụ đang theo dõi - Đang thực hiện trong hạn',
      'Nhiệm vụ đang theo dõi - Quá hạn chưa hoàn thành',
      'Nhiệm vụ đang theo dõi - Không có thời hạn',
      'Nhiệm vụ đang theo dõi - Cộng',
      'Tỷ lệ hoàn thành trên số nhiệm vụ đến hạn - Tử số',
      'Tỷ lệ hoàn thành trên số nhiệm vụ đến hạn - Mẫu số',
      'Tỷ lệ hoàn thành trên số nhiệm vụ đến hạn - Tỷ lệ (%)',
      'Tỷ lệ hoàn thành trên tổng số nhiệm vụ được giao - Tử số',
      'Tỷ lệ hoàn thành trên tổng số nhiệm vụ được giao - Mẫu số',
      'Tỷ lệ hoàn thành trên tổng số nhiệm vụ được giao - Tỷ lệ (%)',
    ]);
    const body = rows.slice(header + 1, header + 1 + content.scorecards.length);
    expect(body.map((row) => row[1])).toEqual(content.scorecards.map((s) => s.name));
    expect(body[0]).toEqual([
      '1',
      'Sở Lao động - Thương binh và Xã hội',
      '3',
      '1',
      '1',
      '1',
      '0',
      '0',
      '3',
      '2',
      '2',
      '100.00',
      '2',
      '3',
      '66.67',
    ]);
    const { counts } = content.summary;
    expect(rows[header + 1 + content.scorecards.length]).toEqual([
      '',
      'Tổng cộng',
      String(content.summary.assigned),
      ...[
        counts.completedOnTime,
        counts.completedLate,
        counts.inProgressWithinDeadline,
        counts.overdue,
        counts.noDeadline,
        counts.total,
      ].map(String),
      '6',
      '11',
      '54.55',
      '7',
      '17',
      '41.18',
    ]);
  });

  it('lists late assignments with dates dd/mm/yyyy and closes with the count by status', () => {
    const rows = records(renderCsv(content, 'late'));
    const header = rowStarting(rows, 'STT');
    expect(rows[header + 1]).toEqual([
      '1',
      '4308/UBND-VX',
      '7',
      "'- Tăng cường công tác kiểm tra, giám sát; tổ chức sơ kết, tổng kết đánh giá kết quả thực hiện giảm nghèo.",
      'Sở Lao động - Thương binh và Xã hội',
      'Hoàn thành quá hạn',
      '28/02/2017',
      '06/03/2017',
      '6',
      '100',
    ]);
    expect(rows[header + 1 + content.lateAndOverdue.length]).toEqual([
      'Tổng cộng: 9 nhiệm vụ, trong đó: Hoàn thành quá hạn: 3; Quá hạn chưa hoàn thành: 6.',
    ]);
  });

  it('quotes by RFC 4180: commas, quotes and line breaks', () => {
    const text = renderCsv(content, 'requests').toString('utf8');
    expect(text).toContain('"Tiếp tục đẩy mạnh cuộc vận động ủng hộ Quỹ ""Vì người nghèo"" và');
    expect(quoteText('a\r\nb')).toBe('"a\r\nb"');
    expect(quoteText('plain')).toBe('plain');
  });

  it('neutralises text a spreadsheet would take for a formula, and leaves its own numbers alone', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(quoteText(`${start}1+1`).replace(/^"/, '')).toMatch(/^'/);
    const hostile = { ...content, scorecards: [{ ...content.scorecards[0], name: '=HYPERLINK("http://x","y")' }] };
    const rows = records(renderCsv(hostile, 'scorecards'));
    const row = rows[rowStarting(rows, 'STT') + 1];
    expect(row[1]).toBe('\'=HYPERLINK("http://x","y")');
    expect(row[2]).toBe('3');
  });

  it('writes the summary as its tables one after the other', () => {
    const rows = records(renderCsv(content, 'summary'));
    expect(rows.map((row) => row[0])).toEqual(
      expect.arrayContaining([
        '1. Nhiệm vụ giao, yêu cầu: số nhiệm vụ theo tình trạng thực hiện',
        '2. Nhiệm vụ đề nghị: số nhiệm vụ theo tình trạng thực hiện',
      ]),
    );
    const rate = content.summary.rates[0];
    expect(rows).toContainEqual([
      '1',
      rate.label,
      String(rate.numerator),
      String(rate.denominator),
      ((rate.value as number) * 100).toFixed(2),
    ]);
  });

  it('refuses a view it does not know', () => {
    expect(() => renderCsv(content, 'nope' as never)).toThrow(/summary, scorecards, groups, late, requests, submissions/);
  });
});
