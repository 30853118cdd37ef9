import type { ReportContent } from '@dm/contracts';
import PDFDocument from 'pdfkit';
import { DOCUMENT_KIND, documentHeading, MOTTO, NATION, type DocumentHeading } from './heading';
import { FONTS, registerTinos } from './pdf-fonts';
import { PdfTable, type TableArea } from './pdf-table';
import { signatureLines, type SignatureLine } from './signature';
import { REPORT_VIEWS, viewTables } from './views';
import { upper } from './vietnamese-format';

const MM = 72 / 25.4;
/** Decree 30/2020/NĐ-CP, Art. 5 of Appendix I: top and bottom 20-25 mm, left 30-35 mm, right 15-20 mm. */
const MARGINS = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };
const BODY_SIZE = 13;
const PARAGRAPH = { align: 'justify' as const, indent: 10 * MM, lineGap: 1.5, paragraphGap: 6 };
const SECTION_NUMBERS = ['I', 'II', 'III', 'IV', 'V', 'VI'];
/** The summary's few columns are set larger than the long tables. */
const SUMMARY_TABLE_SIZE = 12;
const TABLE_SIZE = 9;

/**
 * The report as an administrative document (Decree 30/2020/NĐ-CP): A4
 * portrait, Tinos (Times New Roman's metrics) 13 pt embedded; the heading
 * block, "BÁO CÁO" and the title, the directive and period, sections I-VI
 * (summary, agencies, groups, late and overdue, requests, periodic report
 * duties) with tables whose header repeats on each page, the signature
 * block and "Nơi nhận:", page numbers at the top centre from page 2.
 * The same content gives the same bytes: the dates in the file are the
 * content's record time.
 */
export function renderPdf(content: ReportContent): Promise<Buffer> {
  const heading = documentHeading(content);
  const computedAt = new Date(content.knownAt);
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    bufferPages: true,
    lang: 'vi-VN',
    displayTitle: true,
    info: {
      Title: `${DOCUMENT_KIND} ${content.heading.title}`,
      Author: content.heading.issuingBody,
      Subject: `${heading.numberLine}. ${heading.periodLine}`,
      Creator: 'directive-monitor',
      CreationDate: computedAt,
      ModDate: computedAt,
    },
  });
  const bytes = collect(doc);
  registerTinos(doc);
  const area: TableArea = {
    left: MARGINS.left,
    width: doc.page.width - MARGINS.left - MARGINS.right,
    top: MARGINS.top,
    bottom: doc.page.height - MARGINS.bottom,
  };
  drawHeading(doc, heading, area);
  REPORT_VIEWS.forEach((view, i) => {
    const tables = viewTables(content, view.key);
    tables.forEach((table, j) => {
      const pdfTable = new PdfTable(doc, table, area, view.key === 'summary' ? SUMMARY_TABLE_SIZE : TABLE_SIZE);
      const titles: Title[] = [
        ...(j === 0 ? [{ text: `${SECTION_NUMBERS[i]}. ${upper(view.title)}`, font: FONTS.bold, gapBefore: 10 }] : []),
        ...(tables.length > 1 ? [{ text: table.title, font: FONTS.boldItalic, gapBefore: 4 }] : []),
      ];
      keepWithTitles(doc, pdfTable, titles, area);
      for (const title of titles) drawTitle(doc, title, area);
      pdfTable.draw();
      notes(doc, table.notes, area);
    });
  });
  drawSignature(doc, content, area);
  numberPages(doc, area);
  doc.end();
  return bytes;
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/** Body and number on the left, national name and motto on the right, each underlined; "Số" level with the place and date. */
function drawHeading(doc: PDFKit.PDFDocument, heading: DocumentHeading, area: TableArea): void {
  const leftWidth = area.width * 0.42;
  const rightX = area.left + leftWidth;
  const rightWidth = area.width - leftWidth;
  const centred = (width: number) => ({ width, align: 'center' as const });

  doc.y = area.top;
  if (heading.parentBody) doc.font(FONTS.regular).fontSize(12).text(heading.parentBody, area.left, doc.y, centred(leftWidth));
  doc.font(FONTS.bold).fontSize(12).text(heading.issuingBody, area.left, doc.y, centred(leftWidth));
  const leftRule = doc.y + 4;
  rule(doc, area.left + leftWidth / 2, leftRule, leftWidth / 3);

  doc.font(FONTS.bold).fontSize(12).text(NATION, rightX, area.top, centred(rightWidth));
  doc.font(FONTS.bold).fontSize(13).text(MOTTO, rightX, doc.y, centred(rightWidth));
  const rightRule = doc.y + 4;
  rule(doc, rightX + rightWidth / 2, rightRule, doc.widthOfString(MOTTO));

  const y = Math.max(leftRule, rightRule) + 8;
  doc.font(FONTS.regular).fontSize(BODY_SIZE).text(heading.numberLine, area.left, y, centred(leftWidth));
  const afterNumber = doc.y;
  doc.font(FONTS.italic).fontSize(BODY_SIZE).text(heading.placeAndDate, rightX, y, centred(rightWidth));
  doc.y = Math.max(afterNumber, doc.y) + 18;

  doc.font(FONTS.bold).fontSize(14).text(DOCUMENT_KIND, area.left, doc.y, centred(area.width));
  doc.font(FONTS.bold).fontSize(14).text(heading.title, area.left, doc.y, centred(area.width));
  rule(doc, area.left + area.width / 2, doc.y + 5, Math.min(doc.widthOfString(heading.title), area.width) / 3);
  doc.y += 16;

  doc.font(FONTS.regular).fontSize(BODY_SIZE);
  for (const line of [...heading.scope, heading.periodLine, heading.cutOffLine])
    doc.text(line, area.left, doc.y, { width: area.width, ...PARAGRAPH });
  doc
    .font(FONTS.italic)
    .fontSize(11)
    .text(heading.recordLine, area.left, doc.y, { width: area.width, ...PARAGRAPH });
}

/** A horizontal rule of a length, centred on x. */
function rule(doc: PDFKit.PDFDocument, centreX: number, y: number, length: number): void {
  doc
    .lineWidth(0.6)
    .moveTo(centreX - length / 2, y)
    .lineTo(centreX + length / 2, y)
    .stroke();
}

/** Starts a new page when less than `needed` points are left. */
function keepRoom(doc: PDFKit.PDFDocument, needed: number, area: TableArea): void {
  if (doc.y + needed > area.bottom) {
    doc.addPage();
    doc.y = area.top;
  }
}

interface Title {
  text: string;
  font: string;
  gapBefore: number;
}

const titleHeight = (doc: PDFKit.PDFDocument, title: Title, area: TableArea) =>
  title.gapBefore + doc.font(title.font).fontSize(BODY_SIZE).heightOfString(title.text, { width: area.width }) + 4;

function drawTitle(doc: PDFKit.PDFDocument, title: Title, area: TableArea): void {
  doc.y += title.gapBefore;
  doc.font(title.font).fontSize(BODY_SIZE).text(title.text, area.left, doc.y, { width: area.width, paragraphGap: 4 });
}

/**
 * Titles stay with their table: a new page is begun unless they fit with
 * the whole table, when it is a third of a page or less, or else with its
 * header and first rows.
 */
function keepWithTitles(doc: PDFKit.PDFDocument, table: PdfTable, titles: readonly Title[], area: TableArea): void {
  const above = titles.reduce((sum, title) => sum + titleHeight(doc, title, area), 0);
  const third = (area.bottom - area.top) / 3;
  const whole = table.heightUpTo(third);
  keepRoom(doc, above + (whole <= third ? whole : table.leadHeight()), area);
}

function notes(doc: PDFKit.PDFDocument, lines: readonly string[], area: TableArea): void {
  if (lines.length === 0) return;
  doc.y += 3;
  doc.font(FONTS.italic).fontSize(11);
  for (const line of lines) {
    keepRoom(doc, doc.heightOfString(line, { width: area.width }), area);
    doc.text(line, area.left, doc.y, { width: area.width, align: 'justify', paragraphGap: 2 });
  }
}

/** "Nơi nhận:" and its recipients on the left, the signer on the right, kept together on one page. */
function drawSignature(doc: PDFKit.PDFDocument, content: ReportContent, area: TableArea): void {
  const { left, right } = signatureLines(content.heading);
  const leftWidth = area.width * 0.45;
  const columns: [SignatureLine[], number, number, 'left' | 'center'][] = [
    [left, area.left, leftWidth, 'left'],
    [right, area.left + leftWidth, area.width - leftWidth, 'center'],
  ];
  const heightOf = (lines: SignatureLine[], width: number) =>
    lines.reduce((sum, line) => sum + fontFor(doc, line).heightOfString(line.text || ' ', { width }), 0);
  doc.y += 18;
  keepRoom(doc, Math.max(...columns.map(([lines, , width]) => heightOf(lines, width))), area);
  const top = doc.y;
  for (const [lines, x, width, align] of columns) {
    doc.y = top;
    for (const line of lines) fontFor(doc, line).text(line.text || ' ', x, doc.y, { width, align });
  }
}

function fontFor(doc: PDFKit.PDFDocument, line: SignatureLine): PDFKit.PDFDocument {
  const face = line.bold ? (line.italic ? FONTS.boldItalic : FONTS.bold) : line.italic ? FONTS.italic : FONTS.regular;
  return doc.font(face).fontSize(line.size ?? BODY_SIZE);
}

/** Page numbers in the top margin, centred, from the second page on (Decree 30/2020/NĐ-CP). */
function numberPages(doc: PDFKit.PDFDocument, area: TableArea): void {
  const { start, count } = doc.bufferedPageRange();
  for (let page = start + 1; page < start + count; page++) {
    doc.switchToPage(page);
    doc
      .font(FONTS.regular)
      .fontSize(BODY_SIZE)
      .text(String(page + 1), area.left, 10 * MM, { width: area.width, align: 'center', lineBreak: false });
  }
}
