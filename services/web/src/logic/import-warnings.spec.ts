import { DRAFT_WARNING_CODES } from '@dm/contracts/directive-import';
import { warningText } from './import-warnings';

describe("an import reader's warnings, as the reviewer reads them", () => {
  it.each([
    [{ code: 'agency-unplaced', params: { name: 'Sở Ngoại vụ' } }, '“Sở Ngoại vụ” không có trong danh mục cơ quan, đơn vị'],
    [
      { code: 'deadline-no-year', params: { phrase: 'trước ngày 15/12', date: '2017-12-15' } },
      '“trước ngày 15/12” không ghi năm: tạm hiểu là ngày 15/12/2017',
    ],
    [
      { code: 'deadline-uncertain', params: { phrase: 'cuối quý', date: '', confidence: 0.45 } },
      '“cuối quý” đọc chưa chắc chắn (độ tin cậy 45%)',
    ],
    [{ code: 'field-missing', params: { field: 'issuedOn' } }, 'Không tìm thấy địa danh và ngày ban hành'],
    [
      { code: 'ocr-repaired', params: { value: '289-QĐ/TU', written: '289. QĐ/TU' } },
      'Đọc là 289-QĐ/TU từ “289. QĐ/TU” (đã sửa lỗi nhận dạng ký tự)',
    ],
    [{ code: 'numbering-gap', params: { number: '5', after: '3' } }, 'Mục 5 đứng sau mục 3: có thể thiếu mục hoặc đọc sai số thứ tự'],
  ])('says %j in Vietnamese', (warning, vietnamese) => {
    expect(warningText({ message: 'the English words', ...warning }, 'vi')).toBe(vietnamese);
  });

  it("keeps the reader's own words in English, its dates as a person reads them", () => {
    const warning = { code: 'deadline-no-year', params: {}, message: '"trước ngày 15/12" gives no year: read as 2017-12-15' };
    expect(warningText(warning, 'en')).toBe('"trước ngày 15/12" gives no year: read as 15/12/2017');
  });

  it.each(DRAFT_WARNING_CODES)("has Vietnamese words for the reader's code %s", (code) => {
    expect(warningText({ code, params: {}, message: 'the English words' }, 'vi')).not.toBe('the English words');
  });

  it('falls back to the words of a warning whose code it does not know, or that has none', () => {
    expect(warningText({ code: 'something-new', message: 'a new check' }, 'vi')).toBe('a new check');
    expect(warningText({ message: 'no code' }, 'en')).toBe('no code');
  });
});
