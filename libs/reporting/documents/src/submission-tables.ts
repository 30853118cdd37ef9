import type { SubmissionRow } from '@dm/contracts';
import { indexColumn, integerColumn, percentColumn, type CellValue, type ReportTable, type TableColumn } from './table';
import { totalsRow } from './totals';

const COMPLETENESS = 'Tỷ lệ báo cáo đầy đủ';
const TIMELINESS = 'Tỷ lệ báo cáo đúng hạn';

/** Periodic report duties, one row per reporting agency; the totals sum them and recompute both rates. */
export function submissionTable(title: string, submissions: readonly SubmissionRow[]): ReportTable {
  const columns: TableColumn[] = [
    indexColumn(),
    { header: 'Cơ quan, đơn vị', kind: 'text', width: 40, weight: 6.6 },
    integerColumn('Số kỳ phải báo cáo', undefined, 1.6),
    integerColumn('Nộp đúng hạn', undefined, 1.6),
    integerColumn('Nộp muộn', undefined, 1.6),
    integerColumn('Chưa nộp', undefined, 1.6),
    integerColumn('Chưa đến hạn', undefined, 1.6),
    ...[submissions[0]?.completeness.label ?? COMPLETENESS, submissions[0]?.timeliness.label ?? TIMELINESS].flatMap((group) => [
      integerColumn('Tử số', group),
      integerColumn('Mẫu số', group),
      percentColumn('Tỷ lệ (%)', group),
    ]),
  ];
  const rows: CellValue[][] = submissions.map((s, i) => [
    i + 1,
    s.agencyName,
    s.due,
    s.onTime,
    s.late,
    s.missing,
    s.pending,
    s.completeness.numerator,
    s.completeness.denominator,
    s.completeness.value,
    s.timeliness.numerator,
    s.timeliness.denominator,
    s.timeliness.value,
  ]);
  return { title, columns, rows, totals: totalsRow(columns, rows), totalLine: null, notes: [] };
}
