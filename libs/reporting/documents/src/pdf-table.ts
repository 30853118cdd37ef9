import { formatVietnamese } from '@dm/periods';
import { FONTS } from './pdf-fonts';
import type { CellValue, ColumnKind, ReportTable } from './table';
import { formatDecimal, formatInteger, formatPercent } from './vietnamese-format';

/** Where a table may be drawn: its left edge and width, and each page's top and bottom. */
export interface TableArea {
  left: number;
  width: number;
  top: number;
  bottom: number;
}

type Align = 'left' | 'center' | 'right';

const PADDING = 2;
const LINE_WIDTH = 0.5;
const SMALLEST_FONT = 7;
/** A wrapping column gets at least this many points per unit of its weight, or the font is made smaller. */
const MIN_POINTS_PER_WEIGHT = 12;
const WRAPPING: ReadonlySet<ColumnKind> = new Set(['text', 'longText']);
const ALIGN: Record<ColumnKind, Align> = {
  index: 'center',
  code: 'left',
  text: 'left',
  longText: 'left',
  integer: 'right',
  number: 'right',
  percent: 'right',
  date: 'center',
};

/** A cell as the PDF shows it: Vietnamese digit grouping and decimal comma, dates dd/mm/yyyy, percent without its sign (the header has it). */
export function pdfCellText(value: CellValue, kind: ColumnKind): string {
  if (value === null) return '';
  if (typeof value === 'string') return kind === 'date' ? formatVietnamese(value) : value.normalize('NFC');
  if (kind === 'percent') return formatPercent(value);
  if (kind === 'number') return formatDecimal(value);
  return formatInteger(value);
}

/**
 * Draws a table from doc.y down, with borders, a bold header (two levels
 * when columns are grouped) repeated on each new page, and the totals in
 * bold. Columns that do not wrap are at least as wide as their widest cell;
 * the text columns share the rest by weight, at the largest font size (up
 * to `maxFontSize`) that leaves them room. Text is wrapped here, by words
 * measured once, and drawn line by line: far faster than pdfkit's wrapper
 * on 10,000 rows, and the heights measured are the heights drawn.
 */
export class PdfTable {
  private readonly kinds: ColumnKind[];
  private readonly rows: string[][];
  private readonly totals: string[] | null;
  private readonly text: TextMeasure;
  private fontSize = 0;
  private widths: number[] = [];
  private xs: number[] = [];
  private lineHeight = 0;
  /** The rows drawn on this page since the header: their top, and each one's bottom edge. */
  private segmentTop = 0;
  private readonly rowBottoms: number[] = [];

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly table: ReportTable,
    private readonly area: TableArea,
    maxFontSize: number,
  ) {
    this.kinds = table.columns.map((c) => c.kind);
    this.rows = table.rows.map((row) => row.map((value, i) => pdfCellText(value, this.kinds[i])));
    this.totals = table.totals?.map((value, i) => pdfCellText(value, this.kinds[i])) ?? null;
    this.text = new TextMeasure(doc);
    this.fit(maxFontSize);
  }

  /** The table's height, or some height above `limit` once it passes it (a long table is not measured to its end). */
  heightUpTo(limit: number): number {
    let height = this.headerHeight();
    for (const row of this.rows) {
      if (height > limit) return height;
      height += this.rowHeight(row, FONTS.regular);
    }
    if (this.totals) height += this.rowHeight(this.totals, FONTS.bold);
    if (this.table.totalLine) height += this.spanningHeight(this.table.totalLine);
    return height;
  }

  /** The header and the first two rows: what must fit under a title. */
  leadHeight(): number {
    return this.rows.slice(0, 2).reduce((height, row) => height + this.rowHeight(row, FONTS.regular), this.headerHeight());
  }

  draw(): void {
    if (this.doc.y + this.headerHeight() + 2 * (this.lineHeight + 2 * PADDING) > this.area.bottom) this.newPage(false);
    this.header();
    for (const row of this.rows) this.row(row, FONTS.regular);
    if (this.totals) this.row(this.totals, FONTS.bold);
    this.closeSegment();
    if (this.table.totalLine) this.spanningRow(this.table.totalLine);
    this.doc.x = this.area.left;
  }

  private fit(maxFontSize: number): void {
    const columns = this.table.columns;
    const widest = columns.map((column, i) => {
      if (WRAPPING.has(column.kind)) return '';
      let text = this.totals?.[i] ?? '';
      for (const row of this.rows) if (row[i].length > text.length) text = row[i];
      return text;
    });
    const totalWeight = columns.reduce((sum, c) => sum + c.weight, 0);
    const wrappingWeight = columns.reduce((sum, c) => sum + (WRAPPING.has(c.kind) ? c.weight : 0), 0);
    for (let size = maxFontSize; ; size -= 1) {
      this.fontSize = size;
      const headerWord = (header: string) => Math.max(...header.split(/\s+/).map((word) => this.text.width(FONTS.bold, size, `${word} `)));
      const least = columns.map(
        (column, i) =>
          Math.max(headerWord(column.header), WRAPPING.has(column.kind) ? 0 : this.text.width(FONTS.bold, size, widest[i])) +
          2 * PADDING +
          1,
      );
      // The columns that do not wrap at their share by weight when that leaves the text columns plenty, else as narrow as they can be.
      for (const [share, needed] of [
        [this.area.width / totalWeight, 2 * MIN_POINTS_PER_WEIGHT],
        [0, MIN_POINTS_PER_WEIGHT],
      ]) {
        const fixed = columns.map((column, i) => (WRAPPING.has(column.kind) ? 0 : Math.max(least[i], column.weight * share)));
        const perWeight = (this.area.width - fixed.reduce((a, b) => a + b, 0)) / Math.max(wrappingWeight, 1e-9);
        const widths = columns.map((column, i) => (WRAPPING.has(column.kind) ? column.weight * perWeight : fixed[i]));
        const roomy = columns.every((column, i) => !WRAPPING.has(column.kind) || (perWeight >= needed && widths[i] >= least[i]));
        if (roomy || (size <= SMALLEST_FONT && share === 0)) {
          const scale = this.area.width / widths.reduce((a, b) => a + b, 0);
          this.widths = widths.map((w) => w * scale);
          this.xs = this.widths.map((_, i) => this.area.left + this.widths.slice(0, i).reduce((a, b) => a + b, 0));
          this.lineHeight = this.doc.font(FONTS.regular).fontSize(size).currentLineHeight(true);
          return;
        }
      }
    }
  }

  private newPage(withHeader = true): void {
    this.closeSegment();
    this.doc.addPage();
    this.doc.y = this.area.top;
    if (withHeader) this.header();
  }

  private linesOf(text: string, font: string, width: number): string[] {
    return this.text.wrap(font, this.fontSize, text, width - 2 * PADDING);
  }

  private boxHeight(lines: number): number {
    return Math.max(1, lines) * this.lineHeight + 2 * PADDING;
  }

  private headerLayout(): { top: number; bottom: number } {
    const columns = this.table.columns;
    let top = 0;
    let bottom = 0;
    let single = 0;
    columns.forEach((column, i) => {
      const height = this.boxHeight(this.linesOf(column.header, FONTS.bold, this.widths[i]).length);
      if (!column.group) single = Math.max(single, height);
      else {
        bottom = Math.max(bottom, height);
        if (columns[i - 1]?.group !== column.group)
          top = Math.max(top, this.boxHeight(this.linesOf(column.group, FONTS.bold, this.groupWidth(i)).length));
      }
    });
    return top === 0 ? { top: 0, bottom: single } : { top, bottom: Math.max(bottom, single - top) };
  }

  private headerHeight(): number {
    const { top, bottom } = this.headerLayout();
    return top + bottom;
  }

  private header(): void {
    const { top, bottom } = this.headerLayout();
    const y = this.doc.y;
    const columns = this.table.columns;
    const boxes: Box[] = [];
    columns.forEach((column, i) => {
      const x = this.xs[i];
      if (!column.group) return boxes.push(this.cell(column.header, FONTS.bold, [x, y, this.widths[i], top + bottom], 'center', true));
      boxes.push(this.cell(column.header, FONTS.bold, [x, y + top, this.widths[i], bottom], 'center', true));
      if (columns[i - 1]?.group !== column.group)
        boxes.push(this.cell(column.group, FONTS.bold, [x, y, this.groupWidth(i), top], 'center', true));
    });
    this.borders(boxes);
    this.doc.y = y + top + bottom;
    this.segmentTop = this.doc.y;
  }

  private rowHeight(cells: readonly string[], font: string): number {
    let lines = 1;
    this.table.columns.forEach((column, i) => {
      if (WRAPPING.has(column.kind) && cells[i]) lines = Math.max(lines, this.linesOf(cells[i], font, this.widths[i]).length);
    });
    return this.boxHeight(lines);
  }

  private row(cells: readonly string[], font: string): void {
    const height = this.rowHeight(cells, font);
    if (this.doc.y + height > this.area.bottom) this.newPage();
    const y = this.doc.y;
    this.table.columns.forEach((column, i) =>
      this.cell(cells[i], font, [this.xs[i], y, this.widths[i], height], ALIGN[column.kind], WRAPPING.has(column.kind)),
    );
    this.doc.y = y + height;
    this.rowBottoms.push(this.doc.y);
  }

  /**
   * The grid of the rows drawn since the header, as one path: a line under
   * each row and the column rules from the header down. Drawn once per page
   * rather than a box per cell, it keeps the content stream small.
   */
  private closeSegment(): void {
    if (this.rowBottoms.length === 0) return;
    const doc = this.doc.lineWidth(LINE_WIDTH);
    const right = this.area.left + this.area.width;
    for (const y of this.rowBottoms) doc.moveTo(this.area.left, y).lineTo(right, y);
    const bottom = this.rowBottoms[this.rowBottoms.length - 1];
    for (const x of [...this.xs, right]) doc.moveTo(x, this.segmentTop).lineTo(x, bottom);
    doc.stroke();
    this.rowBottoms.length = 0;
  }

  private spanningHeight(text: string): number {
    return this.boxHeight(this.linesOf(text, FONTS.bold, this.area.width).length);
  }

  private spanningRow(text: string): void {
    const height = this.spanningHeight(text);
    if (this.doc.y + height > this.area.bottom) this.newPage();
    const y = this.doc.y;
    this.borders([this.cell(text, FONTS.bold, [this.area.left, y, this.area.width, height], 'left', true)]);
    this.doc.y = y + height;
  }

  /** A cell's text, its lines centred vertically in the box; the box is returned for its border. */
  private cell(text: string, font: string, box: Box, align: Align, wrap: boolean): Box {
    if (!text) return box;
    const [x, y, width, height] = box;
    const lines = wrap ? this.linesOf(text, font, width) : [text];
    const doc = this.doc.font(font).fontSize(this.fontSize);
    let lineY = y + (height - lines.length * this.lineHeight) / 2;
    for (const line of lines) {
      const lineWidth = align === 'left' ? 0 : this.text.width(font, this.fontSize, line);
      const left = align === 'left' ? x + PADDING : align === 'right' ? x + width - PADDING - lineWidth : x + (width - lineWidth) / 2;
      doc.text(line, left, lineY, { lineBreak: false });
      lineY += this.lineHeight;
    }
    return box;
  }

  /** Borders after the text: a path is stroked before any text is drawn again. */
  private borders(boxes: readonly Box[]): void {
    this.doc.lineWidth(LINE_WIDTH);
    for (const [x, y, width, height] of boxes) this.doc.rect(x, y, width, height);
    this.doc.stroke();
  }

  private groupWidth(first: number): number {
    const group = this.table.columns[first].group;
    let width = 0;
    for (let i = first; this.table.columns[i]?.group === group; i++) width += this.widths[i];
    return width;
  }
}

/** x, y, width, height. */
type Box = [number, number, number, number];

/** Word widths and wrapped lines, measured once per font and size. */
class TextMeasure {
  private readonly widths = new Map<string, number>();
  private readonly wrapped = new Map<string, string[]>();

  constructor(private readonly doc: PDFKit.PDFDocument) {}

  width(font: string, size: number, text: string): number {
    const key = `${font}|${size}|${text}`;
    let width = this.widths.get(key);
    if (width === undefined) {
      width = this.doc.font(font).fontSize(size).widthOfString(text);
      this.widths.set(key, width);
    }
    return width;
  }

  /** Greedy wrapping at spaces and line breaks; a word longer than the line is cut where it must be. */
  wrap(font: string, size: number, text: string, width: number): string[] {
    const key = `${font}|${size}|${width}|${text}`;
    const known = this.wrapped.get(key);
    if (known) return known;
    const space = this.width(font, size, ' ');
    const lines: string[] = [];
    for (const paragraph of text.split(/\r?\n/)) {
      let line = '';
      let lineWidth = 0;
      for (const word of paragraph.split(' ').filter(Boolean)) {
        const wordWidth = this.width(font, size, word);
        if (line && lineWidth + space + wordWidth <= width) {
          line += ` ${word}`;
          lineWidth += space + wordWidth;
          continue;
        }
        if (line) lines.push(line);
        [line, lineWidth] = wordWidth <= width ? [word, wordWidth] : this.cut(font, size, word, width, lines);
      }
      lines.push(line);
    }
    // Only repeated texts (agencies, statuses, headers) are worth keeping.
    if (text.length <= 120) this.wrapped.set(key, lines);
    return lines;
  }

  /** Pushes the full-width pieces of a word too long for a line, and returns its last piece. */
  private cut(font: string, size: number, word: string, width: number, lines: string[]): [string, number] {
    let rest = word;
    for (;;) {
      let n = rest.length;
      while (n > 1 && this.width(font, size, rest.slice(0, n)) > width) n -= 1;
      if (n === rest.length) return [rest, this.width(font, size, rest)];
      lines.push(rest.slice(0, n));
      rest = rest.slice(n);
    }
  }
}
