import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderPdf } from './pdf';
import { reportContentFixture } from './report-content.fixtures';

/** Runs a poppler tool on the file; fails, never skips, when poppler-utils is not installed. */
function poppler(tool: 'pdftotext' | 'pdffonts' | 'pdfinfo', args: string[]): string {
  const run = spawnSync(tool, args, { encoding: 'utf8' });
  if ((run.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
    throw new Error(`${tool} is missing: install poppler-utils (apt-get install -y poppler-utils) to check the PDF's text and fonts`);
  }
  if (run.status !== 0) throw new Error(`${tool} failed: ${run.stderr}`);
  return run.stdout;
}

describe('renderPdf', () => {
  const content = reportContentFixture();
  let dir: string;
  let file: string;
  let pdf: Buffer;
  let text: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'report-pdf-'));
    file = join(dir, 'report.pdf');
    pdf = await renderPdf(content);
    writeFileSync(file, pdf);
    text = poppler('pdftotext', ['-layout', file, '-']);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const squeezed = () => text.replace(/\s+/g, ' ');

  it('lays out the heading block, the title and the period', () => {
    expect(text).toContain('UBND TỈNH THANH HÓA');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('Số: 15/BC-SLĐTBXH');
    expect(text).toContain('Thanh Hóa, ngày 05 tháng 4 năm 2017');
    expect(text).toContain('BÁO CÁO');
    expect(squeezed()).toContain('Kỳ báo cáo: Quý I năm 2017 (2017-Q1)');
    expect(squeezed()).toContain('Số liệu tính từ ngày 15/12/2016 đến ngày 14/03/2017');
    expect(squeezed()).toContain('Văn bản: số 4308/UBND-VX ngày 10/02/2017');
  });

  it('has the six sections with their figures, Vietnamese words intact', () => {
    for (const section of [
      'I. TỔNG HỢP KẾT QUẢ THỰC HIỆN',
      'II. KẾT QUẢ THỰC HIỆN THEO CƠ QUAN, ĐƠN VỊ',
      'III. KẾT QUẢ THỰC HIỆN THEO NHÓM CƠ QUAN, ĐƠN VỊ',
      'IV. DANH MỤC NHIỆM VỤ HOÀN THÀNH QUÁ HẠN, QUÁ HẠN CHƯA',
      'V. DANH MỤC NHIỆM VỤ ĐỀ NGHỊ',
      'VI. TÌNH HÌNH THỰC HIỆN CHẾ ĐỘ BÁO CÁO ĐỊNH KỲ',
    ])
      expect(text).toContain(section);
    expect(text).toContain('Hoàn thành đúng hạn');
    expect(text).toContain('Mường Lát');
    expect(text).toMatch(/Tổng cộng\s+0\s+17\s+17/);
    expect(squeezed()).toContain('Tổng cộng: 9 nhiệm vụ, trong đó: Hoàn thành quá hạn: 3; Quá hạn chưa hoàn thành: 6.');
    // The agencies' totals: assigned, the five statuses, live, then completed/due 6 of 11 (54,55 %) and completed/assigned 7 of 17.
    expect(text).toMatch(/Tổng cộng\s+18\s+4\s+3\s+3\s+5\s+2\s+17\s+6\s+11\s+54,55\s+7\s+17\s+41,18/);
    expect(text).toContain('28/02/2017');
  });

  it('closes with the signer and "Nơi nhận:"', () => {
    expect(text).toContain('Nơi nhận:');
    expect(text).toContain('KT. GIÁM ĐỐC');
    expect(text).toContain('PHÓ GIÁM ĐỐC');
    expect(text).toContain('Nguyễn Thị Hạnh');
  });

  it('embeds Tinos, the Times-compatible font', () => {
    const fonts = poppler('pdffonts', [file])
      .split('\n')
      .filter((line) => line.includes('Tinos'));
    expect(fonts.length).toBeGreaterThanOrEqual(3);
    for (const line of fonts) expect(line).toMatch(/\+Tinos-\S+\s+CID TrueType\s+Identity-H\s+yes/);
  });

  it('is A4 with its metadata, numbers pages from the second, and is the same bytes each time', async () => {
    const info = poppler('pdfinfo', [file]);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    expect(info).toContain('Author:          Sở Lao động - Thương binh và Xã hội');
    expect(info).toContain('Title:           BÁO CÁO Kết quả thực hiện');
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBeGreaterThan(1);
    const byPage = text.split('\f');
    expect(byPage[0]).not.toMatch(/^\s*1\s*\n/);
    expect(byPage[1]).toMatch(/^\s*2\s*\n/);
    expect((await renderPdf(content)).equals(pdf)).toBe(true);
  });
});
