import { ratio } from './rates';
import { TOTAL_LABEL, type CellValue, type TableColumn } from './table';

/**
 * The totals row of a table of counts: integer columns summed, a percent
 * column recomputed from the two columns before it (its numerator and
 * denominator, summed), the first text column labelled "Tổng cộng".
 */
export function totalsRow(columns: readonly TableColumn[], rows: readonly CellValue[][]): CellValue[] {
  const totals: CellValue[] = [];
  let labelled = false;
  columns.forEach((column, c) => {
    if (column.kind === 'integer') totals.push(sumOf(rows, c));
    else if (column.kind === 'percent') totals.push(percentOf(totals[c - 2], totals[c - 1]));
    else if (column.kind === 'text' && !labelled) {
      totals.push(TOTAL_LABEL);
      labelled = true;
    } else totals.push(null);
  });
  return totals;
}

function sumOf(rows: readonly CellValue[][], column: number): number | null {
  let sum: number | null = null;
  for (const row of rows) {
    const value = row[column];
    if (typeof value === 'number') sum = (sum ?? 0) + value;
  }
  return sum;
}

function percentOf(numerator: CellValue, denominator: CellValue): number | null {
  return typeof numerator === 'number' && typeof denominator === 'number' ? ratio(numerator, denominator) : null;
}
