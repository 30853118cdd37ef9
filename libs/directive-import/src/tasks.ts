import type { DraftAgency } from '@dm/contracts';
import type { AgencyMention } from './agencies';
import { type SourceLine, foldAligned, isPageNumber, isStampLine } from './header';

/**
 * A directive's body cut into its tasks, in every common numbering:
 *
 * - `I.` sections hold `1.` items; an item inside a section is numbered
 *   "II.1". A section heading alone is no task; a section with text and no
 *   numbered items is one ("III").
 * - `1.`, `1/`, `1)` items and `1.1` items are tasks. An item with `a)`–`đ)`
 *   or `1.1` sub-items is a lead-in: each sub-item is a task ("3.b", "1.2"),
 *   which takes the lead-in's agencies and verb when it names none.
 * - `-` and `+` bullets are part of the item above them, except under a
 *   lead-in whose text ends with ':' and whose every bullet (two or more)
 *   starts with an agency's name: then each bullet is a task, numbered
 *   "1.-1", "1.-2" (the first, second dash under item 1).
 * - Labelled fields under an item ("- Đơn vị chủ trì: …", "- Đơn vị phối
 *   hợp: …", "- Thời gian thực hiện: …") are the item's, not its text.
 * - A task table (TT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời
 *   gian) flattened by a PDF extraction, each row's cells on consecutive
 *   lines or separated by runs of spaces: each row is a task numbered by TT.
 * - Without any numbered item, bullets after a line ending with ':' are the
 *   tasks ("-1", "-2").
 * - Without any numbered item or such bullets (a short công văn whose body
 *   is one instruction), each paragraph that addresses a request is a task,
 *   numbered "1", "2" in order: one opening with Giao / Đề nghị / Yêu cầu,
 *   or whose clause opens with a body as subject and then that verb ("UBND
 *   tỉnh đề nghị …", "…, Sở Tài chính đề nghị …"; the clause is the task,
 *   what comes before it stays in the opening). A paragraph ending with ':'
 *   ("… có ý kiến như sau:") introduces and is no task; a paragraph in
 *   brackets ("(Đính kèm …)") is a note. After such an introduction, a
 *   paragraph whose subject is a body or a person by title followed by its
 *   verb ("Sở A khẩn trương …", "Đồng chí Chủ tịch … chỉ đạo …") is a task
 *   too; one that notifies ("… thông báo để … biết, thực hiện") is not.
 *
 * - A part's word before its numeral ("Mục III.", "Phần II.") is read past,
 *   as are a text extraction's markdown marks ("## ") before a heading.
 * - A part of aims or solutions ("NHIỆM VỤ, GIẢI PHÁP", "MỤC TIÊU") whose
 *   items name no body is no list of tasks when a later part assigns the
 *   work to named bodies (most of its items led by a body): the tasks are
 *   that later part's.
 * - A closing paragraph of a plan's last part, after its last item, asking
 *   bodies for a recurring report ("Hằng năm, các sở … báo cáo …",
 *   "Định kỳ …") is a task of its own numbered as the part ("III"), its
 *   subject the bodies that report.
 * - An item whose first line only names a body ("2. Sở A") with one
 *   paragraph under it is one task: the paragraph, led by that body.
 *
 * A numbered line is a new item only when its number follows the one before
 * at its level, or the line before ended a sentence; otherwise it continues
 * the sentence ("… Quyết định số 289." then "QĐ/TU …"). A number alone on a
 * line is a page number.
 */

export interface TaskSegment {
  number: string;
  text: string;
  /** A plan's labelled fields, or a table row's cells, as written. */
  fields: TaskFields;
  /** The text of the item this task is a sub-item of, which it takes its agencies and verb from when it names none. */
  leadIn: string | null;
  from: number;
  to: number;
  numberConfidence: number;
  /** Why the number is doubtful: a number skipped or repeated. */
  numberNote: string | null;
  fromTable: boolean;
  /** The item's own words without its bullets (the lead-in and any paragraph after them). */
  ownText: string;
  /** Each bullet kept in the item, as its text. */
  bulletTexts: string[];
}

export interface TaskFields {
  lead: string | null;
  coordinating: string | null;
  time: string | null;
}

export interface BodySegments {
  /** The text before the first task: legal basis, opening sentence. */
  opening: string;
  tasks: TaskSegment[];
  /** A closing paragraph after the last task ("Giao Văn phòng UBND tỉnh theo dõi, đôn đốc …"). */
  closing: string | null;
}

type Kind = 'root' | 'section' | 'num' | 'dotted' | 'row' | 'letter' | 'dash' | 'plus';
const LEVEL: Record<Kind, number> = { root: -1, section: 0, num: 1, dotted: 2, row: 2, letter: 3, dash: 4, plus: 5 };

interface Node {
  kind: Kind;
  label: string;
  lines: Array<{ text: string; n: number }>;
  children: Node[];
  from: number;
  to: number;
  note: string | null;
  cells: TaskFields | null;
}

interface Marker {
  kind: Exclude<Kind, 'root' | 'row'>;
  label: string;
  rest: string;
  /** Read through OCR: a roman numeral with 'l' for 'I' ("Il."), a letter item '©)' for 'c)'; its label may be the expected one. */
  ocr?: boolean;
  /** An upper-case heading numbered "1." where the text's sections are meant ("1. TINH THẦN CHỈ ĐẠO" before "II."). */
  heading?: boolean;
}

const ROMAN_VALUE = /^(?:X{1,3}(?:IX|IV|V?I{0,3})|IX|IV|V?I{1,3}|V)$/;
const ROMAN = /^(X{0,3}[IVX]{1,4})\s?(?:[.):]\s*|\/\s+|\s[-–]\s)(?=\S)/;
/** A roman numeral OCR read with 'l' for 'I' ("Il.", "lI.", "Ill."), or written without its dot before an upper-case heading ("IV TỔ CHỨC"). */
const ROMAN_OCR = /^([IVXl]{1,5})\s?(?:[.):]\s*|\s(?=\p{Lu}))(?=\S)/u;
const NUM = /^(\d{1,5})\s?(?:[.)]\s*|\/\s+)(?=[^\d\s./])/u;
const DOTTED = /^(\d{1,2}(?:\.\d{1,2}){1,3})\.?\)?\s+(?=\S)/;
const LETTER = /^([a-zđ©])\s?[).]\s+(?=\S)/;
const DASH = /^[-–—•·*]\s*(?=[^-\s])/;
const PLUS = /^\+\s*(?=\S)/;
/** The Vietnamese alphabet's order, as sub-items run: a b c d đ e g h i k l m n o p q r s t u v x y. */
export const LETTERS = 'abcdđeghiklmnopqrstuvxy';

/** A stray mark OCR leaves between an item's number and its first word ("đ) 1 Đề nghị …", "b) | Bộ …"). */
const STRAY_MARK = /^(?:\d|[|!¦])\s+(?=\p{Lu}\p{Ll})/u;

/** OCR's underscores or bars before a bullet ("__ - Trình …"). */
const JUNK_BEFORE_BULLET = /^[_|]+\s*(?=[-–—•+]\s*\S)/;

/** A part's word before its roman numeral ("Mục III.", "Phần II."), read past. */
const PART_WORD = /^(?:Mục|Phần|MỤC|PHẦN)\s+(?=[IVX]{1,4}\s?[.):])/u;

function markerOf(raw: string): Marker | null {
  const text = raw.replace(JUNK_BEFORE_BULLET, '').replace(PART_WORD, '');
  let m = DOTTED.exec(text);
  if (m) return { kind: 'dotted', label: m[1], rest: text.slice(m[0].length) };
  m = ROMAN.exec(text);
  if (m && ROMAN_VALUE.test(m[1])) return { kind: 'section', label: m[1], rest: text.slice(m[0].length) };
  m = ROMAN_OCR.exec(text);
  if (m && /[IVX]/.test(m[1]) && ROMAN_VALUE.test(m[1].replace(/l/g, 'I')) && isHeadingText(text.slice(m[0].length)))
    return { kind: 'section', label: m[1].replace(/l/g, 'I'), rest: text.slice(m[0].length), ocr: true };
  m = NUM.exec(text);
  if (m) {
    const rest = text.slice(m[0].length).replace(STRAY_MARK, '');
    return { kind: 'num', label: String(+m[1]), rest, heading: isHeadingText(rest) };
  }
  m = LETTER.exec(text);
  if (m)
    return { kind: 'letter', label: m[1] === '©' ? 'c' : m[1], rest: text.slice(m[0].length).replace(STRAY_MARK, ''), ocr: m[1] === '©' };
  m = PLUS.exec(text);
  if (m) return { kind: 'plus', label: '+', rest: text.slice(m[0].length) };
  m = DASH.exec(text);
  if (m) return { kind: 'dash', label: '-', rest: text.slice(m[0].length) };
  return null;
}

/** An upper-case heading ("TỔ CHỨC THỰC HIỆN", "CÁC NHIỆM VỤ, GIẢI PHÁP CỤ THỂ"): a section's title, never a task. */
export function isHeadingText(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 4 && text.length <= 150 && letters === letters.toUpperCase() && /\p{L}{2,}\s+\p{L}/u.test(text);
}

const ROMANS = ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV'];

function romanValue(roman: string): number {
  if (/^\d+$/.test(roman)) return +roman;
  const values: Record<string, number> = { I: 1, V: 5, X: 10 };
  let total = 0;
  for (let i = 0; i < roman.length; i++) {
    const v = values[roman[i]];
    total += v < (values[roman[i + 1]] ?? 0) ? -v : v;
  }
  return total;
}

/** Where a label sits in its sequence: 1 for "1", "I", "a", "1.1"'s last part. */
function ordinal(marker: { kind: Kind; label: string }): number {
  switch (marker.kind) {
    case 'section':
      return romanValue(marker.label);
    case 'letter':
      return LETTERS.indexOf(marker.label) + 1;
    case 'dotted':
      return +marker.label.split('.').pop()!;
    default:
      return +marker.label || 0;
  }
}

const endsSentence = (text: string) => /[.;:!?…"”)]$/.test(text);

export interface SegmentOptions {
  /** Whether a bullet's text starts with an agency's name (a lead-in's bullets are then tasks of their own). */
  startsWithAgency?: (text: string) => boolean;
  /** Whether a text only names agencies ("Ngân hàng Nhà nước Việt Nam:", "Các bộ, ngành, địa phương:"): an item that is such a heading has its bullets for tasks. */
  namesOnlyAgencies?: (text: string) => boolean;
  /** Whether a text ends naming agencies just before its ':' ("… chủ trì cùng các sở, ngành:"): its bullets are what they are asked. */
  endsWithAgencies?: (text: string) => boolean;
}

interface Readers {
  startsWithAgency: (text: string) => boolean;
  namesOnlyAgencies: (text: string) => boolean;
  endsWithAgencies: (text: string) => boolean;
}

export function segmentBody(lines: SourceLine[], options: SegmentOptions = {}): BodySegments {
  const readers: Readers = {
    startsWithAgency: options.startsWithAgency ?? startsWithOrganWord,
    namesOnlyAgencies: options.namesOnlyAgencies ?? ((t) => startsWithOrganWord(t) && t.split(/\s+/).length <= 10 && !/[.;,]\s/.test(t)),
    endsWithAgencies: options.endsWithAgencies ?? (() => false),
  };
  const body = lines.filter((l) => !isStampLine(l));
  const firstTask = firstTaskLine(body);
  const opening = joinLines(body.slice(0, firstTask).filter((l) => l.text && !isPageNumber(l.text)));
  const root = buildTree(body.slice(firstTask));
  const report = splitReportClosing(root);
  const closing = splitClosing(root);
  const tasks: TaskSegment[] = [];
  collectTasks(root, [], null, tasks, readers);
  if (report && tasks.length) {
    const segment = segmentOf(report, [report.label], [], null);
    segment.numberConfidence = 0.6;
    // Its subject, between the recurrence and the verb, are the bodies that report.
    const f = foldAligned(segment.text);
    const comma = f.indexOf(',');
    const verb = f.search(/\sbao cao\b/);
    if (comma > 0 && verb > comma) segment.fields.lead = segment.text.slice(comma + 1, verb).trim() || null;
    tasks.push(segment);
  }
  if (!tasks.length) {
    const requests = requestParagraphs(body);
    if (requests) return requests;
  }
  return { opening, tasks, closing };
}

// ---------------------------------------------------------------- a body without a list

const REQUEST_VERB = /\b(giao|de nghi|yeu cau)\b(?! (thong|duc|dich|luu|tiep|nhan|thuong|ket|ve)\b)/g;

/**
 * Where a paragraph's request starts: 0 when it opens with Giao / Đề nghị /
 * Yêu cầu, else the start of the clause whose subject is a body ("UBND tỉnh",
 * "Chủ tịch UBND tỉnh", "Sở …", at most eight words) followed by the verb.
 * Null when it addresses no request.
 */
export function requestStart(text: string): number | null {
  const f = foldAligned(text);
  for (const m of f.matchAll(REQUEST_VERB)) {
    if (m.index === 0) return 0;
    const before = f.slice(0, m.index);
    const clause = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf(':')) + 1;
    const subject = before.slice(clause).trim();
    if (!subject || subject.split(/\s+/).length > 8 || !ORGAN_START.test(`${subject} `)) continue;
    if (/\b(co y kien|nhan duoc|theo|cua)\b/.test(subject)) continue;
    return clause + (before.slice(clause).length - before.slice(clause).trimStart().length);
  }
  return null;
}

/** A person addressed by title ("Đồng chí Bí thư …", "Đ/c Giám đốc …"). */
const COMRADE = /^(dong chi|d\/c)\s/;
/** A paragraph that notifies or closes ("Văn phòng … thông báo để … biết, thực hiện"), no task. */
const NOTIFIES = /\bthong bao (de|den|cho)\b|\bbiet,? (thuc hien|phoi hop)\b/;

/**
 * After an opening that introduces what follows ("… có ý kiến như sau:"), a
 * paragraph whose subject is a body or a person by title and whose verb
 * follows within a dozen words ("Sở A khẩn trương …", "Đồng chí Chủ tịch …
 * chỉ đạo …") is a task of its own, though it has no Giao / Yêu cầu.
 */
function subjectThenVerb(text: string): boolean {
  const f = foldAligned(text);
  if (!/^\p{Lu}/u.test(text) || /:$/.test(text) || /^\(/.test(text) || NOTIFIES.test(f) || CLOSING_OPENER.test(f)) return false;
  if (!ORGAN_START.test(f) && !COMRADE.test(f)) return false;
  const verb = PREDICATE.exec(f);
  return !!verb && f.slice(0, verb.index).split(/\s+/).length <= 12;
}

/** The paragraphs of a body: lines joined up to a blank line, or up to a sentence's end when the next line opens a new one. */
function paragraphsOf(lines: SourceLine[]): Array<{ lines: SourceLine[] }> {
  const paragraphs: Array<{ lines: SourceLine[] }> = [];
  let current: SourceLine[] = [];
  const flush = () => {
    if (current.length) paragraphs.push({ lines: current });
    current = [];
  };
  for (const line of lines) {
    if (!line.text) {
      flush();
      continue;
    }
    if (isPageNumber(line.text)) continue;
    const last = current[current.length - 1];
    if (last && /[.;:!?)]$/.test(last.text) && /^[\p{Lu}(\d-]/u.test(line.text)) flush();
    current.push(line);
  }
  flush();
  return paragraphs;
}

function requestParagraphs(body: SourceLine[]): BodySegments | null {
  const openingParts: string[] = [];
  const tasks: TaskSegment[] = [];
  let introduced = false;
  for (const paragraph of paragraphsOf(body)) {
    const text = joinLines(paragraph.lines);
    let start = /^\(/.test(text) || /:$/.test(text) ? null : requestStart(text);
    if (start === null && introduced && subjectThenVerb(text)) start = 0;
    if (/\bnhu sau\s*:$/.test(foldAligned(text))) introduced = true;
    if (start === null) {
      if (!tasks.length) openingParts.push(text);
      continue;
    }
    if (start > 0 && !tasks.length) openingParts.push(text.slice(0, start).trim());
    const own = text.slice(start).trim();
    tasks.push({
      number: String(tasks.length + 1),
      text: own,
      fields: { lead: null, coordinating: null, time: null },
      leadIn: null,
      from: paragraph.lines[0].n,
      to: paragraph.lines[paragraph.lines.length - 1].n,
      numberConfidence: 0.7,
      numberNote: null,
      fromTable: false,
      ownText: own,
      bulletTexts: [],
    });
  }
  if (!tasks.length) return null;
  return { opening: openingParts.filter(Boolean).join('\n'), tasks, closing: null };
}

/** The first line of the first task: a "1."/"I."/"a)"/"1.1" line after a sentence's end, else the first bullet after a ':' line. */
function firstTaskLine(lines: SourceLine[]): number {
  let previous = '';
  for (let i = 0; i < lines.length; i++) {
    const marker = markerOf(lines[i].text);
    if (marker && ['num', 'section', 'letter', 'dotted'].includes(marker.kind) && ordinal(marker) === 1) {
      if (!previous || endsSentence(previous)) return i;
    }
    if (lines[i].text && isTableHead(lines, i)) return i;
    if (lines[i].text && !isPageNumber(lines[i].text)) previous = lines[i].text;
  }
  previous = '';
  for (let i = 0; i < lines.length; i++) {
    const marker = markerOf(lines[i].text);
    if (marker && marker.kind === 'dash' && previous.endsWith(':')) return i;
    if (lines[i].text) previous = lines[i].text;
  }
  return lines.length;
}

function newNode(kind: Kind, label: string, n: number): Node {
  return { kind, label, lines: [], children: [], from: n, to: n, note: null, cells: null };
}

function buildTree(lines: SourceLine[]): Node {
  const root = newNode('root', '', lines[0]?.n ?? 0);
  const stack: Node[] = [root];
  const top = () => stack[stack.length - 1];
  let previous = '';
  // Whether the text numbers its sections in roman numerals (II. and on): an upper-case "1." heading then stands for "I.".
  const romanSections = lines.some((l) => {
    const m = l.text.length <= 150 ? markerOf(l.text) : null;
    return m?.kind === 'section' && romanValue(m.label) >= 2;
  });
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line.text) {
      previous = previous ? `${previous}\n` : previous;
      continue;
    }
    if (isPageNumber(line.text)) continue;
    if (isTableHead(lines, i)) {
      while (stack.length > 1 && LEVEL[top().kind] >= LEVEL.row) stack.pop();
      i = readTable(lines, i, top()) - 1;
      previous = '.';
      continue;
    }
    let marker = markerOf(line.text);
    if (marker?.kind === 'num' && marker.heading && (!endsSentence(previous.trim()) ? !previous.trim() || previous.endsWith('\n') : true)) {
      // An upper-case numbered heading is a section when its number is the next section's ("1. TINH THẦN …" standing for "I.").
      const sections = root.children.filter((c) => c.kind === 'section');
      const next = sections.length ? ordinal(sections[sections.length - 1]) + 1 : 1;
      if (+marker.label === next)
        marker = { ...marker, kind: 'section', label: romanSections ? (ROMANS[next] ?? marker.label) : marker.label };
    }
    const parent = marker ? parentFor(stack, marker.kind) : null;
    const accepted = marker && parent ? accept(marker, parent, previous) : null;
    if (marker && parent && accepted) {
      while (top() !== parent) stack.pop();
      const node = newNode(marker.kind, accepted.label ?? marker.label, line.n);
      node.note = accepted.note;
      node.lines.push({ text: marker.rest, n: line.n });
      parent.children.push(node);
      stack.push(node);
    } else {
      // A sentence after a list's last bullet (ended by '.') is the item's again, not the bullet's.
      while ((top().kind === 'dash' || top().kind === 'plus') && /\.$/.test(previous) && /^\p{Lu}/u.test(line.text)) stack.pop();
      top().lines.push({ text: line.text, n: line.n });
    }
    for (const open of stack) open.to = Math.max(open.to, line.n);
    previous = line.text;
  }
  return root;
}

/** The node a new item of `kind` goes under: the innermost open node of a higher level. */
function parentFor(stack: Node[], kind: Kind): Node | null {
  for (let i = stack.length - 1; i >= 0; i--) if (LEVEL[stack[i].kind] < LEVEL[kind]) return stack[i];
  return null;
}

/** Whether a numbered line starts an item, and what is odd about its number. */
function accept(marker: Marker, parent: Node, previous: string): { note: string | null; label?: string } | null {
  const afterSentence = !previous || previous.endsWith('\n') || endsSentence(previous);
  if (marker.kind === 'dash' || marker.kind === 'plus') {
    return afterSentence || /^\p{Lu}/u.test(marker.rest) ? { note: null } : null;
  }
  let last = 0;
  for (let k = parent.children.length - 1; k >= 0; k--) {
    if (parent.children[k].kind !== marker.kind) continue;
    last = ordinal(parent.children[k]);
    break;
  }
  const value = ordinal(marker);
  // OCR's slips in a section's numeral ("Il." after II. for III.) or a sub-item's letter (đ/d): the expected one, when one letter off.
  if (value !== last + 1 && marker.kind === 'section' && marker.ocr && Math.abs(value - (last + 1)) <= 1)
    return { note: null, label: labelOf('section', last + 1) };
  if (marker.kind === 'letter' && value !== last + 1 && ['d', 'đ'].includes(marker.label) && ['d', 'đ'].includes(LETTERS[last]))
    return { note: null, label: LETTERS[last] };
  if (marker.kind === 'dotted') {
    const prefix = marker.label.split('.').slice(0, -1).join('.');
    const parentNumber = parent.kind === 'num' ? parent.label : null;
    if (parentNumber !== null && prefix !== parentNumber && !afterSentence) return null;
  }
  if (value === last + 1) return { note: null };
  if (!afterSentence) return null;
  if (marker.kind === 'letter' && value > last + 2) return null;
  if (value > last + 1 && value <= last + 5)
    return { note: `numbered ${marker.label} after ${labelOf(marker.kind, last)}: a number is skipped` };
  if (value === last) return { note: `numbered ${marker.label} again: the number repeats` };
  if (value < last && value >= 1)
    return { note: `numbered ${marker.label} after ${labelOf(marker.kind, last)}: the numbering starts again` };
  return null;
}

function labelOf(kind: Kind, value: number): string {
  if (kind === 'letter') return LETTERS[value - 1] ?? String(value);
  if (kind === 'section') return ROMANS[value] ?? String(value);
  return String(value);
}

// ---------------------------------------------------------------- tables

type Cell = 'tt' | 'content' | 'lead' | 'coordinating' | 'time' | 'other';
const CELL_LABELS: Array<[Cell, RegExp]> = [
  ['coordinating', /(don vi |co quan )?phoi hop/g],
  ['lead', /(don vi|co quan|bo phan) (chu tri|thuc hien|chiu trach nhiem)|chu tri/g],
  ['time', /thoi gian( hoan thanh| thuc hien| trinh)?|thoi han( hoan thanh)?|tien do( thuc hien)?|moc thoi gian/g],
  [
    'content',
    /noi dung( cong viec| nhiem vu)?|nhiem vu( cu the)?|ten (nhiem vu|de an|chuong trinh|cong viec|hoat dong)|cong viec|hoat dong/g,
  ],
  ['other', /san pham( dau ra)?|ket qua( dau ra)?|ghi chu|cap trinh|hinh thuc( van ban)?|du kien/g],
];
const HEAD_WORDS = new Set(
  'tt stt noi dung nhiem vu cu the ten de an chuong trinh cong viec hoat dong don vi co quan bo phan chu tri thuc hien chiu trach nhiem phoi hop thoi gian hoan thanh trinh han tien do moc san pham dau ra ket qua ghi chu cap hinh thuc van ban du kien'.split(
    ' ',
  ),
);

const headFold = (text: string) =>
  foldAligned(text)
    .replace(/[^a-z0-9 ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const isHeadLine = (text: string) => {
  const words = headFold(text).split(' ').filter(Boolean);
  return words.length > 0 && words.every((w) => HEAD_WORDS.has(w));
};

/** A table's head: a line starting with TT/STT, then lines of column names naming at least a content and a lead column. */
function isTableHead(lines: SourceLine[], i: number): boolean {
  if (!/^s?tt\b/.test(headFold(lines[i].text)) || !isHeadLine(lines[i].text)) return false;
  const { cells } = tableHead(lines, i);
  return cells.includes('content') && cells.includes('lead');
}

function tableHead(lines: SourceLine[], i: number): { cells: Cell[]; end: number; starts: number[] } {
  let end = i;
  const texts: string[] = [];
  while (end < lines.length && end < i + 10 && (isHeadLine(lines[end].text) || !lines[end].text)) texts.push(lines[end++].text);
  const columnar = lines[i].columns.length >= 3;
  const cellTexts = columnar ? alignedHead(lines.slice(i, end)) : [texts.join(' ')];
  const cells: Cell[] = [];
  const starts: number[] = [];
  cellTexts.forEach((text, k) => {
    const found: Array<{ at: number; cell: Cell }> = [];
    const f = headFold(text);
    if (/^s?tt\b/.test(f)) found.push({ at: 0, cell: 'tt' });
    for (const [cell, re] of CELL_LABELS) {
      for (const m of f.matchAll(re)) if (!found.some((x) => x.at <= m.index! && m.index! < x.at + 3)) found.push({ at: m.index!, cell });
    }
    found.sort((a, b) => a.at - b.at);
    const chosen = columnar ? found.slice(0, 1) : found;
    for (const x of chosen) {
      cells.push(x.cell);
      starts.push(columnar ? (lines[i].columns[k]?.at ?? 0) : 0);
    }
  });
  return { cells, end, starts };
}

/** The head's cells when each is cut by runs of spaces: later lines' pieces joined to the column they sit under. */
function alignedHead(lines: SourceLine[]): string[] {
  const columns = lines[0].columns.map((c) => ({ at: c.at, text: c.text }));
  for (const line of lines.slice(1)) for (const c of line.columns) nearest(columns, c.at).text += ` ${c.text}`;
  return columns.map((c) => c.text);
}

function nearest<T extends { at: number }>(columns: T[], at: number): T {
  return columns.reduce((best, c) => (Math.abs(c.at - at) < Math.abs(best.at - at) ? c : best), columns[0]);
}

const TIME_LIKE = /(quy|thang|nam|ngay|tuan|truoc|thuong xuyen|hang|hàng|dinh ky|\d{4}|\d{1,2}\/\d{1,2})/;

/** Reads a table's rows into `parent` as row nodes; the index after the table. */
function readTable(lines: SourceLine[], start: number, parent: Node): number {
  const head = tableHead(lines, start);
  const data: Cell[] = head.cells.filter((c) => c !== 'tt');
  const columnar = lines[start].columns.length >= 3;
  let expected = 1;
  let row: { node: Node; parts: string[][]; starts: number[] } | null = null;
  const finish = () => {
    if (!row) return;
    const cells =
      columnar || row.parts.some((p) => p.length > 1)
        ? row.parts.map((p) => p.join(' '))
        : stackedCells(
            row.parts.map((p) => p[0]),
            data,
          );
    const at = (cell: Cell) => {
      const k = data.indexOf(cell);
      return k >= 0 && cells[k] ? cells[k] : null;
    };
    row.node.lines.push({ text: at('content') ?? cells[0] ?? '', n: row.node.from });
    row.node.cells = { lead: at('lead'), coordinating: at('coordinating'), time: at('time') };
    parent.children.push(row.node);
    row = null;
  };
  let i = head.end;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (!line.text) continue;
    const first = line.columns[0]?.text ?? '';
    const rowNumber = /^\d{1,3}\.?$/.test(first) ? +first.replace('.', '') : null;
    const marker = markerOf(line.text);
    if (rowNumber !== null && (rowNumber === expected || (columnar && line.columns.length >= 3))) {
      finish();
      const node = newNode('row', String(rowNumber), line.n);
      row = { node, parts: data.map(() => []), starts: line.columns.slice(1).map((c) => c.at) };
      if (columnar) line.columns.slice(1).forEach((c, k) => row!.parts[Math.min(k, data.length - 1)].push(c.text));
      expected = rowNumber + 1;
      continue;
    }
    if (rowNumber !== null && !columnar) continue; // a page number between rows
    if (marker && (marker.kind === 'section' || marker.kind === 'num' || marker.kind === 'dotted')) break;
    if (!row) {
      if (!columnar) break;
      continue;
    }
    row.node.to = line.n;
    if (columnar) {
      const slots = row.starts.map((at, k) => ({ at, k }));
      for (const c of line.columns) {
        const k = slots.length ? nearest(slots, c.at).k : 0;
        row.parts[Math.min(k, data.length - 1)].push(c.text);
      }
    } else {
      row.parts.push([line.text]);
    }
  }
  finish();
  return i;
}

/** A row whose cells a PDF extraction put one a line: the last lines are the short cells (time, coordinating, lead), the rest the content. */
function stackedCells(lines: string[], data: Cell[]): string[] {
  const cells = data.map(() => '');
  const remaining = [...lines.filter(Boolean)];
  const contentAt = data.indexOf('content');
  for (let k = data.length - 1; k > contentAt && remaining.length > 1; k--) {
    if (data[k] === 'time' && !TIME_LIKE.test(foldAligned(remaining[remaining.length - 1]))) continue;
    if (data[k] === 'other') continue;
    cells[k] = remaining.pop()!;
  }
  cells[contentAt] = joinLines(remaining.map((text) => ({ text })));
  return cells;
}

// ---------------------------------------------------------------- closing paragraph

const CLOSING_OPENER =
  /^(giao van phong|van phong (ubnd|uy ban)[^.]{0,40}(theo doi|co trach nhiem|chu tri)|yeu cau (giam doc|thu truong|chu tich|cac|bo truong)|trong qua trinh (to chuc )?(trien khai )?thuc hien|(chu tich (ubnd|uy ban nhan dan)|thu tuong chinh phu|ubnd) (tinh )?yeu cau|nhan duoc (van ban|cong van)|bo truong,? thu truong|(chi thi|ke hoach|cong van|quyet dinh) nay (co hieu luc|duoc)|day la)/;

/** A closing paragraph after the last task: split off from the task it was read into. */
function splitClosing(root: Node): string | null {
  const path = [root];
  while (path[path.length - 1].children.length) path.push(path[path.length - 1].children[path[path.length - 1].children.length - 1]);
  if (path.length === 1) return null;
  for (let depth = path.length - 1; depth > 0; depth--) {
    const node = path[depth];
    const lastChild = node.children[node.children.length - 1];
    for (let k = 1; k < node.lines.length; k++) {
      if (lastChild && node.lines[k].n < lastChild.from) continue;
      if (!endsSentence(node.lines[k - 1].text) && !(lastChild && node.lines[k - 1].n < lastChild.from)) continue;
      if (!CLOSING_OPENER.test(foldAligned(node.lines[k].text))) continue;
      const closing = node.lines.splice(k);
      const end = closing[0].n - 1;
      for (const open of path) open.to = Math.min(open.to, end);
      return joinLines(closing);
    }
  }
  return null;
}

/** A recurring report asked of bodies ("Hằng năm, các sở … báo cáo kết quả về …", "Định kỳ hằng quý, …"). */
const REPORT_OPENER = /^(hang|hằng) (nam|quy|thang)\b|^dinh ky\b/;

/**
 * A closing paragraph of a part after its last item that asks bodies for a
 * recurring report: a task of its own, numbered as the part ("III"), split
 * off from the item it was read into.
 */
function splitReportClosing(root: Node): Node | null {
  const section = root.children[root.children.length - 1];
  if (!section || section.kind !== 'section' || !section.children.length) return null;
  const path = [section];
  while (path[path.length - 1].children.length) path.push(path[path.length - 1].children[path[path.length - 1].children.length - 1]);
  for (let depth = path.length - 1; depth > 0; depth--) {
    const node = path[depth];
    const lastChild = node.children[node.children.length - 1];
    for (let k = 1; k < node.lines.length; k++) {
      // After the item's bullets, or after a sentence's end.
      if (lastChild && node.lines[k].n < lastChild.from) continue;
      if (!endsSentence(node.lines[k - 1].text) && !(lastChild && node.lines[k - 1].n < lastChild.from)) continue;
      const f = foldAligned(node.lines[k].text);
      if (!REPORT_OPENER.test(f)) continue;
      const rest = node.lines.slice(k);
      if (!/\bbao cao\b/.test(foldAligned(joinLines(rest)))) continue;
      node.lines.splice(k);
      const end = rest[0].n - 1;
      for (const open of path) open.to = Math.min(open.to, end);
      const report = newNode('section', section.label, rest[0].n);
      report.lines.push(...rest);
      report.to = rest[rest.length - 1].n;
      return report;
    }
  }
  return null;
}

// ---------------------------------------------------------------- tasks from the tree

const SKIPPED_SECTION =
  /^(muc dich|yeu cau|muc tieu|quan diem|tinh hinh|ket qua|danh gia|boi canh|pham vi|doi tuong|kinh phi|nguyen tac|can cu|chi tieu)/;

/** A plan's part of aims, targets and solution areas ("NHIỆM VỤ VÀ GIẢI PHÁP", "MỤC TIÊU, NHIỆM VỤ"). */
const AIMS_SECTION = /^(cac )?(nhiem vu|giai phap|muc tieu|chi tieu|dinh huong)\b/;

const FIELD_LABELS: Array<[keyof TaskFields | 'content', RegExp]> = [
  ['lead', /^((don vi|co quan|bo phan) (chu tri|thuc hien|chiu trach nhiem)( chinh)?|chu tri)\s*:\s*/],
  ['coordinating', /^((don vi|co quan) phoi hop( thuc hien)?|phoi hop)\s*:\s*/],
  ['time', /^(thoi gian|thoi han|tien do)( thuc hien| hoan thanh)?\s*:\s*/],
  ['content', /^(noi dung|nhiem vu)( thuc hien| cu the)?\s*:\s*/],
];

function fieldOf(text: string): { key: keyof TaskFields | 'content'; value: string } | null {
  const f = foldAligned(text);
  for (const [key, re] of FIELD_LABELS) {
    const m = re.exec(f);
    if (m) return { key, value: text.slice(m[0].length) };
  }
  return null;
}

function collectTasks(node: Node, path: string[], leadIn: string | null, out: TaskSegment[], readers: Readers) {
  const items = node.children.filter((c) => c.kind !== 'dash' && c.kind !== 'plus');
  const bullets = node.children.filter((c) => c.kind === 'dash' || c.kind === 'plus');
  if (node.kind === 'root') {
    if (!items.length) return bulletTasks(node, bullets, [], null, out);
    const parts = items.map((c) => {
      const tasks: TaskSegment[] = [];
      collectTasks(c, [], null, tasks, readers);
      return { section: c.kind === 'section', tasks };
    });
    // A plan's part of aims and solutions naming no body, before a part that assigns the work to named bodies, is no list of tasks.
    const led = (t: TaskSegment) =>
      !!t.fields.lead || readers.startsWithAgency(t.ownText || t.text) || (!!t.leadIn && readers.namesOnlyAgencies(t.leadIn));
    const assigns = parts.map((p) => p.section && p.tasks.length >= 2 && p.tasks.filter(led).length * 2 >= p.tasks.length);
    parts.forEach((p, k) => {
      const aims = p.section && AIMS_SECTION.test(foldAligned(items[k].lines[0]?.text ?? ''));
      const unassigned = aims && !p.tasks.some(led) && assigns.slice(k + 1).some(Boolean);
      if (!unassigned) out.push(...p.tasks);
    });
    return;
  }
  if (node.kind === 'section') {
    const heading = node.lines[0]?.text ?? '';
    if (SKIPPED_SECTION.test(foldAligned(heading))) return;
    const numbered = items.length > 0;
    if (numbered) {
      items.forEach((c) => collectTasks(c, [node.label], null, out, readers));
      return;
    }
    const isTitle = heading === heading.toUpperCase() && heading.length < 120;
    const own = isTitle ? { ...node, lines: node.lines.slice(1) } : node;
    if (own.lines.length || bullets.length) out.push(segmentOf(own, [node.label], bullets, leadIn));
    return;
  }
  // "1.2" under "1" is numbered "1.2", not "1.1.2".
  const parentWritten = node.kind === 'dotted' && path.length > 0 && node.label.startsWith(`${path[path.length - 1]}.`);
  const number = [...(parentWritten ? path.slice(0, -1) : path), node.label];
  if (items.length) {
    const text = ownText(node);
    items.forEach((c) => collectTasks(c, number, text || leadIn, out, readers));
    return;
  }
  const ownFieldsless = bullets.filter((b) => !fieldOf(b.lines[0]?.text ?? ''));
  const text = ownText(node);
  const eachNamed = text.endsWith(':') && ownFieldsless.length >= 2 && ownFieldsless.every((b) => readers.startsWithAgency(ownText(b)));
  // Under a heading that only names an agency ("a) Bộ Tài chính:"), or a lead-in ending with the agencies asked ("… chủ trì cùng các sở:"), each dash is that agency's task.
  const dashes = ownFieldsless.length >= 1 && ownFieldsless.length === bullets.length && bullets.every((b) => b.kind === 'dash');
  const underAgency =
    dashes && (readers.namesOnlyAgencies(text) || (text.endsWith(':') && readers.endsWithAgencies(text.replace(/[\s:]+$/, ''))));
  if (eachNamed || underAgency) {
    bulletTasks(node, ownFieldsless, number, text, out);
    return;
  }
  // An item whose first line only names a body, its task the paragraph below ("2. Sở A" then "Tổ chức …"): that body leads it.
  const [head, ...paragraph] = node.lines;
  const bodyOnly = (t: string) => !/[,;:]$/.test(t) && !/\b(chu tri|phoi hop)\b/.test(foldAligned(t)) && readers.namesOnlyAgencies(t);
  if (!bullets.length && paragraph.length && /^\p{Lu}/u.test(paragraph[0].text) && bodyOnly(head.text)) {
    out.push(segmentOf({ ...node, lines: paragraph }, number, [], head.text.replace(/[\s.]+$/, '')));
    return;
  }
  out.push(segmentOf(node, number, bullets, leadIn));
}

/** Each bullet a task of its own, numbered "1.-1", "1.-2" (or "-1" at the top). */
function bulletTasks(parent: Node, bullets: Node[], number: string[], leadIn: string | null, out: TaskSegment[]) {
  bullets.forEach((b, k) => {
    const segment = segmentOf(b, [...number, `-${k + 1}`], b.children, leadIn);
    segment.numberConfidence = 0.8;
    out.push(segment);
  });
  void parent;
}

function ownText(node: Node): string {
  return joinLines(node.lines);
}

function segmentOf(node: Node, number: string[], bullets: Node[], leadIn: string | null): TaskSegment {
  const fields: TaskFields = node.cells ? { ...node.cells } : { lead: null, coordinating: null, time: null };
  const texts: string[] = [];
  const own: string[] = [];
  const bulletTexts: string[] = [];
  let field: { key: keyof TaskFields | 'content'; parts: string[] } | null = null;
  let paragraph: Array<{ text: string }> = [];
  const flush = () => {
    if (paragraph.length) texts.push(joinLines(paragraph));
    if (paragraph.length) own.push(texts[texts.length - 1]);
    paragraph = [];
    if (!field) return;
    const value = joinLines(field.parts.map((text) => ({ text })));
    if (field.key === 'content') texts.push(value);
    if (field.key === 'content') own.push(value);
    else fields[field.key] = fields[field.key] ? `${fields[field.key]}; ${value}` : value;
    field = null;
  };
  // The item's own lines and its bullets, in the order of the text.
  const entries = [
    ...node.lines.map((line) => ({ n: line.n, line, bullet: null })),
    ...bullets.map((bullet) => ({ n: bullet.from, line: null, bullet })),
  ];
  entries.sort((x, y) => x.n - y.n);
  for (const { line, bullet } of entries) {
    const first = line ? line.text : (bullet!.lines[0]?.text ?? '');
    const labelled = fieldOf(first);
    if (labelled) {
      flush();
      field = { key: labelled.key, parts: [labelled.value, ...(bullet ? bullet.lines.slice(1).map((l) => l.text) : [])] };
      if (bullet) flush();
    } else if (line && field) {
      field.parts.push(line.text);
    } else if (line) {
      paragraph.push(line);
    } else {
      flush();
      const sub = [joinLines(bullet!.lines), ...bullet!.children.map((c) => `+ ${joinLines(c.lines)}`)].filter(Boolean);
      texts.push(`${bullet!.kind === 'plus' ? '+' : '-'} ${sub.join('\n')}`);
      bulletTexts.push(sub.join('\n'));
    }
  }
  flush();
  const to = Math.max(node.to, ...bullets.map((b) => b.to));
  return {
    number: number.join('.'),
    text: texts.join('\n').replace(/\s*\.?\/\.\s*$/, '.'),
    fields,
    leadIn,
    from: node.from,
    to,
    numberConfidence: node.note ? 0.6 : 1,
    numberNote: node.note,
    fromTable: node.kind === 'row',
    ownText: own.join('\n'),
    bulletTexts,
  };
}

/** OCR's line breaks joined: a stray '.' before a break inside a sentence dropped, a document number split at its '.' or '-' mended. */
export function joinLines(lines: ReadonlyArray<{ text: string }>): string {
  let out = '';
  for (const { text: raw } of lines) {
    const text = raw.replace(/\s+/g, ' ').trim();
    if (!text) continue;
    if (!out) {
      out = text;
      continue;
    }
    const numberCut = /(\d{1,6})\.$/.exec(out);
    if (numberCut && /^\p{Lu}{1,8}[/-]/u.test(text)) {
      out = out.slice(0, -1) + (/^\p{Lu}+\//u.test(text) ? '-' : '/') + text;
    } else if (/\p{L}-$/u.test(out) && /^\p{Lu}/u.test(text)) {
      out += text;
    } else if (/[^.]\.$/.test(out) && /^\p{Ll}/u.test(text)) {
      out = `${out.slice(0, -1)} ${text}`;
    } else {
      out += ` ${text}`;
    }
  }
  return out;
}

const ORGAN_START =
  /^(cac |ubnd |uy ban |so |bo |ban |van phong |cong an |bo chi huy |ngan hang |dai |bao |truong |hoi |lien doan |tinh doan |mat tran |cuc |chi cuc |thanh tra |kho bac |bao hiem |vien |trung tam |cong ty |tong cong ty |giam doc |chu tich |thu truong |thu tuong |tong cuc |hdnd |mttq )/;

function startsWithOrganWord(text: string): boolean {
  return ORGAN_START.test(foldAligned(text));
}

// ---------------------------------------------------------------- reading a task

export type Mode = 'giao' | 'yeu-cau' | 'de-nghi';
const MODE_VERB = /^(giao|de nghi|yeu cau)\b/;
const MODES: Record<string, Mode> = { giao: 'giao', 'de nghi': 'de-nghi', 'yeu cau': 'yeu-cau' };

/** The verb a text opens with ("Giao …", "Đề nghị …", "Yêu cầu …"), also after a body as subject ("UBND tỉnh đề nghị …"), or null. */
export function ownMode(text: string): Mode | null {
  const m = MODE_VERB.exec(foldAligned(text.trim()));
  if (m) return MODES[m[1]];
  return subjectRequest(text.trim())?.mode ?? null;
}

/** A text opening with a body as subject and then a request verb ("UBND tỉnh đề nghị Sở A …"): the verb and where it ends. */
export function subjectRequest(text: string): { mode: Mode; verbEnd: number } | null {
  const f = foldAligned(text);
  const m = new RegExp(REQUEST_VERB.source).exec(f);
  if (!m || m.index === 0) return null;
  const subject = f.slice(0, m.index).trim();
  if (/[,;:]/.test(subject) || subject.split(/\s+/).length > 8 || !ORGAN_START.test(`${subject} `)) return null;
  if (/\b(co y kien|nhan duoc|theo|cua)\b/.test(subject)) return null;
  return { mode: MODES[m[1]], verbEnd: m.index + m[0].length };
}

/** The verb of an opening's last sentence ("… yêu cầu các sở, ban, ngành … thực hiện các nhiệm vụ sau:"), and where its object starts. */
export function openingVerb(opening: string): { mode: Mode; at: number } | null {
  let found: { mode: Mode; at: number } | null = null;
  for (const m of foldAligned(opening).matchAll(/\b(giao|de nghi|yeu cau|chi thi)\b/g)) {
    found = { mode: m[1] === 'chi thi' ? 'yeu-cau' : MODES[m[1]], at: m.index! + m[0].length };
  }
  return found;
}

/** Words that may stand between agencies in a list ("Giám đốc các Sở, ban, ngành, Thủ trưởng các đơn vị có liên quan, Chủ tịch UBND …"). */
const CONNECTORS = new Set(
  'va cac cung voi giam doc thu truong chu tich bo pho don vi co lien quan tren dia ban tinh cap nganh thuoc truc chinh quyen phuong doan the hoi'.split(
    ' ',
  ),
);
const LEAD_PREFIX = new Set([...CONNECTORS, 'giao', 'cho', 'de', 'nghi', 'yeu', 'cau']);

function onlyWords(gap: string, allowed: Set<string>): boolean {
  if (gap.length > 80) return false;
  const words = foldAligned(gap)
    .replace(/[,;()\-–&.:/"“”']/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  return words.every((w) => allowed.has(w));
}

/** Words that may stand around agencies in a heading that only names them ("Các bộ, ngành, địa phương:", "Bộ A phối hợp với Ban B và chủ trì cùng các sở:"). */
const HEADING_WORDS = new Set([...CONNECTORS, 'chu', 'tri', 'phoi', 'hop', 'voi', 'dia', 'trung', 'uong', 'ngang', 'sau', 'day']);

/** Whether a text names agencies and nothing else but connectors and role words. */
export function namesOnlyAgencies(text: string, mentions: AgencyMention[]): boolean {
  if (!mentions.length || text.length > 200) return false;
  let rest = '';
  let cursor = 0;
  for (const m of mentions) {
    if (m.start < cursor) continue;
    rest += ` ${text.slice(cursor, m.start)}`;
    cursor = m.end;
  }
  rest += ` ${text.slice(cursor)}`;
  return onlyWords(rest.slice(0, 80), HEADING_WORDS) && onlyWords(rest, HEADING_WORDS);
}

/** Whether a text's last words, before its ':', name agencies ("… và chủ trì cùng các sở, ngành, địa phương:"). */
export function endsWithAgencies(text: string, mentions: AgencyMention[]): boolean {
  const last = mentions[mentions.length - 1];
  return !!last && onlyWords(text.slice(last.end), HEADING_WORDS);
}

/** The agencies listed from `from` on: mentions with nothing but connectors between them. */
export function agenciesAfter(text: string, mentions: AgencyMention[], from: number): AgencyMention[] {
  return listFrom(text, mentions, from, LEAD_PREFIX);
}

function listFrom(text: string, mentions: AgencyMention[], from: number, first: Set<string>): AgencyMention[] {
  const list: AgencyMention[] = [];
  let cursor = from;
  for (const m of mentions) {
    if (m.start < cursor) continue;
    if (!onlyWords(text.slice(cursor, m.start), list.length ? CONNECTORS : first)) break;
    list.push(m);
    cursor = m.end;
  }
  return list;
}

/** The agencies listed just before `at`, read backwards ("Bộ Kế hoạch và Đầu tư chủ trì"). */
function listBefore(text: string, mentions: AgencyMention[], at: number): AgencyMention[] {
  const list: AgencyMention[] = [];
  let cursor = at;
  for (let k = mentions.length - 1; k >= 0; k--) {
    const m = mentions[k];
    if (m.end > cursor) continue;
    if (!onlyWords(text.slice(m.end, cursor), LEAD_PREFIX)) break;
    list.unshift(m);
    cursor = m.start;
  }
  return list;
}

export type LeadSource = 'field' | 'subject' | 'chu-tri';

/** Verbs a directive's tasks open their predicate with: where a sentence's subject ends. */
const PREDICATE =
  /\s(chu dong|tap trung|khan truong|khan chuong|chi dao|thuc hien|trien khai|co trach nhiem|chiu trach nhiem|tang cuong|ra soat|phoi hop|chu tri|quan triet|to chuc|xay dung|theo doi|nghien cuu|kiem tra|day manh|tiep tuc|tham gia|co bien phap|huong dan|bao cao|de xuat|dong vien|tuyen truyen|van dong|xem xet|bo tri|ban hanh|cung cap|nang cao|huong ung|uu tien|khan cap)\b/;
/** A body's name, or a head of bodies' title, the registry may not hold ("Hội …", "Chủ tịch Hội đồng thành viên", "thành viên Ban …", "các tổ chức xã hội"). */
const BODY_LIKE =
  /^(cac |nhung )?(thanh vien |lanh dao )?(hoi|to chuc|doan the|ban|uy ban|hoi dong|tap doan|tong cong ty|cong ty|ngan hang|quy|chu tich|tong giam doc|giam doc|thu truong|bo truong|truong ban|ban chi dao|trung tam|phong|co quan|don vi|vien|truong)\b/;

/**
 * Names the registry lacks in a sentence's subject, kept as written: from
 * `from` up to the predicate's first verb, cut at ',' and 'và', each part a
 * body's name or a head's title ("Chủ tịch Hội đồng thành viên, Tổng Giám
 * đốc các tập đoàn …" stays one name: titles of the heads of one kind of
 * body). Empty when the subject is no such list.
 */
export function unplacedSubject(text: string, from = 0): Array<{ text: string; start: number; end: number }> {
  if (from === 0) {
    // A sentence's own subject: only after a request verb or as a head's title, never a verb that merely looks like a body ("Ban hành …").
    const opener = /^\s*(giao|de nghi|yeu cau)\s+/.exec(foldAligned(text.slice(0, 20)));
    if (opener) from = opener[0].length;
    else if (!/^\s*(chu tich|tong giam doc|giam doc|thu truong|bo truong|truong ban)\b/.test(foldAligned(text.slice(0, 20)))) return [];
  }
  const f = foldAligned(text);
  const window = f.slice(from, from + 200);
  // The first verb written in lower case: "Ban Chỉ đạo" is a name, "chỉ đạo" a verb.
  const verb = [...window.matchAll(new RegExp(PREDICATE.source, 'g'))].find((m) => /\p{Ll}/u.test(text[from + m.index + 1] ?? ''));
  if (!verb) return [];
  const span = window.slice(0, verb.index);
  if (/[.;:]/.test(span)) return [];
  const titles = /^(cac |\s)*(chu tich|tong giam doc|giam doc|thu truong|bo truong|truong ban)\b/;
  const parts: Array<{ text: string; start: number; end: number }> = [];
  let cursor = 0;
  for (const piece of span.split(',')) {
    const lead = piece.length - piece.trimStart().length;
    const start = from + cursor + lead;
    const end = from + cursor + piece.trimEnd().length;
    cursor += piece.length + 1;
    const folded = piece.trim().replace(/^va /, '');
    if (!folded) continue;
    const previous = parts[parts.length - 1];
    // A name may hold commas ("Bộ Văn hóa, Thể thao và Du lịch"), and a title's bodies too ("Tổng Giám đốc các tập đoàn, tổng công ty"): a part that is no body of its own joins the one before.
    if (previous && (titles.test(foldAligned(previous.text)) || !BODY_LIKE.test(folded))) {
      previous.end = end;
      previous.text = text.slice(previous.start, end);
      continue;
    }
    if (!BODY_LIKE.test(folded)) return [];
    parts.push({ text: text.slice(start, end).replace(/^và\s+/u, ''), start: start + (/^va /.test(piece.trim()) ? 3 : 0), end });
  }
  return parts;
}

/** The lead agencies a task's own words name: a labelled field, the sentence's subject (after Giao/Đề nghị/Yêu cầu), or the names before "chủ trì". */
export function leadOf(text: string, mentions: AgencyMention[]): { agencies: AgencyMention[]; source: LeadSource } | null {
  const asked = subjectRequest(text);
  if (asked) {
    const after = listFrom(text, mentions, asked.verbEnd, LEAD_PREFIX);
    if (after.length) return { agencies: after, source: 'subject' };
  }
  const subject = listFrom(text, mentions, 0, LEAD_PREFIX);
  if (subject.length) {
    // The list may go on with names the registry lacks ("Đề nghị Ủy ban A, Hội B, các hội nghề nghiệp có biện pháp …").
    const last = subject[subject.length - 1];
    const gap = /^\s*(,|\bva\b)\s*/.exec(foldAligned(text.slice(last.end)));
    const more = gap
      ? unplacedSubject(text, last.end + gap[0].length).filter((p) => !mentions.some((m) => m.start < p.end && p.start < m.end))
      : [];
    const tail = more.map((p) => ({
      start: p.start,
      end: p.end,
      text: p.text,
      agencyId: null,
      confidence: 0.5,
      kind: null,
      flag: 'unknown' as const,
    }));
    return { agencies: [...subject, ...tail], source: 'subject' };
  }
  const f = foldAligned(text);
  const chuTri = /\bchu tri\b/.exec(f);
  if (chuTri) {
    const before = listBefore(text, mentions, chuTri.index);
    // "Bộ A phối hợp với Ban B và chủ trì …": B is A's partner; the subject before "phối hợp" leads.
    const partner = before.length
      ? /\bphoi hop( chat che)?( voi)?\s*$/.exec(f.slice(Math.max(0, before[0].start - 30), before[0].start))
      : null;
    if (partner) {
      const subject = listBefore(text, mentions, before[0].start - partner[0].length);
      if (subject.length) return { agencies: subject, source: 'chu-tri' };
    }
    if (before.length) return { agencies: before, source: 'chu-tri' };
  }
  return null;
}

/** The agencies named after "phối hợp (chặt chẽ) (với)". */
export function coordinatingOf(text: string, mentions: AgencyMention[]): AgencyMention[] {
  const f = foldAligned(text);
  const found: AgencyMention[] = [];
  for (const m of f.matchAll(/\bphoi hop( chat che)?( voi)?\b|\bchu tri cung( voi)?\b/g)) {
    found.push(...listFrom(text, mentions, m.index! + m[0].length, CONNECTORS));
  }
  return found;
}

/** Every agency a field's value names ("Sở Tài chính, Sở Kế hoạch và Đầu tư"), those the registry lacks kept as written. */
export function fieldAgencies(value: string, mentions: AgencyMention[]): Array<{ text: string; mention: AgencyMention | null }> {
  if (mentions.length) return mentions.map((m) => ({ text: m.text, mention: m }));
  return value
    .split(/[;,]|\bvà\b/)
    .map((s) => s.replace(/[.\s]+$/, '').trim())
    .filter((s) => s.length > 1)
    .map((text) => ({ text, mention: null }));
}

const REPORT =
  /\bbao cao\b[^;.\n]{0,80}?\b(ubnd|uy ban|chu tich|thu tuong|chinh phu|bo (truong|[a-z])|so [a-z]|van phong|hdnd|tinh uy|ban chi dao|cap tren|co quan)/;

/** The report the task asks for, as written: the clause from "(tổng hợp) báo cáo" to its end. */
export function reportDutyOf(text: string): string | null {
  const f = foldAligned(text);
  const m = REPORT.exec(f);
  if (!m) return null;
  const start = /tong hop,? $/.test(f.slice(Math.max(0, m.index - 10), m.index)) ? f.lastIndexOf('tong hop', m.index) : m.index;
  const rest = text.slice(start);
  const end = rest.search(/;|\.(\s|$)|\n/);
  return (end < 0 ? rest : rest.slice(0, end)).replace(/[./\s]+$/, '').trim() || null;
}

/** How strongly a text names the agency that follows the whole directive: 0 not at all. */
export function monitoringScore(text: string): number {
  const f = foldAligned(text);
  let score = 0;
  if (/theo doi,?\s*(va\s*)?(kiem tra,?\s*)?don doc|don doc,?\s*(va\s*)?(kiem tra,?\s*)?theo doi/.test(f)) score += 2;
  if (/(la|lam)\s*(co quan\s*)?dau moi|dau moi\s*(theo doi|tong hop|giup)|co quan thuong truc/.test(f)) score += 2;
  if (score && /tong hop[^.;]{0,60}bao cao|bao cao[^.;]{0,60}(ket qua|tinh hinh)/.test(f)) score += 1;
  return score;
}

/** A mention as a draft's agency, its confidence scaled by how it was found. */
export function draftAgency(m: AgencyMention, factor = 1): DraftAgency {
  return { text: m.text, agencyId: m.agencyId, confidence: round(m.confidence * factor) };
}

export const round = (x: number) => Math.round(Math.max(0, Math.min(1, x)) * 100) / 100;
