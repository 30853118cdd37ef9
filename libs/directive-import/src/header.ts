import type { DraftSigner } from '@dm/contracts';

/**
 * The frame of a directive (Decree 30/2020, App. I): issuing body, number
 * and symbol, place and date, type and subject, addressees, and at the end
 * the signer, Nơi nhận and the digital-signature stamp. The body between
 * them (legal basis, opening, tasks) is for tasks.ts.
 */

/** One line of the source text. */
export interface SourceLine {
  /** 1-based, as an editor numbers it. */
  n: number;
  /** NFC, control characters as spaces, runs of spaces kept (they separate columns). */
  raw: string;
  /** `raw` with runs of white space as one space, trimmed. */
  text: string;
  /** `raw` cut at runs of three or more spaces or a tab: a two-column layout (header, signature) or a flattened table row. */
  columns: Column[];
}

export interface Column {
  text: string;
  /** Where it starts in `raw`. */
  at: number;
}

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd]/g;
const COLUMN_BREAK = /[ \u00a0]{3,}|\t+/g;
/** Longer lines are cut: no directive has them, and every reader after this one stays linear. */
const MAX_LINE = 20_000;

const MARKDOWN_HEADING = /^\s*#{1,6}[ \t]+/;

export function sourceLines(text: string): SourceLine[] {
  return text
    .normalize('NFC')
    .replace(CONTROL, ' ')
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map((line, i) => {
      // A text extraction's markdown heading marks ("## Mục I. …") are no part of the text.
      const raw = (line.length > MAX_LINE ? line.slice(0, MAX_LINE) : line).replace(MARKDOWN_HEADING, '');
      return { n: i + 1, raw, text: raw.replace(/\s+/g, ' ').trim(), columns: columnsOf(raw) };
    });
}

function columnsOf(raw: string): Column[] {
  const columns: Column[] = [];
  let start = 0;
  for (const gap of raw.matchAll(COLUMN_BREAK)) {
    push(columns, raw.slice(start, gap.index), start);
    start = gap.index + gap[0].length;
  }
  push(columns, raw.slice(start), start);
  return columns;
}

function push(columns: Column[], cell: string, at: number) {
  const text = cell.replace(/\s+/g, ' ').trim();
  if (text) columns.push({ text, at: at + cell.search(/\S/) });
}

/**
 * Lower case without diacritics (đ → d), one character for each character of
 * the NFC text given, so that an offset found in the folded text is the same
 * offset in the original.
 */
export function foldAligned(text: string): string {
  let folded = '';
  for (const ch of text) {
    const base = ch === 'đ' || ch === 'Đ' ? 'd' : ch.normalize('NFD')[0].toLowerCase();
    folded += ch.length === 1 && base.length === 1 ? base : ch;
  }
  return folded;
}

// ---------------------------------------------------------------- noise

const STAMP = /^(ky boi|nguoi ky|co quan|email|thoi gian ky|ngay ky)\s*:/;
const MOTTO = /cong hoa xa hoi chu nghia|doc lap\W+tu do|tu do\W+hanh phuc/;
const SEPARATOR = /^[-_=*~.…\s]+$/;
const PAGE_NUMBER = /^(?:-\s*)?(?:trang\s*)?\d{1,3}(?:\s*\/\s*\d{1,3})?(?:\s*-)?$/;

export const isStampLine = (line: SourceLine) => STAMP.test(foldAligned(line.text));
/** A converter's page mark ("--- PAGE BREAK ---", "[Trang 2]"): no text of the directive. */
const PAGE_MARK = /^[-=_*#\s[(]*(page break|ngat trang|trang \d{1,3})[-=_*#\s\])]*$/;
export const isPageNumber = (text: string) => PAGE_NUMBER.test(foldAligned(text)) || PAGE_MARK.test(foldAligned(text));
const isMotto = (text: string) => MOTTO.test(foldAligned(text));
const isSeparator = (text: string) => SEPARATOR.test(text);

/** The digital-signature stamp: "Ký bởi: …", "Thời gian ký: 10/02/2017 15:47:44" (also "Người ký", "Cơ quan", "Email"). */
export function readSignatureStamp(lines: SourceLine[]): { signedBy: string; signedAt: string | null } | null {
  const fields = new Map<string, string>();
  for (const line of lines) {
    if (!isStampLine(line)) continue;
    const folded = foldAligned(line.text);
    for (const m of folded.matchAll(/(ky boi|nguoi ky|co quan|email|thoi gian ky|ngay ky)\s*:\s*/g)) {
      const rest = line.text.slice(m.index + m[0].length);
      const next = foldAligned(rest).search(/(ky boi|nguoi ky|co quan|email|thoi gian ky|ngay ky)\s*:/);
      if (!fields.has(m[1])) fields.set(m[1], (next < 0 ? rest : rest.slice(0, next)).trim());
    }
  }
  const signedBy = fields.get('ky boi') || fields.get('nguoi ky') || fields.get('co quan');
  if (!signedBy) return null;
  const time = fields.get('thoi gian ky') ?? fields.get('ngay ky') ?? '';
  return { signedBy, signedAt: stampTime(time) };
}

function stampTime(text: string): string | null {
  const dmy = /(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?:\D+(\d{1,2}):(\d{2})(?::(\d{2}))?)?/.exec(text);
  const ymd = /(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?/.exec(text);
  const [y, mo, d, h, mi, s] = ymd ? ymd.slice(1) : dmy ? [dmy[3], dmy[2], dmy[1], ...dmy.slice(4)] : [];
  const date = y ? isoDate(+y, +mo, +d) : null;
  if (!date) return null;
  if (h === undefined) return date;
  return `${date}T${h.padStart(2, '0')}:${mi}:${(s ?? '00').padStart(2, '0')}`;
}

export function isoDate(year: number, month: number, day: number): string | null {
  if (!(year >= 1900 && year <= 2200 && month >= 1 && month <= 12 && day >= 1)) return null;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// ---------------------------------------------------------------- number and symbol

/** A document's number and symbol as written after "Số", up to the first character that cannot be part of one. */
const SYMBOL = /^\d{1,6}[a-zđ]?(?:\s?[./\-–—]\s?[\p{Lu}\d][\p{L}\d&]*)*/u;

export interface DocumentNumber {
  value: string;
  written: string;
  /** Whether more than spacing was changed (a '.' or a space read as '-' or '/'). */
  repaired: boolean;
}

/**
 * "4308/UBND-VX", "01/CT-TTg", "15 /KH-UBND" → "15/KH-UBND", "289. QĐ/TU" →
 * "289-QĐ/TU" (a Party document: number-type/issuer), "159/KH- UBND" →
 * "159/KH-UBND". Null when the text does not start with one.
 */
export function repairDocumentNumber(text: string): DocumentNumber | null {
  const m = SYMBOL.exec(text.trim());
  if (!m || !/\p{L}/u.test(m[0])) return null;
  const written = m[0].replace(/[.\s]+$/, '');
  let value = written.replace(/[–—]/g, '-').replace(/\s*([/-])\s*/g, '$1');
  // A '.' between the number and its symbol is OCR for '-' (Party: 289-QĐ/TU) or '/' (4308/UBND-VX).
  value = value.replace(/^(\d+)\s?\.\s?/, (_all, n: string) => {
    const rest = value.slice(_all.length);
    return n + (/^[\p{L}]+\//u.test(rest) ? '-' : '/');
  });
  if (!value.includes('/')) return null;
  const repaired = value !== written.replace(/\s+/g, '');
  return { value, written, repaired };
}

/** The type a symbol names ("01/CT-TTg" → chi-thi, "289-QĐ/TU" → quyet-dinh); null for a công văn's issuer-unit symbol. */
export function typeOfSymbol(number: string): string | null {
  const party = /^\d+-([\p{L}]+)\//u.exec(number);
  const state = /^\d+\/(?:\d{4}\/)?([\p{L}]+)(?:-|$)/u.exec(number);
  const code = foldAligned((party ?? state)?.[1] ?? '');
  return TYPE_CODES[code] ?? null;
}

const TYPE_CODES: Record<string, string> = {
  ct: 'chi-thi',
  kh: 'ke-hoach',
  qd: 'quyet-dinh',
  tb: 'thong-bao',
  nq: 'nghi-quyet',
  cd: 'cong-dien',
  hd: 'huong-dan',
  ctr: 'chuong-trinh',
  bc: 'bao-cao',
};

const TYPE_WORDS: Record<string, string> = {
  'chi thi': 'chi-thi',
  'ke hoach': 'ke-hoach',
  'quyet dinh': 'quyet-dinh',
  'thong bao': 'thong-bao',
  'thong bao ket luan': 'thong-bao',
  'nghi quyet': 'nghi-quyet',
  'cong dien': 'cong-dien',
  'cong dien khan': 'cong-dien',
  'cong dien hoa toc': 'cong-dien',
  'huong dan': 'huong-dan',
  'chuong trinh': 'chuong-trinh',
  'bao cao': 'bao-cao',
};

// ---------------------------------------------------------------- header

export interface HeaderReading {
  /** The issuing body as written: the lower level of a two-level heading ("SỞ TÀI CHÍNH" under "UBND TỈNH THANH HÓA"). */
  issuer: string | null;
  /** The higher level of a two-level heading, or the whole heading when the issuer is its lower level. */
  issuerHeading: string | null;
  number: DocumentNumber | null;
  place: string | null;
  issuedOn: string | null;
  type: string | null;
  /** 1 when the type word and the symbol agree, less when one of them or only a V/v line says it. */
  typeConfidence: number;
  subject: string | null;
  /** Kính gửi entries as written. */
  addressees: string[];
  /** Index in the lines of the first line after the header. */
  bodyStart: number;
  /** No header block: neither a number line nor an issuing body's heading nor Kính gửi (a portal's copy of the operative part). */
  headerless: boolean;
}

const VV = /^v\s?[/.]\s?v\b\.?\s*/;
const KINH_GUI = /^kinh gui\s*[:;.]?\s*/;
const NUMBER_LINE = /^s[o0-9]\s*[:;.,]?\s*(?=\d)/;
const DATE = /ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})/;
/** Where the body starts: legal basis, opening sentence, first task. */
const BODY_OPENER =
  /^(can cu|thuc hien|trong (nhung|thoi gian|nam)|nham\b|de\b|nam \d{4}|thoi gian qua|nhung nam (qua|gan day)|qua \d|ngay \d|theo de nghi|xet de nghi|hien nay|chu tich (uy ban|ubnd)|thu tuong chinh phu (chi thi|yeu cau)|(i|1)\s?[.)/]\s)/;
const HEADER_REACH = 60;

export function readHeader(lines: SourceLine[]): HeaderReading {
  const reach = headerReach(lines);
  const at = (i: number) => lines[i];
  const folded = (i: number) => foldAligned(at(i).text);
  let last = -1;
  const seen = (i: number) => (last = Math.max(last, i));

  let numberAt = -1;
  let number: DocumentNumber | null = null as DocumentNumber | null;
  let dateAt = -1;
  let issuedOn: string | null = null;
  let place: string | null = null;
  for (let i = 0; i < reach; i++) {
    for (const column of at(i).columns) {
      const f = foldAligned(column.text);
      const head = NUMBER_LINE.exec(f);
      if (numberAt < 0 && head) {
        number = repairDocumentNumber(column.text.slice(head[0].length));
        if (number) numberAt = seen(i);
      }
      const date = ownDate(f);
      if (dateAt < 0 && date) {
        issuedOn = isoDate(+date[3], +date[2], +date[1]);
        if (issuedOn) {
          dateAt = seen(i);
          place = placeBefore(column.text.slice(0, date.index), number);
        }
      }
    }
  }

  const typeAt = findIndex(reach, (i) => {
    const word = folded(i)
      .replace(/[^a-z ]/g, '')
      .trim();
    return word in TYPE_WORDS && at(i).text === at(i).text.toUpperCase();
  });
  const vvAt = findIndex(reach, (i) => at(i).columns.some((c) => VV.test(foldAligned(c.text))));
  const kinhGuiAt = findIndex(reach, (i) => at(i).columns.some((c) => KINH_GUI.test(foldAligned(c.text))));

  let subject: string | null = null as string | null;
  if (vvAt >= 0) {
    const read = subjectLines(lines, vvAt, reach, (c) => VV.test(foldAligned(c)));
    subject = read.text;
    seen(read.end);
  } else if (typeAt >= 0) {
    seen(typeAt);
    const read = titleLines(lines, typeAt + 1, reach);
    subject = read.text;
    if (read.text) seen(read.end);
  }

  const addressees: string[] = [];
  if (kinhGuiAt >= 0) seen(readAddressees(lines, kinhGuiAt, reach, addressees));

  const typeWord =
    typeAt >= 0
      ? TYPE_WORDS[
          folded(typeAt)
            .replace(/[^a-z ]/g, '')
            .trim()
        ]
      : null;
  const typeCode = number ? typeOfSymbol(number.value) : null;
  const type = typeWord ?? (vvAt >= 0 ? 'cong-van' : typeCode);
  const typeConfidence = !type ? 0 : typeWord && typeCode === typeWord ? 1 : typeWord || (vvAt >= 0 && !typeCode) ? 0.9 : 0.7;

  const read = readIssuer(lines, firstOf(numberAt, dateAt, typeAt, vvAt, reach));
  let { issuer } = read;
  const headerless = !number && !read.issuer && kinhGuiAt < 0;
  if (headerless) {
    // No header block (a portal's copy): the number and date of a reference note, the issuer from the sentence that notifies or instructs.
    const note = referenceNote(lines);
    if (note) {
      number = note.number;
      issuedOn = issuedOn ?? note.issuedOn;
      if (note.title !== null && !subject) {
        subject = note.title || null;
        seen(note.line);
      }
    }
    issuer = issuerInBody(lines);
  }
  if (!number) {
    // No "Số:" line: the document's own number and date as the subtitle of a plan it issues states them, or its title line.
    const own = ownReference(lines);
    if (own) {
      number = own.number;
      issuedOn = own.issuedOn ?? issuedOn;
    }
  }
  const typeOf = type ?? (number ? typeOfSymbol(number.value) : null);
  return {
    issuer,
    issuerHeading: read.issuerHeading,
    number,
    place,
    issuedOn,
    type: typeOf,
    typeConfidence: type ? typeConfidence : typeOf ? 0.6 : 0,
    subject,
    addressees,
    bodyStart: last + 1,
    headerless,
  };
}

const KIND_WORDS =
  'bo luat|luat|nghi dinh|nghi quyet|quyet dinh|chi thi|ke hoach|thong tu lien tich|thong tu|cong van|van ban|thong bao ket luan|thong bao|huong dan|chuong trinh|cong dien|ket luan|de an|phap lenh';
/** A document cited by its kind and number just before a date ("… Chỉ thị số 14-CT/TW ngày …"): the date is that document's. */
const CITED_BEFORE = new RegExp(`\\b(${KIND_WORDS})\\s*(so\\s*)?[^\\s,;()]*\\d[^\\s,;()]*\\s*,?\\s*$`);

/** The first date of a header line that is not a cited document's. */
function ownDate(f: string): RegExpExecArray | null {
  const dates = new RegExp(DATE.source, 'g');
  for (let m = dates.exec(f); m; m = dates.exec(f)) if (!CITED_BEFORE.test(f.slice(0, m.index))) return m;
  return null;
}

/**
 * A text without a "Số:" line names itself in a plan's subtitle ("(Ban hành
 * kèm theo Quyết định số 415/QĐ-UBND ngày 12 tháng 3 năm 2019 của …)") or
 * on its title line ("Quyết định số 415/QĐ-UBND ngày 12/3/2019 …" first).
 */
const OWN_REFERENCE = new RegExp(
  `^\\(?\\s*(?:(?:duoc )?ban hanh )?(?:kem theo )?(?:${KIND_WORDS})\\s*(?:so\\s*)?(\\d[^\\s,;()]*\\/[^\\s,;()]+)\\s*,?\\s*ngay\\s*(\\d{1,2})\\s*(?:thang|[/.-])\\s*(\\d{1,2})\\s*(?:nam|[/.-])\\s*(\\d{4})`,
);
function ownReference(lines: SourceLine[]): { number: DocumentNumber | null; issuedOn: string | null } | null {
  const filled = lines.filter((l) => l.text);
  for (const [k, line] of filled.entries()) {
    const f = foldAligned(line.text);
    const m = OWN_REFERENCE.exec(f);
    if (!m || (k > 0 && !/^\(?\s*(duoc )?(ban hanh )?kem theo\b/.test(f))) continue;
    const at = m[0].indexOf(m[1]);
    const number = repairDocumentNumber(line.text.slice(at, at + m[1].length));
    if (number) return { number, issuedOn: isoDate(+m[4], +m[3], +m[2]) };
  }
  return null;
}

/** "(3585/VP-KTN, ngày 23/10/2017)", "(Theo Công văn số 6202/UBND-KT, ngày 23/11/2023)": a document's own number and date in brackets, not a cited one ("… của …", "Đính kèm …"). */
const NOTE =
  /\(\s*(?:theo\s+)?(?:(?:cong van|thong bao|van ban|quyet dinh|chi thi|ke hoach|cong dien)\s+)?(?:so\s*)?(\d{1,6}[^\s,;()]*\/[^\s,;()]+)\s*,?\s*ngay\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*\)/;

/** A reference note on the first line (a title line: "Về việc … (số, ngày …)") or on one of the last lines. */
function referenceNote(
  lines: SourceLine[],
): { number: DocumentNumber | null; issuedOn: string | null; title: string | null; line: number } | null {
  const filled = lines.map((l, i) => ({ l, i })).filter(({ l }) => l.text);
  const candidates = [...filled.slice(0, 1), ...filled.slice(-3)];
  for (const { l, i } of candidates) {
    const f = foldAligned(l.text);
    const m = NOTE.exec(f);
    if (!m || /\b(cua|kem)\b/.test(m[0])) continue;
    const at = m.index + m[0].indexOf(m[1], 1);
    const number = repairDocumentNumber(l.text.slice(at, at + m[1].length));
    const issuedOn = isoDate(+m[4], +m[3], +m[2]);
    const isTitle = i === filled[0].i && m.index > 0;
    const title = isTitle
      ? l.text
          .slice(0, m.index)
          .replace(/[\s.,:;]+$/, '')
          .trim()
      : null;
    return { number, issuedOn, title, line: i };
  }
  return null;
}

const TITLE_BEFORE_BODY = /^(pho )?(chu tich|giam doc|thu truong|bo truong|chanh van phong|truong ban|cuc truong|tong cuc truong)\s+/;
/** The body that notifies ("Văn phòng UBND tỉnh thông báo để …") or else instructs ("UBND tỉnh có ý kiến như sau:"), as written: a text without a header names its issuer there. */
function issuerInBody(lines: SourceLine[]): string | null {
  const sentences = lines.map((l) => l.text).filter(Boolean);
  for (const verb of [/\s(thong bao)\s+(de|den|cho|y kien|ket luan|nhu sau)\b/, /\s(co y kien|yeu cau|chi dao|de nghi)\b/]) {
    for (const text of sentences) {
      const f = foldAligned(text);
      const m = verb.exec(f);
      if (!m) continue;
      const before = f.slice(0, m.index);
      const from = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf(':'), before.lastIndexOf('.')) + 1;
      let subject = text.slice(from, m.index).trim();
      const title = TITLE_BEFORE_BODY.exec(foldAligned(subject));
      if (title) subject = subject.slice(title[0].length);
      if (
        subject.split(/\s+/).length <= 8 &&
        (ORGAN.test(foldAligned(subject)) || /^(bo|thu tuong|chinh phu|tinh uy|hdnd)\b/.test(foldAligned(subject)))
      )
        return subject;
    }
  }
  return null;
}

/** The header lies before the first task and within the first lines. */
function headerReach(lines: SourceLine[]): number {
  const limit = Math.min(lines.length, HEADER_REACH);
  for (let i = 0; i < limit; i++) if (/^(1|I)\s?[.)]\s+\p{Lu}/u.test(lines[i].text)) return i;
  return limit;
}

function findIndex(reach: number, test: (i: number) => boolean): number {
  for (let i = 0; i < reach; i++) if (test(i)) return i;
  return -1;
}

function firstOf(...indexes: number[]): number {
  return Math.min(...indexes.filter((i) => i >= 0));
}

function placeBefore(text: string, number: DocumentNumber | null): string | null {
  let before = text;
  const numberHead = NUMBER_LINE.exec(foldAligned(before));
  if (numberHead && number) before = before.slice(numberHead[0].length).replace(/^\s*\S+/, '');
  const place = before.replace(/[,\s]+$/, '').trim();
  const words = place.split(' ');
  return place ? words.slice(-4).join(' ') : null;
}

function subjectLines(lines: SourceLine[], from: number, reach: number, isFirst: (column: string) => boolean) {
  const parts: string[] = [];
  let end = from;
  for (let i = from; i < reach && i < from + 8; i++) {
    const column = i === from ? lines[i].columns.find((c) => isFirst(c.text)) : lines[i].columns[0];
    if (!column) break;
    const f = foldAligned(column.text);
    if (i > from && (KINH_GUI.test(f) || BODY_OPENER.test(f) || DATE.test(f) || isSeparator(column.text))) break;
    parts.push(column.text);
    end = i;
    if (/[.]$/.test(column.text) && /^\p{Lu}/u.test(lines[i + 1]?.text ?? '')) break;
  }
  return { text: joinSubject(parts), end };
}

/** A named type's title: the lines after the type word, up to a rule, a blank line or the body. */
function titleLines(lines: SourceLine[], from: number, reach: number) {
  const parts: string[] = [];
  let end = from - 1;
  for (let i = from; i < reach && i < from + 4; i++) {
    const text = lines[i].columns[0]?.text ?? '';
    const f = foldAligned(text);
    if (!text || isSeparator(text) || KINH_GUI.test(f) || (i > from && BODY_OPENER.test(f)) || DATE.test(f)) break;
    if (i === from && BODY_OPENER.test(f) && !/^(ve|v\/v)\b/.test(f)) break;
    parts.push(text);
    end = i;
  }
  return { text: parts.length ? joinSubject(parts) : null, end };
}

function joinSubject(parts: string[]): string {
  return parts.reduce((all, part) => (all.endsWith('-') && !all.endsWith(' -') ? all + part : `${all} ${part}`), '').trim();
}

function readAddressees(lines: SourceLine[], at: number, reach: number, into: string[]): number {
  const line = lines[at];
  const column = line.columns.find((c) => KINH_GUI.test(foldAligned(c.text)))!;
  const inline = column.text.slice(KINH_GUI.exec(foldAligned(column.text))![0].length);
  if (inline) into.push(...entriesOf(inline));
  let end = at;
  for (let i = at + 1; i < lines.length && i < at + 40; i++) {
    const text = lines[i].columns[0]?.text ?? '';
    if (!text) continue;
    const f = foldAligned(text);
    if (/^[-+•·–]/.test(text)) into.push(...entriesOf(text));
    else if (into.length && !/[;.]$/.test(lastOf(into)) && /^\p{Ll}/u.test(text)) into[into.length - 1] += ` ${text}`;
    else if (!into.length && i === at + 1 && !BODY_OPENER.test(f)) into.push(...entriesOf(text));
    else break;
    end = i;
    if (i >= reach && !/^[-+•·–]/.test(text)) break;
  }
  into.splice(0, into.length, ...into.map(cleanEntry).filter(Boolean));
  return end;
}

const lastOf = (list: string[]) => list[list.length - 1];

function entriesOf(text: string): string[] {
  return text.split(/;\s*/).filter((s) => s.trim());
}

/** "- Các sở, ban, ngành cấp tỉnh;" → "Các sở, ban, ngành cấp tỉnh". */
export function cleanEntry(text: string): string {
  return text
    .replace(/^[-+•·–\s]+/, '')
    .replace(/[;.,:\s]+$/, '')
    .trim();
}

/** A web page's title line over a copied document: the page's heading, never the issuer. */
const PAGE_TITLE =
  /^(thong tin|tin tuc|tin hoat dong|van ban chi dao( dieu hanh)?|van ban (moi|phap luat)|chi dao dieu hanh|trang chu|phan hoi|tra loi|hoi dap|insert title here)\b/;

/** "TỔNG CỤC" as OCR reads it with a letter off ("TONG CYC", "TỒNG CUC"). */
const OCR_TONG_CUC = /^T[OÔỒỔ]NG\s?C[A-ZÙỤỦŨÚƯ]C(?=\s|$)/u;

/** An organ word that begins a lower level of a two-level heading. */
const ORGAN =
  /^(so|ban|van phong|cuc|chi cuc|tong cuc|trung tam|phong|thanh tra|hoi dong|bo chi huy|cong an|kho bac|vu|vien|truong|ubnd|uy ban nhan dan)\b/;

/** A column's text before the national motto sharing its line ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" → "ỦY BAN NHÂN DÂN"); null when it is the motto. */
function besideMotto(text: string): string | null {
  const at = foldAligned(text).search(MOTTO_START);
  if (at < 0) return text;
  const before = text.slice(0, at).trim();
  return before || null;
}
const MOTTO_START = /cong\s?hoa\s+xa\s+hoi|doc\s?lap\W+tu\s?do|tu\s?do\W+hanh\s?phuc/;

/** Mostly capitals, as a heading is written (OCR may lower a letter or two). */
function isHeadingCase(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length < 2) return false;
  const upper = [...letters].filter((ch) => ch === ch.toUpperCase()).length;
  return upper / [...letters].length >= 0.8;
}

/**
 * The issuing body's heading: the upper-case lines (or their parts beside
 * the national motto) before the number, date or title, up to the first
 * sentence of the body, so that a text without a header block gives none
 * rather than its first paragraph.
 */
function readIssuer(lines: SourceLine[], before: number): { issuer: string | null; issuerHeading: string | null } {
  const heading: string[] = [];
  let mottoSeen = false;
  for (let i = 0; i < before && i < lines.length; i++) {
    if (isStampLine(lines[i])) continue;
    const f = foldAligned(lines[i].text);
    if (
      BODY_OPENER.test(f) ||
      KINH_GUI.test(f) ||
      (/\p{Ll}{2,}.*\p{Ll}{2,}/u.test(lines[i].text) && lines[i].text.length > 60 && !isHeadingCase(lines[i].text))
    )
      break;
    // The heading's first line is the motto's: what stands above it is the stamp's or the converter's noise.
    if (!mottoSeen && lines[i].columns.some((c) => MOTTO_START.test(foldAligned(c.text)))) {
      mottoSeen = true;
      heading.length = 0;
    }
    const column = lines[i].columns
      .map((c) => besideMotto(c.text))
      .find((c): c is string => !!c && !isMotto(c) && !isSeparator(c) && /\p{L}/u.test(c));
    if (!column || isPageNumber(column) || !isHeadingCase(column)) continue;
    // A web page's own title ("THÔNG TIN Ý KIẾN", "TIN TỨC", "VĂN BẢN CHỈ ĐẠO") frames the copy and names no body.
    if (PAGE_TITLE.test(foldAligned(column))) continue;
    // A title in capitals ("BAN HÀNH KẾ HOẠCH THỰC HIỆN CHỈ THỊ SỐ … NGÀY …") is no issuing body: a body's name is short and dates nothing.
    if (column.length > 90 || DATE.test(foldAligned(column))) continue;
    heading.push(column.replace(/[-_=*—–]{3,}.*$/, '').trim());
  }
  const parts = heading
    .filter(Boolean)
    .slice(-4)
    .map((part) => part.replace(OCR_TONG_CUC, 'TỔNG CỤC'));
  if (!parts.length) return { issuer: null, issuerHeading: null };
  const whole = parts.join(' ');
  for (let i = parts.length - 1; i > 0; i--) {
    if (ORGAN.test(foldAligned(parts[i])) && /^(uy ban|ubnd|bo|tinh|thanh|huyen|so|tong cuc|cuc)\b/.test(foldAligned(parts[0]))) {
      return { issuer: parts.slice(i).join(' '), issuerHeading: parts.slice(0, i).join(' ') };
    }
  }
  return { issuer: whole, issuerHeading: null };
}

// ---------------------------------------------------------------- closing

export interface ClosingReading {
  /** Index in the lines where the closing (Nơi nhận, signer) starts; lines.length when there is none. */
  start: number;
  signer: DraftSigner | null;
  recipients: string[];
}

const CAPACITY = /^(KT|TM|TL|TUQ|Q)\s?\.\s*(\p{Lu}.*)?$/u;
const NOI_NHAN = /^noi nhan\s*[:;.]?\s*/;
const SIGNER_TITLE =
  /^(pho )?(thu tuong|chu tich|giam doc|bo truong|thu truong|chanh van phong|truong ban|tong cuc truong|cuc truong|bi thu|chanh thanh tra|truong phong|vien truong)$/;
const SIGNED_MARK = /^[([]?\s*(da ky|daky|ky,? ghi ro ho ten.*|ky ten.*)\s*[)\]]?$/;

/** Where the closing starts: "Nơi nhận", a signer's capacity (KT., TM., TL., TUQ., Q.) or title alone, after the body's "./.". */
export function closingStart(lines: SourceLine[], from: number): number {
  for (let i = from; i < lines.length; i++) {
    for (const column of lines[i].columns) {
      const f = foldAligned(column.text);
      if (NOI_NHAN.test(f)) return i;
      if (CAPACITY.test(column.text) && isUpper(column.text)) return i;
      if (SIGNER_TITLE.test(f) && isUpper(column.text) && endsBody(lines[i - 1])) return i;
    }
  }
  return lines.length;
}

const endsBody = (line: SourceLine | undefined) => !!line && /[./]$/.test(line.text);

export function readClosing(lines: SourceLine[], start: number): ClosingReading {
  const recipients: string[] = [];
  const capacity: string[] = [];
  let title: string | null = null;
  let name: string | null = null;
  for (let i = start; i < lines.length; i++) {
    if (isStampLine(lines[i])) continue;
    for (const column of lines[i].columns) {
      const text = column.text;
      const f = foldAligned(text);
      if (isPageNumber(text) || SIGNED_MARK.test(f)) continue;
      const noiNhan = NOI_NHAN.exec(f);
      if (noiNhan) {
        const rest = cleanEntry(text.slice(noiNhan[0].length));
        if (rest) recipients.push(rest);
      } else if (/^[-+•·–]/.test(text) || /^luu\s*[:.]/.test(f)) {
        recipients.push(cleanEntry(text));
      } else if (CAPACITY.test(text) && isUpper(text) && !name) {
        capacity.push(tidyCapacity(text));
      } else if (isUpper(text) && /\p{L}{2}/u.test(text) && !name) {
        if (!title) title = stripNoise(text);
      } else if (recipients.length && continues(lastOf(recipients), text)) {
        recipients[recipients.length - 1] = cleanEntry(`${lastOf(recipients)} ${text}`);
      } else if (isPersonName(text) && !name && (title || capacity.length)) {
        name = stripNoise(text);
      }
    }
  }
  const signer = title || name ? { name: name ?? '', capacity: capacity.length ? capacity.join(' ') : null, title: title ?? '' } : null;
  return { start, signer, recipients: recipients.filter(Boolean) };
}

/** A Nơi nhận entry broken over two lines: the first has no ';' or '.' at its end, and the second is no name. */
function continues(entry: string, text: string): boolean {
  if (/[;.]$/.test(entry) || /^luu\b/.test(foldAligned(entry))) return false;
  return /^\p{Ll}/u.test(text) || (!isPersonName(text) && /[,;]/.test(text));
}

function isUpper(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length > 0 && letters === letters.toUpperCase();
}

/** "KT . CHỦ TỊCH" → "KT. CHỦ TỊCH". */
function tidyCapacity(text: string): string {
  return stripNoise(text.replace(/^(\p{Lu}+)\s?\.\s*/u, '$1. '));
}

/** Stray characters OCR leaves beside a title or a name: "PHÓ CHỦ TỊCH 7" → "PHÓ CHỦ TỊCH". */
function stripNoise(text: string): string {
  const words = text.split(' ');
  const isWord = (w: string) => /^\p{L}[\p{L}.]+$/u.test(w) || /^\p{Lu}\.?$/u.test(w);
  while (words.length > 1 && !isWord(words[words.length - 1])) words.pop();
  while (words.length > 1 && !isWord(words[0])) words.shift();
  return words.join(' ');
}

function isPersonName(text: string): boolean {
  const words = stripNoise(text).split(' ');
  return words.length >= 2 && words.length <= 6 && words.every((w) => /^\p{Lu}\p{Ll}*$/u.test(w));
}

// ---------------------------------------------------------------- legal basis

export interface LegalBasis {
  /** "Chỉ thị số 01/CT-TTg ngày 06/01/2017", repaired of OCR noise. */
  reference: string;
  /** The number as written, when a repair changed it. */
  written: string | null;
}

const DOCUMENT_KIND =
  /\b(bo luat|luat|nghi dinh|nghi quyet|quyet dinh|chi thi|ke hoach|thong tu lien tich|thong tu|cong van|van ban|thong bao ket luan|thong bao|huong dan|chuong trinh|cong dien|ket luan|de an)\b(\s*so)?\s*(?=\d)/g;
const REFERENCE_DATE = /^\s*,?\s*(ngay\s*(\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\d{1,2}\s*thang\s*\d{1,2}\s*nam\s*\d{4}))/;

/**
 * The legal basis an opening cites: each "Căn cứ …" clause, and each numbered
 * document of a "Thực hiện …" clause, as its reference (kind, number, date).
 * A "Căn cứ" clause citing no numbered document (a law by its name and date)
 * is kept whole.
 */
export function readLegalBasis(opening: string): LegalBasis[] {
  const found: LegalBasis[] = [];
  const f = foldAligned(opening);
  for (const clause of f.matchAll(/\b(can cu|thuc hien)\b\s*/g)) {
    const start = clause.index! + clause[0].length;
    const rest = f.slice(start, start + 600);
    // A Căn cứ clause ends at its ';', a Thực hiện sentence may cite several documents separated by ';'.
    const stop = clause[1] === 'can cu' ? /;|(?<!\d)\.(\s|$)|\b(can cu|thuc hien)\b|\n/ : /:|(?<!\d)\.(\s|$)|\b(can cu|thuc hien)\b|\n/;
    const end = start + (rest.search(stop) + 1 || rest.length + 1) - 1;
    const references = referencesIn(opening, f, start, end);
    if (references.length) found.push(...references);
    else if (clause[1] === 'can cu') {
      const whole = opening
        .slice(start, end)
        .replace(/[,;.\s]+$/, '')
        .trim();
      if (whole) found.push({ reference: whole, written: null });
    }
  }
  const seen = new Set<string>();
  return found.filter((b) => !seen.has(foldAligned(b.reference)) && !!seen.add(foldAligned(b.reference)));
}

/**
 * Documents cited as grounds outside the Căn cứ / Thực hiện clauses: every
 * numbered document the preamble (the text before the first task) cites
 * ("nhận được Công văn số …", "theo Kế hoạch số …"), and in a task those
 * whose assignments it carries out ("các nhiệm vụ được giao tại Quyết định
 * số …; Kế hoạch số …"), not every document a task mentions in passing.
 * The same document cited twice (its number and date alike, past OCR
 * slips in the symbol) is kept once.
 */
export function readCitedGrounds(preamble: string, tasks: string[]): LegalBasis[] {
  const found: LegalBasis[] = [...readLegalBasis(preamble)];
  const fp = foldAligned(preamble);
  found.push(...referencesIn(preamble, fp, 0, preamble.length));
  for (const task of tasks) {
    const f = foldAligned(task);
    for (const m of f.matchAll(/\b(duoc giao|de ra|neu|giao) tai\b/g)) {
      const start = m.index! + m[0].length;
      const stop = f.slice(start).search(/(?<!\d)\.(\s|$)|\n/);
      found.push(...referencesIn(task, f, start, stop < 0 ? task.length : start + stop));
    }
  }
  const seen = new Set<string>();
  return found.filter((b) => {
    const number = /số (\d+)/.exec(b.reference)?.[1] ?? b.reference;
    const date = /ngày\s*(\S+)/.exec(b.reference)?.[1] ?? '';
    const key = date ? `${number}|${date}` : foldAligned(b.reference);
    return !seen.has(key) && !!seen.add(key);
  });
}

function referencesIn(text: string, f: string, start: number, end: number): LegalBasis[] {
  const found: LegalBasis[] = [];
  const clause = f.slice(start, end);
  for (const kind of clause.matchAll(DOCUMENT_KIND)) {
    const at = start + kind.index! + kind[0].length;
    const number = repairDocumentNumber(text.slice(at, Math.min(end, at + 80)));
    if (!number) continue;
    const afterNumber = at + text.slice(at).indexOf(number.written) + number.written.length;
    const date = REFERENCE_DATE.exec(f.slice(afterNumber, afterNumber + 40));
    const kindText = text.slice(start + kind.index!, start + kind.index! + kind[1].length);
    const dateText = date ? ` ${text.slice(afterNumber + date[0].length - date[1].length, afterNumber + date[0].length)}` : '';
    found.push({
      reference: `${kindText} số ${number.value}${dateText}`.replace(/\s+/g, ' '),
      written: number.repaired ? number.written : null,
    });
  }
  return found;
}
