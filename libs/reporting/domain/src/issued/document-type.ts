/** The kinds of administrative document (Decree 30/2020/NĐ-CP, art. 7) by the ids directives are recorded with. */
const DOCUMENT_TYPES: Record<string, string> = {
  'cong-van': 'Công văn',
  'chi-thi': 'Chỉ thị',
  'quyet-dinh': 'Quyết định',
  'nghi-quyet': 'Nghị quyết',
  'ke-hoach': 'Kế hoạch',
  'thong-bao': 'Thông báo',
  'chuong-trinh': 'Chương trình',
  'huong-dan': 'Hướng dẫn',
  'cong-dien': 'Công điện',
};

/** "Công văn" for `cong-van`; a type the list does not know is shown as recorded. */
export const documentTypeName = (type: string): string => (Object.hasOwn(DOCUMENT_TYPES, type) ? DOCUMENT_TYPES[type] : type);

/** A subject as it reads after "về": without its "V/v" and its closing full stop. */
export const subjectAfterVe = (subject: string): string =>
  subject
    .replace(/^\s*V\/v\s+/i, '')
    .replace(/\.\s*$/, '')
    .trim();
