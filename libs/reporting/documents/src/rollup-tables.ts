import { OFFICIAL_STATUSES, type ReportContent, type RollupRow } from '@dm/contracts';
import { STATUS_LABELS } from './labels';
import { rateCells, rateNamed } from './rates';
import { indexColumn, integerColumn, percentColumn, TOTAL_LABEL, type CellValue, type ReportTable, type TableColumn } from './table';
import { totalsRow } from './totals';

const LIVE = 'Nhiệm vụ đang theo dõi';
/** The two rates each roll-up row shows, with the domain's labels. */
const ROLLUP_RATES = [
  ['completed/due', 'Tỷ lệ hoàn thành trên số nhiệm vụ đến hạn'],
  ['completed/assigned', 'Tỷ lệ hoàn thành trên tổng số nhiệm vụ được giao'],
] as const;

function rollupColumns(nameHeader: string, withAgencies: boolean): TableColumn[] {
  return [
    indexColumn(),
    { header: nameHeader, kind: 'text', width: 40, weight: 6.4 },
    ...(withAgencies ? [integerColumn('Số cơ quan')] : []),
    integerColumn('Số nhiệm vụ được giao', undefined, 1.5),
    ...OFFICIAL_STATUSES.map((status) => integerColumn(STATUS_LABELS[status], LIVE)),
    integerColumn('Cộng', LIVE),
    ...ROLLUP_RATES.flatMap(([, label]) => [
      integerColumn('Tử số', label),
      integerColumn('Mẫu số', label),
      percentColumn('Tỷ lệ (%)', label),
    ]),
  ];
}

function rollupCells(row: RollupRow, index: number | null, name: string, withAgencies: boolean): CellValue[] {
  return [
    index,
    name,
    ...(withAgencies ? [row.agencies] : []),
    row.assigned,
    ...OFFICIAL_STATUSES.map((status) => row.counts[status]),
    row.counts.total,
    ...ROLLUP_RATES.flatMap(([rateName]) => rateCells(rateNamed(row.rates, rateName))),
  ];
}

/** One row per agency holding a lead assignment, by name; the totals sum them and recompute the rates. */
export function scorecardTable(content: ReportContent, title: string): ReportTable {
  const columns = rollupColumns('Cơ quan, đơn vị', false);
  const rows = content.scorecards.map((row, i) => rollupCells(row, i + 1, row.name, false));
  return { title, columns, rows, totals: totalsRow(columns, rows), totalLine: null, notes: [] };
}

/**
 * One row per group, then the province's as the totals: an agency may be in
 * several groups, so the groups do not add up to the province.
 */
export function groupTable(content: ReportContent, title: string): ReportTable {
  const columns = rollupColumns('Nhóm cơ quan, đơn vị', true);
  const groups = content.groups.filter((row) => row.id !== content.province.id && row.id !== 'province');
  return {
    title,
    columns,
    rows: groups.map((row, i) => rollupCells(row, i + 1, row.name, true)),
    totals: rollupCells(content.province, null, `${TOTAL_LABEL} (${content.province.name})`, true),
    totalLine: null,
    notes: ['Một cơ quan, đơn vị có thể thuộc nhiều nhóm nên dòng tổng cộng là số liệu chung, không phải tổng cộng các nhóm.'],
  };
}
