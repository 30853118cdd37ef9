import type { AnnualReviewAssignment, AnnualReviewResponse } from '@dm/contracts';
import { formatVietnamese } from '@dm/periods';

/**
 * The annual review's exports (docs/domain.md, "The annual review"): CSV,
 * one row per assignment, for Excel (UTF-8 with a BOM, CRLF, dates
 * dd/mm/yyyy, a header row in Vietnamese); JSON lines, one per agency review.
 */

const BOM = '\uFEFF';
const YES = 'Có';
const NO = 'Không';

const date = (d: string | null) => (d ? formatVietnamese(d) : '');
const flag = (on: boolean) => (on ? YES : NO);
const number = (n: number | null) => (n === null ? '' : String(n));

/** The CSV columns: the header a person reads, and each assignment's cell. */
export const ANNUAL_REVIEW_COLUMNS: ReadonlyArray<readonly [string, (agencyId: string, a: AnnualReviewAssignment) => string]> = [
  ['Cơ quan', (agencyId) => agencyId],
  ['Văn bản', (_, a) => a.directiveNumber],
  ['Ngày ban hành', (_, a) => date(a.issuedOn)],
  ['Nhiệm vụ', (_, a) => a.taskNumber],
  ['Nội dung nhiệm vụ', (_, a) => a.taskText ?? ''],
  ['Vai trò', (_, a) => (a.role === 'lead' ? 'Chủ trì' : 'Phối hợp')],
  ['Ngày giao', (_, a) => date(a.assignedOn)],
  ['Hạn', (_, a) => date(a.deadline)],
  ['Ngày hoàn thành', (_, a) => date(a.completedOn)],
  ['Trạng thái', (_, a) => a.statusLabel ?? ''],
  ['Giai đoạn', (_, a) => a.lifecycleLabel],
  ['Số ngày trễ hạn', (_, a) => number(a.daysLate)],
  ['Số ngày quá hạn', (_, a) => number(a.daysOverdue)],
  ['Trễ hạn', (_, a) => flag(a.flags.late)],
  ['Quá hạn', (_, a) => flag(a.flags.overdue)],
  ['Gia hạn sau hạn', (_, a) => flag(a.flags.extendedAfterDue)],
  ['Bị trả lại', (_, a) => flag(a.flags.returned)],
  ['Báo cáo muộn', (_, a) => flag(a.flags.recordedLate)],
];

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, a quote or a line
 * break; a text a spreadsheet would read as a formula (=, +, -, @, tab, CR
 * first) is led by an apostrophe.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The review as CSV: a BOM, the header row, then one row per assignment of each agency in order; CRLF line ends. */
export function annualReviewCsv(answer: AnnualReviewResponse): string {
  const rows = [ANNUAL_REVIEW_COLUMNS.map(([header]) => header)];
  for (const review of answer.reviews)
    for (const a of review.assignments) rows.push(ANNUAL_REVIEW_COLUMNS.map(([, cell]) => cell(review.agencyId, a)));
  return BOM + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** The review as JSON lines: one line per agency review, each with the answer's header (year, cut-off, knownAt …). */
export function annualReviewJsonl(answer: AnnualReviewResponse): string {
  const { reviews, ...header } = answer;
  return reviews.map((review) => JSON.stringify({ ...header, ...review }) + '\n').join('');
}

/** The file name of an export: `kiem-diem-2017.csv`, `kiem-diem-2017-h-ba-thuoc.jsonl`. */
export const annualReviewFileName = (year: number, agencyId: string | undefined, format: 'csv' | 'jsonl') =>
  `kiem-diem-${year}${agencyId ? `-${agencyId}` : ''}.${format}`;
