import { downloadName } from './download-name';

describe('download names', () => {
  it('prefers the UTF-8 name', () => {
    expect(downloadName(`attachment; filename="bao-cao.xlsx"; filename*=UTF-8''b%C3%A1o-c%C3%A1o.xlsx`)).toBe('báo-cáo.xlsx');
  });

  it('reads a quoted or a bare name', () => {
    expect(downloadName('attachment; filename="kiem-diem-2017.csv"')).toBe('kiem-diem-2017.csv');
    expect(downloadName('attachment; filename=report.pdf')).toBe('report.pdf');
  });

  it('gives nothing without a name', () => {
    expect(downloadName(null)).toBeNull();
    expect(downloadName('inline')).toBeNull();
  });
});
