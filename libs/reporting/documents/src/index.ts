export { renderXlsx } from './xlsx';
export { renderCsv, DEFAULT_CSV_VIEW } from './csv';
export { renderPdf } from './pdf';
export { REPORT_VIEWS, viewTables, type ReportView, type ReportViewKey } from './views';
export { vietnamesePeriodName } from './period-name';
export { placeAndDateLine } from './vietnamese-format';
export { STATUS_LABELS } from './labels';
export type { CellValue, ColumnKind, ReportTable, TableColumn } from './table';
