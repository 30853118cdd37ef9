import { OFFICIAL_STATUSES, type ReportAssignmentRow } from '@dm/contracts';
import { STATUS_LABELS, statusTextOf } from './labels';
import { indexColumn, TOTAL_LABEL, type CellValue, type ReportTable, type TableColumn } from './table';

const ASSIGNMENT_COLUMNS: TableColumn[] = [
  indexColumn(),
  { header: 'Số, ký hiệu văn bản', kind: 'code', width: 16, weight: 3.1 },
  { header: 'Nhiệm vụ số', kind: 'code', width: 9, weight: 1.5 },
  { header: 'Nội dung nhiệm vụ', kind: 'longText', width: 60, weight: 9 },
  { header: 'Cơ quan chủ trì', kind: 'text', width: 32, weight: 4.4 },
  { header: 'Tình trạng', kind: 'text', width: 24, weight: 3.3 },
  { header: 'Thời hạn', kind: 'date', width: 12, weight: 2.6 },
  { header: 'Ngày hoàn thành', kind: 'date', width: 13, weight: 2.6 },
  { header: 'Số ngày chậm', kind: 'integer', width: 9, weight: 1.5 },
  { header: 'Tiến độ (%)', kind: 'number', width: 9, weight: 1.5 },
];

/** A list of assignments, one row each; its totals are a line: how many, and how many by status. */
export function assignmentTable(title: string, assignments: readonly ReportAssignmentRow[]): ReportTable {
  const rows: CellValue[][] = assignments.map((a, i) => [
    i + 1,
    a.directiveNumber,
    a.taskNumber,
    a.taskText,
    a.agencyName,
    statusTextOf(a),
    a.deadline,
    a.completedOn,
    a.daysLate,
    a.latestPercent,
  ]);
  return { title, columns: ASSIGNMENT_COLUMNS, rows, totals: null, totalLine: countLine(assignments), notes: [] };
}

/** "Tổng cộng: 12 nhiệm vụ, trong đó: Hoàn thành quá hạn: 5; Quá hạn chưa hoàn thành: 7." */
export function countLine(assignments: readonly ReportAssignmentRow[]): string {
  const counts = new Map<string, number>(OFFICIAL_STATUSES.map((status) => [STATUS_LABELS[status], 0]));
  for (const a of assignments) {
    const text = statusTextOf(a);
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  const parts = [...counts].filter(([, n]) => n > 0).map(([text, n]) => `${text}: ${n}`);
  const head = `${TOTAL_LABEL}: ${assignments.length} nhiệm vụ`;
  return parts.length > 0 ? `${head}, trong đó: ${parts.join('; ')}.` : `${head}.`;
}
