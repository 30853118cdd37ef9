import type { DraftWarning } from '@dm/contracts/directive-import';
import { formatDate } from './dates';
import type { Language } from './language';
import { translateMessage } from './messages';

type Params = Record<string, string | number>;

/** The header fields a `field-missing` warning may name, as a Vietnamese reader calls them. */
const FIELD_NAMES: Record<string, string> = {
  number: 'số, ký hiệu văn bản',
  type: 'loại văn bản',
  issuer: 'cơ quan ban hành',
  issuedOn: 'địa danh và ngày ban hành',
  subject: 'trích yếu',
  signer: 'người ký',
  'signer.name': 'họ tên người ký',
  'signer.title': 'chức vụ người ký',
  addressees: 'nơi nhận (Kính gửi)',
};

const quoted = (p: Params, key: string) => `“${p[key] ?? ''}”`;
const day = (p: Params, key: string) => (p[key] ? formatDate(String(p[key])) : '');

/** The reader's warnings in Vietnamese, by their code (DRAFT_WARNING_CODES). */
const VIETNAMESE: Record<string, (p: Params) => string> = {
  'agency-unplaced': (p) => `${quoted(p, 'name')} không có trong danh mục cơ quan, đơn vị`,
  'lead-assumed': (p) => `Nhiệm vụ không nêu cơ quan thực hiện: tạm lấy các cơ quan nơi nhận (${p.names ?? ''})`,
  'lead-missing': () => 'Không tìm thấy cơ quan chủ trì',
  'deadline-no-year': (p) => `${quoted(p, 'phrase')} không ghi năm: tạm hiểu là ngày ${day(p, 'date')}`,
  'deadline-recurring-default-day': (p) => `${quoted(p, 'phrase')} là thời hạn định kỳ nhưng không ghi ngày: tạm lấy ngày cuối kỳ`,
  'deadline-uncertain': (p) =>
    p.confidence !== undefined
      ? `${quoted(p, 'phrase')} đọc chưa chắc chắn (độ tin cậy ${Math.round(Number(p.confidence) * 100)}%)`
      : `${quoted(p, 'phrase')} cần kiểm tra lại thời hạn`,
  'deadline-unreadable': (p) => `Không đọc được ${quoted(p, 'phrase')} thành thời hạn`,
  'deadline-in-bullets': () => 'Các ý gạch đầu dòng có thời hạn riêng: chưa lấy thời hạn chung cho cả mục',
  'header-missing': () => 'Văn bản không có phần đầu (cơ quan ban hành, số, ngày): các trường này được đọc từ tiêu đề, ghi chú và nội dung',
  'field-missing': (p) => `Không tìm thấy ${FIELD_NAMES[String(p.field)] ?? p.field}`,
  'ocr-repaired': (p) => `Đọc là ${p.value ?? ''} từ ${quoted(p, 'written')} (đã sửa lỗi nhận dạng ký tự)`,
  'date-after-today': (p) => `Ngày ${day(p, 'date')} sau ngày hôm nay`,
  'numbering-gap': (p) =>
    p.after !== undefined
      ? `Mục ${p.number} đứng sau mục ${p.after}: có thể thiếu mục hoặc đọc sai số thứ tự`
      : `Số thứ tự ${p.number} bị nhảy`,
  'numbering-repeat': (p) => `Số thứ tự ${p.number} trùng với một mục khác`,
  'numbering-restart': (p) => `Đánh số lại từ ${p.number}`,
  'monitoring-missing': () => 'Không có mục nào nêu cơ quan theo dõi, đôn đốc, tổng hợp báo cáo',
  'tasks-missing': () => 'Không tìm thấy nhiệm vụ: không có mục đánh số và không có đoạn nào nêu yêu cầu',
  'text-cut': (p) => `Nội dung nhiệm vụ được cắt còn ${p.length} ký tự`,
  'read-failed': () => 'Không đọc được văn bản',
};

/** ISO dates in an English message, as a person reads them (dd/mm/yyyy). */
const readableDates = (message: string) => message.replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (iso) => formatDate(iso));

/** A reader's warning as the reviewer reads it: by its code in Vietnamese; the reader's own words (its dates dd/mm/yyyy) in English or for a code this app does not know. */
export function warningText(warning: Pick<DraftWarning, 'message' | 'code' | 'params'>, language: Language): string {
  const say = language === 'vi' && warning.code ? VIETNAMESE[warning.code] : undefined;
  if (say) return say(warning.params ?? {});
  return translateMessage(readableDates(warning.message), language);
}
