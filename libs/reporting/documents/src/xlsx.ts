import type { ReportContent } from '@dm/contracts';
import { Workbook, type Style, type Worksheet } from 'exceljs';
import { DOCUMENT_KIND, documentHeading, MOTTO, NATION, type DocumentHeading } from './heading';
import { signatureLines } from './signature';
import type { CellValue, ColumnKind, ReportTable } from './table';
import { REPORT_VIEWS, viewTables, type ReportView } from './views';
import { HEADER_STYLE, lineStyle, tableCellStyle, TOTAL_LINE_STYLE } from './xlsx-styles';

const INCH = 25.4;
/** Decree 30/2020/NĐ-CP margins, in inches: left 30 mm, right 15 mm, top and bottom 20 mm. */
const PRINT_MARGINS = { left: 30 / INCH, right: 15 / INCH, top: 20 / INCH, bottom: 20 / INCH, header: 10 / INCH, footer: 10 / INCH };
const A4 = 9;
/** Points per line of 12-13 pt text. */
const LINE_HEIGHT = 17;
const TABLE_LINE_HEIGHT = 17;
const WRAPPED: ReadonlySet<ColumnKind> = new Set(['text', 'longText']);

/**
 * The report as a workbook: one sheet per view (REPORT_VIEWS), each opening
 * with the heading block of an administrative document and the period, its
 * table(s) with a totals row, and the signature block under the summary.
 * Dates are Excel dates shown dd/mm/yyyy; rates are ratios shown as percent.
 */
export async function renderXlsx(content: ReportContent): Promise<Buffer> {
  const heading = documentHeading(content);
  const workbook = new Workbook();
  const computedAt = new Date(content.knownAt);
  workbook.creator = content.heading.issuingBody;
  workbook.lastModifiedBy = content.heading.issuingBody;
  workbook.title = `${DOCUMENT_KIND} ${content.heading.title}`;
  workbook.subject = heading.periodLine;
  workbook.created = computedAt;
  workbook.modified = computedAt;
  for (const view of REPORT_VIEWS) writeView(workbook, content, heading, view);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function writeView(workbook: Workbook, content: ReportContent, heading: DocumentHeading, view: ReportView): void {
  const tables = viewTables(content, view.key);
  const widths = columnWidths(tables);
  const sheet = workbook.addWorksheet(view.sheetName, {
    pageSetup: {
      paperSize: A4,
      orientation: view.landscape ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: PRINT_MARGINS,
    },
    // Page numbers at the top centre from the second page (Decree 30/2020/NĐ-CP).
    headerFooter: { differentFirst: true, firstHeader: '', oddHeader: '&C&"Times New Roman"&13&P' },
  });
  sheet.columns = widths.map((width) => ({ width }));
  const writer = new SheetWriter(sheet, widths);
  writer.heading(heading);
  const placed = tables.map((table) => writer.table(table));
  if (view.key === 'summary') writer.signature(content);

  if (placed.length === 1) {
    const [{ headerFirst, headerLast, dataLast }] = placed;
    sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: headerLast, topLeftCell: `A${headerLast + 1}`, activeCell: `A${headerLast + 1}` }];
    sheet.pageSetup.printTitlesRow = `${headerFirst}:${headerLast}`;
    if (dataLast > headerLast) sheet.autoFilter = { from: { row: headerLast, column: 1 }, to: { row: dataLast, column: widths.length } };
  }
}

/** Each sheet column as wide as the widest of the tables' columns at that place. */
function columnWidths(tables: readonly ReportTable[]): number[] {
  const widths: number[] = [];
  for (const table of tables) table.columns.forEach((column, i) => (widths[i] = Math.max(widths[i] ?? 0, column.width)));
  return widths;
}

interface PlacedTable {
  headerFirst: number;
  headerLast: number;
  dataLast: number;
}

class SheetWriter {
  private next = 1;
  /** The heading's and signature's left block spans columns 1..split, the right one the rest. */
  private readonly split: number;
  private readonly totalWidth: number;

  constructor(
    private readonly sheet: Worksheet,
    private readonly widths: readonly number[],
  ) {
    this.totalWidth = widths.reduce((a, b) => a + b, 0);
    this.split = splitColumn(widths, this.totalWidth);
  }

  heading(heading: DocumentHeading): void {
    const left = [...(heading.parentBody ? [{ text: heading.parentBody, bold: false }] : []), { text: heading.issuingBody, bold: true }];
    this.pair(left[0].text, lineStyle(12, { bold: left[0].bold }), NATION, lineStyle(12, { bold: true }));
    this.pair(left[1]?.text ?? '', lineStyle(12, { bold: true }), MOTTO, lineStyle(13, { bold: true, underline: true }));
    this.pair(heading.numberLine, lineStyle(13), heading.placeAndDate, lineStyle(13, { italic: true }));
    this.next += 1;
    this.line(DOCUMENT_KIND, lineStyle(14, { bold: true }));
    this.line(heading.title, lineStyle(13, { bold: true }));
    this.next += 1;
    for (const text of [...heading.scope, heading.periodLine, heading.cutOffLine]) this.line(text, lineStyle(12, {}, 'left'));
    this.line(heading.recordLine, lineStyle(11, { italic: true }, 'left'));
  }

  table(table: ReportTable): PlacedTable {
    const n = table.columns.length;
    const kinds = table.columns.map((c) => c.kind);
    this.next += 1;
    this.line(table.title, lineStyle(12, { bold: true }, 'left'));
    const headerFirst = this.next;
    const headerLast = this.header(table);
    this.next = headerLast + 1;

    const styles = kinds.map((kind) => tableCellStyle(kind));
    for (const row of table.rows) this.cells(row, kinds, styles);
    const dataLast = this.next - 1;
    if (table.totals)
      this.cells(
        table.totals,
        kinds,
        kinds.map((kind) => tableCellStyle(kind, true)),
      );
    if (table.totalLine) this.line(table.totalLine, TOTAL_LINE_STYLE, 1, n);
    for (const note of table.notes) this.line(note, lineStyle(11, { italic: true }, 'left'), 1, this.widths.length);
    return { headerFirst, headerLast, dataLast };
  }

  /** Capacity, title and name on the right, "Nơi nhận:" and the recipients on the left (Decree 30/2020/NĐ-CP). */
  signature(content: ReportContent): void {
    const { left, right } = signatureLines(content.heading);
    this.next += 1;
    for (let i = 0; i < Math.max(left.length, right.length); i++) {
      const l = left[i];
      const r = right[i];
      this.pair(
        l?.text ?? '',
        lineStyle(l?.size ?? 11, { bold: l?.bold, italic: l?.italic }, 'left'),
        r?.text ?? '',
        lineStyle(13, { bold: r?.bold, italic: r?.italic }),
      );
    }
  }

  private header(table: ReportTable): number {
    const grouped = table.columns.some((c) => c.group);
    const top = this.next;
    const bottom = grouped ? top + 1 : top;
    let lines = 1;
    table.columns.forEach((column, i) => {
      const c = i + 1;
      lines = Math.max(lines, linesOf(column.header, column.width));
      if (!column.group) return this.merged(top, c, bottom, c, column.header, HEADER_STYLE);
      this.put(bottom, c, column.header, HEADER_STYLE);
      if (table.columns[i - 1]?.group === column.group) return;
      let last = i;
      while (table.columns[last + 1]?.group === column.group) last += 1;
      const span = table.columns.slice(i, last + 1).reduce((sum, col) => sum + col.width, 0);
      this.merged(top, c, top, last + 1, column.group, HEADER_STYLE);
      this.sheet.getRow(top).height = Math.max(this.sheet.getRow(top).height ?? 0, linesOf(column.group, span) * LINE_HEIGHT);
    });
    this.sheet.getRow(bottom).height = Math.max(this.sheet.getRow(bottom).height ?? 0, lines * LINE_HEIGHT);
    return bottom;
  }

  private cells(values: readonly CellValue[], kinds: readonly ColumnKind[], styles: readonly Partial<Style>[]): void {
    const row = this.sheet.getRow(this.next++);
    let lines = 1;
    for (let i = 0; i < values.length; i++) {
      const cell = row.getCell(i + 1);
      const value = values[i];
      cell.value = excelValue(value, kinds[i]);
      cell.style = styles[i];
      if (typeof value === 'string' && WRAPPED.has(kinds[i])) lines = Math.max(lines, linesOf(value, this.widths[i]));
    }
    // Spreadsheets do not all fit a row to its wrapped text on opening: its height is set.
    if (lines > 1) row.height = lines * TABLE_LINE_HEIGHT;
  }

  /** A line across columns first..last (the whole sheet by default), as tall as its text wraps to. */
  private line(text: string, style: Partial<Style>, first = 1, last = this.widths.length): void {
    const r = this.next++;
    const width = this.widths.slice(first - 1, last).reduce((a, b) => a + b, 0);
    this.merged(r, first, r, last, text, style);
    this.sheet.getRow(r).height = linesOf(text, width, style.font?.bold) * LINE_HEIGHT;
  }

  private pair(left: string, leftStyle: Partial<Style>, right: string, rightStyle: Partial<Style>): void {
    const r = this.next++;
    const n = this.widths.length;
    const leftWidth = this.widths.slice(0, this.split).reduce((a, b) => a + b, 0);
    this.merged(r, 1, r, this.split, left, leftStyle);
    this.merged(r, this.split + 1, r, n, right, rightStyle);
    const lines = Math.max(
      linesOf(left, leftWidth, leftStyle.font?.bold),
      linesOf(right, this.totalWidth - leftWidth, rightStyle.font?.bold),
    );
    this.sheet.getRow(r).height = lines * LINE_HEIGHT;
  }

  private merged(top: number, left: number, bottom: number, right: number, text: string, style: Partial<Style>): void {
    for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) this.sheet.getCell(r, c).style = style;
    this.sheet.getCell(top, left).value = text;
    if (bottom > top || right > left) this.sheet.mergeCells(top, left, bottom, right);
  }

  private put(r: number, c: number, text: string, style: Partial<Style>): void {
    const cell = this.sheet.getCell(r, c);
    cell.value = text;
    cell.style = style;
  }
}

/** The last column of the left block: the one that brings it nearest to 45% of the width. */
function splitColumn(widths: readonly number[], total: number): number {
  let best = 1;
  let cumulative = 0;
  widths.slice(0, -1).forEach((width, i) => {
    cumulative += width;
    const bestWidth = widths.slice(0, best).reduce((a, b) => a + b, 0);
    if (Math.abs(cumulative / total - 0.45) < Math.abs(bestWidth / total - 0.45)) best = i + 1;
  });
  return best;
}

/** How many lines a text wraps to in a width of Excel characters (Times New Roman 12-13 pt runs wider than the default font). */
function linesOf(text: string, width: number, bold = false): number {
  const perCharacter = bold && text === text.toLocaleUpperCase('vi') ? 1.55 : 1.2;
  return Math.max(1, Math.ceil((text.length * perCharacter) / Math.max(1, width - 1)));
}

function excelValue(value: CellValue, kind: ColumnKind): string | number | Date | null {
  if (kind === 'date' && typeof value === 'string') {
    const [year, month, day] = value.split('-').map(Number);
    return new Date(Date.UTC(year, month - 1, day));
  }
  return value;
}
