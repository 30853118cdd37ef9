import type { ReportContent } from '@dm/contracts';
import { formatVietnamese } from '@dm/periods';
import { DOCUMENT_KIND, documentHeading } from './heading';
import type { CellValue, ColumnKind, ReportTable } from './table';
import { reportView, viewTables, type ReportViewKey } from './views';

const BOM = '\uFEFF';
const CRLF = '\r\n';
/** Text a spreadsheet could take for a formula (OWASP, "CSV Injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

export const DEFAULT_CSV_VIEW: ReportViewKey = 'scorecards';

/**
 * One view of the report as CSV: UTF-8 with a byte order mark, CRLF line
 * ends, RFC 4180 quoting. A few heading lines (issuing body, number, period
 * and its cut-off dates), then the header row, the rows and the totals.
 * Dates are dd/mm/yyyy; rates in percent with a decimal point (66.67).
 */
export function renderCsv(content: ReportContent, view: ReportViewKey = DEFAULT_CSV_VIEW): Buffer {
  const heading = documentHeading(content);
  const headingLines = [
    heading.issuingBody,
    `${heading.numberLine}, ${heading.placeAndDate}`,
    `${DOCUMENT_KIND} ${heading.title}`,
    ...heading.scope,
    heading.periodLine,
    heading.cutOffLine,
    heading.recordLine,
    reportView(view).title,
  ];
  const lines: string[][] = headingLines.map((line) => [quoteText(line)]);
  for (const table of viewTables(content, view)) lines.push([], ...tableLines(table, view === 'summary'));
  return Buffer.from(BOM + lines.map((cells) => cells.join(',') + CRLF).join(''), 'utf8');
}

function tableLines(table: ReportTable, titled: boolean): string[][] {
  const kinds = table.columns.map((c) => c.kind);
  const lines = titled ? [[quoteText(table.title)]] : [];
  lines.push(table.columns.map((c) => quoteText(c.group ? `${c.group} - ${c.header}` : c.header)));
  for (const row of table.rows) lines.push(row.map((value, i) => csvCell(value, kinds[i])));
  if (table.totals) lines.push(table.totals.map((value, i) => csvCell(value, kinds[i])));
  if (table.totalLine) lines.push([quoteText(table.totalLine)]);
  for (const note of table.notes) lines.push([quoteText(note)]);
  return lines;
}

function csvCell(value: CellValue, kind: ColumnKind): string {
  if (value === null) return '';
  if (typeof value === 'number') return kind === 'percent' ? (value * 100).toFixed(2) : String(value);
  return kind === 'date' ? formatVietnamese(value) : quoteText(value);
}

/** Neutralises a formula-looking text with a leading apostrophe, then quotes it when RFC 4180 asks. */
export function quoteText(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
