import { OFFICIAL_STATUSES, type CoordinatingBlock, type ReportContent, type SummaryBlock } from '@dm/contracts';
import { CLOSED_STAGES, LIFECYCLE_LABELS, LIVE_STAGES, STATUS_LABELS } from './labels';
import { indexColumn, integerColumn, percentColumn, TOTAL_LABEL, type CellValue, type ReportTable, type TableColumn } from './table';

const measureColumn = (header: string): TableColumn => ({ header, kind: 'text', width: 52, weight: 9 });
const countColumn = (header: string): TableColumn => ({ ...integerColumn(header), width: 15, weight: 2.2 });

/** The summary view: the official block's and the requests block's counts and rates, and the coordinating assignments. */
export function summaryTables(content: ReportContent): ReportTable[] {
  return [
    statusTable('1. Nhiệm vụ giao, yêu cầu: số nhiệm vụ theo tình trạng thực hiện', content.summary),
    rateTable('Tỷ lệ thực hiện nhiệm vụ giao, yêu cầu', content.summary),
    statusTable('2. Nhiệm vụ đề nghị: số nhiệm vụ theo tình trạng thực hiện', content.requests),
    rateTable('Tỷ lệ thực hiện nhiệm vụ đề nghị', content.requests),
    coordinatingTable('3. Nhiệm vụ phối hợp: số nhiệm vụ theo giai đoạn thực hiện', content.coordinating),
  ];
}

function statusTable(title: string, block: SummaryBlock): ReportTable {
  const rows: CellValue[][] = OFFICIAL_STATUSES.map((status, i) => [
    i + 1,
    STATUS_LABELS[status],
    block.carriedOver[status],
    block.assignedInWindow[status],
    block.counts[status],
  ]);
  const sum = (column: number) => rows.reduce((total, row) => total + (row[column] as number), 0);
  const closed = CLOSED_STAGES.reduce((total, stage) => total + block.lifecycle[stage], 0);
  return {
    title,
    columns: [
      indexColumn(),
      measureColumn('Tình trạng'),
      countColumn('Kỳ trước chuyển sang'),
      countColumn('Giao trong kỳ'),
      countColumn('Tổng số'),
    ],
    rows,
    totals: [null, TOTAL_LABEL, sum(2), sum(3), sum(4)],
    totalLine: null,
    notes: [
      `Trong đó: hoàn thành không có thời hạn: ${block.counts.completedWithoutDeadline}; gia hạn sau khi đã quá hạn: ${block.counts.extendedAfterDue}.`,
      `Tổng số nhiệm vụ được giao: ${block.assigned}, gồm ${block.counts.total} nhiệm vụ đang theo dõi và ${closed} nhiệm vụ đã hủy, được thay thế hoặc thu hồi.`,
    ],
  };
}

function rateTable(title: string, block: SummaryBlock): ReportTable {
  return {
    title,
    columns: [
      indexColumn(),
      measureColumn('Tỷ lệ'),
      countColumn('Tử số'),
      countColumn('Mẫu số'),
      { ...percentColumn('Tỷ lệ (%)'), width: 15, weight: 2.2 },
    ],
    rows: block.rates.map((rate, i) => [i + 1, rate.label, rate.numerator, rate.denominator, rate.value]),
    totals: null,
    totalLine: null,
    notes: [],
  };
}

function coordinatingTable(title: string, block: CoordinatingBlock): ReportTable {
  const rows: CellValue[][] = LIVE_STAGES.map((stage, i) => [i + 1, LIFECYCLE_LABELS[stage], block.lifecycle[stage]]);
  const closed = CLOSED_STAGES.reduce((total, stage) => total + block.lifecycle[stage], 0);
  return {
    title,
    columns: [indexColumn(), measureColumn('Giai đoạn'), countColumn('Số lượng')],
    rows,
    totals: [null, TOTAL_LABEL, rows.reduce((total, row) => total + (row[2] as number), 0)],
    totalLine: null,
    notes: [`Tổng số nhiệm vụ phối hợp được giao: ${block.assigned}, trong đó đã hủy, được thay thế hoặc thu hồi: ${closed}.`],
  };
}
