/**
 * A report's tables as every format lays them out: the xlsx, csv and pdf
 * renderers draw the same columns, rows and totals.
 */

/** A date cell holds `YYYY-MM-DD`; a percent cell a ratio (0.6667). */
export type CellValue = string | number | null;

/** `code`: short text kept on one line (a document's number); `text` wraps; `longText` wraps and runs long (a task). */
export type ColumnKind = 'index' | 'code' | 'text' | 'longText' | 'integer' | 'number' | 'percent' | 'date';

export interface TableColumn {
  header: string;
  /** A header spanning this column and the neighbouring ones of the same group. */
  group?: string;
  kind: ColumnKind;
  /** Width in Excel characters. */
  width: number;
  /** Share of the PDF page's width, relative to the other columns'. */
  weight: number;
}

export interface ReportTable {
  title: string;
  columns: TableColumn[];
  rows: CellValue[][];
  /** The totals row ("Tổng cộng"), aligned with the columns. */
  totals: CellValue[] | null;
  /** A list's totals as one line across the table (its count and its count by status). */
  totalLine: string | null;
  notes: string[];
}

export const TOTAL_LABEL = 'Tổng cộng';

export const indexColumn = (): TableColumn => ({ header: 'STT', kind: 'index', width: 6, weight: 1.1 });
export const integerColumn = (header: string, group?: string, weight = 1.3): TableColumn => ({
  header,
  group,
  kind: 'integer',
  width: 11,
  weight,
});
export const percentColumn = (header: string, group?: string): TableColumn => ({ header, group, kind: 'percent', width: 10, weight: 1.45 });
