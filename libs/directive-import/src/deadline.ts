import type { Recurrence } from '@dm/contracts';
import { DEFAULT_CALENDAR, addDays, daysInMonth, formatDate, isIsoDate } from '@dm/periods';
import { fold, writtenAs } from './vietnamese';

/** What a deadline phrase names: a day, a month, quarter, half or year, a time from an event, a repeating rule, or ongoing work. */
export type DeadlineKind = 'date' | 'period' | 'relative' | 'recurring' | 'continuous';

/** A deadline phrase found in a task's text. */
export interface DeadlinePhrase {
  /** Offsets in the text given, end exclusive. */
  start: number;
  end: number;
  /** The phrase as written. */
  text: string;
  /** The ISO date it sets (the last day of a month, quarter or year it names), or null for a recurring or open one. */
  date: string | null;
  recurring: Recurrence | null;
  /** Whether the phrase sits in a report duty (báo cáo … trước ngày …) rather than setting the task's own deadline. */
  report: boolean;
  confidence: number;
  kind?: DeadlineKind;
  /**
   * Whether the phrase bounds how long a measure applies ("áp dụng đến hết ngày …", "miễn … đến hết năm …",
   * "tạm dừng … đến hết tháng 6") rather than when work is due: a task's deadline only when it has no other.
   */
  measure?: boolean;
  /** What the reviewer should check, when the phrase could not be read with certainty ("no such date", "every six months: no rule for it"). */
  note?: string;
}

// ---------------------------------------------------------------------------
// Folding with offsets: lower case, no diacritics, one folded character or more per character of the text.

interface Folded {
  /** The folded text. */
  f: string;
  /** For each folded character, the offsets of the character of the text it comes from. */
  from: number[];
  to: number[];
  /** Whether that character was written in capitals. */
  upper: boolean[];
}

const DASHES = /[\u2010-\u2015\u2212]/;
const SPACES = /[\u00a0\u2000-\u200b\u202f\u3000]/;

/** Each character's folded form: a directive has a few hundred distinct characters, so each is folded once. */
const foldedChars = new Map<string, string>();

function foldChar(ch: string): string {
  let g = foldedChars.get(ch);
  if (g === undefined) {
    g = DASHES.test(ch) ? '-' : SPACES.test(ch) ? ' ' : ch.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/[đð]/g, 'd');
    if (foldedChars.size > 10_000) foldedChars.clear();
    foldedChars.set(ch, g);
  }
  return g;
}

function foldWithOffsets(text: string): Folded {
  const chars: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  const upper: boolean[] = [];
  let offset = 0;
  for (const ch of text) {
    const g = foldChar(ch);
    const isUpper = ch !== g && ch !== ch.toLowerCase();
    for (const c of g) {
      chars.push(c);
      from.push(offset);
      to.push(offset + ch.length);
      upper.push(isUpper);
    }
    offset += ch.length;
  }
  // OCR reads 0 as o and 1 as l or |: mend them where they sit among the digits of a number.
  const digitish = (c: string | undefined) => c !== undefined && /[0-9/.-]/.test(c);
  for (let i = 0; i < chars.length; i++) {
    if (!/[ol|]/.test(chars[i])) continue;
    const [before, after] = [chars[i - 1], chars[i + 1]];
    if (digitish(before) && digitish(after) && (/\d/.test(before) || /\d/.test(after))) chars[i] = chars[i] === 'o' ? '0' : '1';
  }
  return { f: chars.join(''), from, to, upper };
}

// ---------------------------------------------------------------------------
// Expressions of time, read in the folded text.

type Expression =
  | { type: 'date'; day: number; month: number; year: number | null; shortYear: boolean }
  | { type: 'period'; unit: 'month' | 'quarter' | 'half' | 'nine' | 'year'; index: number; year: number | null }
  | { type: 'relative'; n: number; unit: 'day' | 'week' | 'month' | 'year'; working: boolean; marker: string; anchor: string | null }
  | { type: 'every'; every: Recurrence['every'] | 'half' | 'week' | 'day'; dinhKy: boolean }
  | { type: 'dayOf'; every: 'month' | 'quarter'; day: number; month?: number; nextQuarter?: boolean }
  | { type: 'continuous'; strong: boolean };

interface Candidate {
  start: number;
  end: number;
  expr: Expression;
}

const SEP = String.raw`\s*[/.-]\s*`;
const NUMBER_WORDS: Record<string, number> = { mot: 1, hai: 2, ba: 3, bon: 4, tu: 4, nam: 5, lam: 5, sau: 6, bay: 7, tam: 8, chin: 9 };
const UNIT_WORD = '(?:mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin)';
const NUMBER = String.raw`(\d{1,3}|(?:(?:hai|ba|bon|nam|sau|bay|tam|chin)\s+)?muoi(?:\s+${UNIT_WORD})?|${UNIT_WORD})`;

function numberOf(word: string): number {
  if (/^\d+$/.test(word)) return Number(word);
  const parts = word.split(/\s+/);
  const tens = parts.indexOf('muoi');
  if (tens < 0) return NUMBER_WORDS[parts[0]] ?? NaN;
  const before = tens === 0 ? 1 : NUMBER_WORDS[parts[0]];
  const after = tens + 1 < parts.length ? NUMBER_WORDS[parts[tens + 1]] : 0;
  return before * 10 + after;
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, l: 1, ll: 2, lll: 3, lv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

function yearOf(text: string | undefined): number | null {
  return text === undefined ? null : Number(text);
}

/** Each reader: a pattern over the folded text and what a match means. */
const READERS: Array<{ re: RegExp; read: (m: RegExpExecArray) => Expression | null }> = [
  {
    // ngày 15 tháng 12 năm 2017, ngày 15 tháng 12
    re: new RegExp(String.raw`(?<![a-z])ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})(?:(?:\s*nam\s*|${SEP})(\d{4}))?(?!\s*\d)`, 'g'),
    read: (m) => ({ type: 'date', day: Number(m[1]), month: Number(m[2]), year: yearOf(m[3]), shortYear: false }),
  },
  {
    // 15/12/2017, ngày 15-12-2017, 15 . 12 . 17, 15/12
    re: new RegExp(
      String.raw`(?<![a-z0-9/.-])(?:ngay\s*)?(\d{1,2})${SEP}(\d{1,2})(?:${SEP}(\d{4}|\d{2})(?![0-9]|[/-]\s*\w|\.\d))?(?![0-9]|\s*[/-]\s*\d|\.\d|\s*\/)`,
      'g',
    ),
    read: (m) => {
      const short = m[3]?.length === 2;
      return {
        type: 'date',
        day: Number(m[1]),
        month: Number(m[2]),
        year: m[3] ? Number(m[3]) + (short ? 2000 : 0) : null,
        shortYear: short,
      };
    },
  },
  {
    // tháng 12/2025, tháng 12 năm 2025, tháng 12
    re: new RegExp(String.raw`(?<![0-9]\s*)(?<![a-z])thang\s*(\d{1,2})(?:(?:\s*nam\s*|${SEP})(\d{4}))?(?![0-9])`, 'g'),
    read: (m) => ({ type: 'period', unit: 'month', index: Number(m[1]), year: yearOf(m[2]) }),
  },
  {
    // Quý I/2027, quý II năm 2026, quý 3, Quí IV
    re: new RegExp(String.raw`(?<![a-z])qu[yi]\s*(iv|i{1,3}|l{1,3}|lv|[1-4])(?![a-z0-9])(?:(?:\s*nam\s*|${SEP})(\d{4}))?(?![0-9])`, 'g'),
    read: (m) => ({ type: 'period', unit: 'quarter', index: ROMAN[m[1]], year: yearOf(m[2]) }),
  },
  {
    // 6 tháng đầu năm 2026, sáu tháng cuối năm, 9 tháng đầu năm, nửa đầu năm 2026
    re: /(?<![a-z0-9])(0?6|sau|0?9|chin|nua)\s*(?:thang\s*)?(dau|cuoi)\s*nam(?:\s*(\d{4}))?(?![0-9])/g,
    read: (m) => {
      const nine = m[1] === '9' || m[1] === '09' || m[1] === 'chin';
      if (nine && m[2] === 'cuoi') return null;
      return { type: 'period', unit: nine ? 'nine' : 'half', index: m[2] === 'dau' ? 1 : 2, year: yearOf(m[3]) };
    },
  },
  {
    // năm 2026
    re: /(?<![a-z])nam\s*(\d{4})(?![0-9])/g,
    read: (m) => ({ type: 'period', unit: 'year', index: 1, year: Number(m[1]) }),
  },
  {
    // trong thời hạn 10 ngày kể từ ngày ký, trong 15 ngày làm việc, chậm nhất sau 03 tháng
    re: new RegExp(
      String.raw`(?<![a-z])(trong(?:\s*(?:thoi\s*han|thoi\s*gian|vong|khoang|pham\s*vi))?|cham\s*nhat(?:\s*(?:la|sau|trong))*|khong\s*qua|toi\s*da|sau|truoc)\s*(?:(?:la|tu)\s+)?${NUMBER}\s*(?:\([^)\n]{0,25}\)\s*)?(ngay\s*lam\s*viec|ngay|tuan|thang|nam)(?![a-z])(?!\s*(?:\d|dau\s*nam|cuoi\s*nam|(?:vua\s*)?qua(?![a-z])|gan\s*day|truoc\s*do))`,
      'g',
    ),
    read: (m) => {
      const n = numberOf(m[2].replace(/\s+/g, ' '));
      if (!Number.isInteger(n) || n <= 0) return null;
      const unit = m[3].startsWith('ngay') ? 'day' : m[3] === 'tuan' ? 'week' : m[3] === 'thang' ? 'month' : 'year';
      return { type: 'relative', n, unit, working: /lam\s*viec/.test(m[3]), marker: m[1].replace(/\s+/g, ' '), anchor: null };
    },
  },
  {
    // hằng năm, hàng quý, định kỳ hằng tháng
    re: /(?<![a-z])(?:(dinh\s*ky)\s*,?\s*)?(?:hang|hanh)\s*(nam|quy|thang|tuan|ngay)(?![a-z])(?!\s*\d)/g,
    read: (m) => {
      const unit = { nam: 'year', quy: 'quarter', thang: 'month', tuan: 'week', ngay: 'day' } as const;
      return { type: 'every', every: unit[m[2] as keyof typeof unit], dinhKy: m[1] !== undefined };
    },
  },
  {
    // định kỳ 6 tháng, định kỳ 03 tháng một lần
    re: /(?<![a-z])dinh\s*ky\s*(\d{1,2})\s*thang(?:\s*(?:\/|mot|1|01)\s*lan)?(?![a-z])/g,
    read: (m) => {
      const n = Number(m[1]);
      const every = n === 1 ? 'month' : n === 3 ? 'quarter' : n === 6 ? 'half' : n === 12 ? 'year' : null;
      return every ? { type: 'every', every, dinhKy: true } : null;
    },
  },
  {
    // 01 lần/năm, mỗi quý một lần
    re: /(?<![a-z0-9])(?:(?:dinh\s*ky\s*)?\(?\s*(0?1|0?2|mot|hai)\s*lan\s*\/\s*(nam|quy|thang)\)?|moi\s*(nam|quy|thang)\s*(?:mot|0?1)\s*lan)(?![a-z])/g,
    read: (m) => {
      const unit = { nam: 'year', quy: 'quarter', thang: 'month' } as const;
      const every = unit[(m[2] ?? m[3]) as keyof typeof unit];
      const twice = m[1] !== undefined && /2|hai/.test(m[1]);
      if (twice) return every === 'year' ? { type: 'every', every: 'half', dinhKy: true } : null;
      return { type: 'every', every, dinhKy: true };
    },
  },
  {
    // trước ngày 15 hằng tháng
    re: /(?<![a-z])ngay\s*(\d{1,2})\s*(?:cua\s*)?(?:hang|hanh|moi)\s*thang(?![a-z])/g,
    read: (m) => ({ type: 'dayOf', every: 'month', day: Number(m[1]) }),
  },
  {
    // trước ngày 20 tháng cuối quý, ngày 15 của tháng đầu quý sau
    re: /(?<![a-z])ngay\s*(\d{1,2})\s*(?:cua\s*)?thang\s*(cuoi|dau|giua|thu\s*(?:nhat|hai|ba|[123]))\s*(?:cua\s*)?(?:moi\s*|hang\s*)?quy(\s*(?:sau|tiep\s*theo|ke\s*tiep))?(?![a-z])/g,
    read: (m) => {
      const which = m[2].replace(/\s+/g, '');
      const month = /cuoi|ba|3/.test(which) ? 3 : /giua|hai|2/.test(which) ? 2 : 1;
      return { type: 'dayOf', every: 'quarter', day: Number(m[1]), month, nextQuarter: m[3] !== undefined };
    },
  },
  {
    // thường xuyên, thường xuyên, liên tục
    re: /(?<![a-z])(?:thuong\s*xuyen(\s*(?:,|va)?\s*lien\s*tuc)?|lien\s*tuc\s*(?:,|va)?\s*thuong\s*xuyen)(?![a-z])/g,
    read: (m) => ({ type: 'continuous', strong: m[0].includes('lien') }),
  },
];

function candidates(f: string): Candidate[] {
  const found: Candidate[] = [];
  for (const { re, read } of READERS) {
    re.lastIndex = 0;
    for (let m = re.exec(f); m; m = re.exec(f)) {
      const expr = read(m);
      if (expr) found.push({ start: m.index, end: m.index + m[0].length, expr });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Candidate[] = [];
  for (const c of found) if (kept.length === 0 || kept[kept.length - 1].end <= c.start) kept.push(c);
  // "quý I và quý II năm 2020", "tháng 3, tháng 4/2020": periods of one unit sharing the last one's year are one span.
  for (let i = kept.length - 2; i >= 0; i--) {
    const [a, b] = [kept[i].expr, kept[i + 1].expr];
    const joined = /^\s*(?:,|va|-|den|toi)\s*$/.test(f.slice(kept[i].end, kept[i + 1].start));
    if (a.type === 'period' && b.type === 'period' && a.unit === b.unit && a.year === null && b.year !== null && joined)
      kept.splice(i, 2, { start: kept[i].start, end: kept[i + 1].end, expr: b });
  }
  return kept;
}

// ---------------------------------------------------------------------------
// The words before an expression that make it a deadline.

type Marker = 'label' | 'before' | 'latest' | 'endOf' | 'until' | 'within' | 'complete' | 'on' | 'bare';

const MARKERS: Array<{ re: RegExp; marker: Marker }> = [
  {
    re: /(?<![a-z])(?:thoi\s*han|thoi\s*gian|han\s*(?:chot|cuoi(?:\s*cung)?))(?:\s*(?:hoan\s*thanh|thuc\s*hien|bao\s*cao|gui|nop|trinh|xong))?(?:\s*la)?\s*[:-]?\s*(?:(?:truoc|trong|den\s*het|den|cham\s*nhat(?:\s*la)?|vao|khong\s*qua)\s*)?$/,
    marker: 'label',
  },
  { re: /(?<![a-z])(?:vao|den|truoc|trong)\s*cuoi\s*$/, marker: 'endOf' },
  { re: /(?<![a-z])cuoi\s*$/, marker: 'within' },
  { re: /(?<![a-z])den\s*het\s*$/, marker: 'endOf' },
  { re: /(?<![a-z])(?:cham\s*nhat(?:\s*(?:la|vao|trong|den|truoc))*|khong\s*(?:qua|muon\s*hon|cham\s*hon))\s*$/, marker: 'latest' },
  { re: /(?<![a-z])truoc\s*$/, marker: 'before' },
  { re: /(?<![a-z])(?<!tinh\s*)den\s*$/, marker: 'until' },
  { re: /(?<![a-z])trong\s*$/, marker: 'within' },
  { re: /(?<![a-z])(?:hoan\s*thanh|xong|ket\s*thuc)\s*$/, marker: 'complete' },
  { re: /(?<![a-z])vao\s*$/, marker: 'on' },
];

/** Confidence of a date (or a period) after each marker. */
const DATE_CONFIDENCE: Record<Marker, number> = {
  label: 0.95,
  before: 0.95,
  latest: 0.95,
  endOf: 0.9,
  until: 0.85,
  within: 0.9,
  complete: 0.85,
  on: 0.6,
  bare: 0.6,
};
const PERIOD_CONFIDENCE: Record<Marker, number> = {
  label: 0.9,
  before: 0.75,
  latest: 0.85,
  endOf: 0.9,
  until: 0.65,
  within: 0.85,
  complete: 0.75,
  on: 0.55,
  bare: 0.7,
};
const STRONG: ReadonlySet<Marker> = new Set(['label', 'before', 'latest', 'endOf']);

/** Words before a period that make it the scope of the work ("kết quả năm 2016", "kế hoạch năm 2026"), not its deadline. */
const SCOPE_BEFORE =
  /(?<![a-z])(?:ket\s*qua|tinh\s*hinh|so\s*lieu|so\s*voi|tong\s*ket|so\s*ket|danh\s*gia|uoc|cung\s*ky|nien\s*do|tam\s*nhin|cua)(?:\s+(?:thuc\s*hien|cong\s*tac|cua|trong))*(?:\s*tu\s*(?:ngay|thang|quy|nam)?\s*[0-9ivl/.\s-]+)?\s*$/;
/** A period of several years named in the same clause: its years are scope ("giai đoạn từ năm 2016 đến năm 2020"). */
const SPAN_BEFORE = /(?<![a-z])(?:giai\s*doan|nam\s*hoc|nien\s*khoa|tam\s*nhin)(?![a-z])[^;:,.]{0,40}$/;
/** Work the text forbids or defers during a period ("không tổ chức kiểm tra định kỳ trong năm 2020"). */
const NEGATION_BEFORE = /(?<![a-z])(?:khong|chua|tam\s*(?:dung|hoan|ngung)|ngung|nghiem\s*cam)(?![a-z])[^,;.:()]{0,60}$/;
const CITED_AFTER = /^\s*,?\s*(?:cua|tai|ve\s*viec|v\/v)(?![a-z])/;
const RANGE_AFTER = /^\s*(?:-|den)\s*(?:nam\s*)?\d{4}/;

function markerBefore(f: string, start: number): { marker: Marker; start: number } | null {
  const window = f.slice(Math.max(0, start - 80), start);
  const offset = start - window.length;
  let best: { marker: Marker; start: number } | null = null;
  for (const { re, marker } of MARKERS) {
    const m = re.exec(window);
    if (m && (!best || offset + m.index < best.start)) best = { marker, start: offset + m.index };
  }
  return best;
}

/** An expression standing alone in its place: after a punctuation mark and before one or the end (a table's cell, "…, Quý I/2027."). */
/**
 * The folded text just before or after a position, as far as a phrase's context reaches: a text's own start
 * stays `^` (a reading's context never needs more than a few words, and a whole letter stays linear).
 */
const CONTEXT = 160;
const lookBehind = (f: string, at: number) => (at <= CONTEXT ? f.slice(0, at) : '\u0000' + f.slice(at - CONTEXT, at));
const lookAhead = (f: string, at: number) => f.slice(at, at + CONTEXT) + (at + CONTEXT < f.length ? '\u0000' : '');

function standsAlone(f: string, start: number, end: number): boolean {
  const before = lookBehind(f, start);
  const after = lookAhead(f, end);
  if (/^\s*$/.test(before)) return /^\s*[.;]?\s*$/.test(after);
  // At a line's start it must fill the line (a table's cell): OCR breaks running sentences at any word.
  if (/\n[ \t]*$/.test(before)) return /^[ \t]*[.;]?[ \t]*(?:\n|$)/.test(after);
  return /[,;:([+\-–]\s*$/.test(before) && /^\s*(?:$|[.,;)\]\n])/.test(after);
}

// ---------------------------------------------------------------------------
// Dates.

function lastDayOf(unit: 'month' | 'quarter' | 'half' | 'nine' | 'year', index: number, year: number): string {
  const month = unit === 'month' ? index : unit === 'quarter' ? 3 * index : unit === 'half' ? 6 * index : unit === 'nine' ? 9 : 12;
  return formatDate(year, month, daysInMonth(year, month));
}

function firstDayOf(unit: 'month' | 'quarter' | 'half' | 'nine' | 'year', index: number, year: number): string {
  const month = unit === 'month' ? index : unit === 'quarter' ? 3 * index - 2 : unit === 'half' ? 6 * index - 5 : 1;
  return formatDate(year, month, 1);
}

const plausibleYear = (year: number) => year >= 1945 && year <= 2199;

function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return formatDate(year, month, Math.min(d, daysInMonth(year, month)));
}

function addWorkingDays(date: string, n: number): string {
  try {
    return DEFAULT_CALENDAR.addWorkingDays(date, n);
  } catch {
    let day = date;
    for (let left = n; left > 0;) {
      day = addDays(day, 1);
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
      if (weekday !== 0 && weekday !== 6) left--;
    }
    return day;
  }
}

/** An anchor the relative time runs from: the directive's signing or issue ("kể từ ngày ký"), its receipt, or another event. */
const ANCHOR =
  /^\s*[,(]?\s*(?:ke\s*tu|tinh\s*tu|sau\s*khi|sau|tu)\s*(?:ngay|khi|thoi\s*diem|luc)?\s*(?:(?:(?:van\s*ban|cong\s*van|chi\s*thi|quyet\s*dinh|ke\s*hoach|thong\s*bao|nghi\s*quyet)\s*(?:nay\s*)?(?:duoc\s*)?(ky(?:\s*ban\s*hanh)?|ban\s*hanh|ky,?\s*ban\s*hanh)(?:\s*(?:van\s*ban|cong\s*van|chi\s*thi|quyet\s*dinh|ke\s*hoach)\s*nay)?)|(?:(ky(?:\s*ban\s*hanh)?|ban\s*hanh)(?![a-z])(?:\s*(?:van\s*ban|cong\s*van|chi\s*thi|quyet\s*dinh|ke\s*hoach|thong\s*bao)\s*nay)?)|((?:[^\s.,;:()\n]+\s*){1,8}))/;

// ---------------------------------------------------------------------------
// The reading.

interface Reading {
  start: number;
  end: number;
  date: string | null;
  recurring: Omit<Recurrence, 'phrase'> | null;
  confidence: number;
  kind: DeadlineKind;
  note?: string;
  /** A date without its year, which a neighbouring "hằng năm" may make an annual rule. */
  dayMonth?: { day: number; month: number };
  /** A bare "hằng năm/quý/tháng", whose day a neighbouring phrase may give. */
  openEvery?: Recurrence['every'];
}

const DEFAULT_RULE: Record<Recurrence['every'], Omit<Recurrence, 'phrase'>> = {
  year: { every: 'year', day: 31, month: 12 },
  quarter: { every: 'quarter', day: 31, month: 3 },
  month: { every: 'month', day: 31 },
};

function readDate(
  expr: Extract<Expression, { type: 'date' }>,
  marker: Marker,
  issuedOn: string | null,
): Pick<Reading, 'date' | 'confidence' | 'note' | 'dayMonth'> {
  const { day, month } = expr;
  let confidence = DATE_CONFIDENCE[marker] - (expr.shortYear ? 0.1 : 0);
  if (month < 1 || month > 12 || day < 1 || day > 31) return { date: null, confidence: 0.2, note: 'no such date' };
  if (expr.year !== null) {
    const date = formatDate(expr.year, month, day);
    if (!plausibleYear(expr.year) || !isIsoDate(date)) return { date: null, confidence: 0.2, note: 'no such date' };
    return { date, confidence };
  }
  const dayMonth = { day, month };
  if (!issuedOn) return { date: null, confidence: 0.4, note: 'no year, and no issue date to take it from', dayMonth };
  let year = Number(issuedOn.slice(0, 4));
  if (formatDate(year, month, day) < issuedOn) year++;
  const date = formatDate(year, month, day);
  if (!isIsoDate(date)) return { date: null, confidence: 0.2, note: 'no such date', dayMonth };
  confidence = Math.min(confidence, 0.95) - 0.2;
  return { date, confidence, note: 'year taken from the issue date', dayMonth };
}

function readPeriod(
  expr: Extract<Expression, { type: 'period' }>,
  marker: Marker,
  issuedOn: string | null,
): Pick<Reading, 'date' | 'confidence' | 'note'> {
  const { unit, index } = expr;
  let confidence = PERIOD_CONFIDENCE[marker] - (unit === 'year' && (marker === 'bare' || marker === 'until') ? 0.1 : 0);
  if ((unit === 'month' && (index < 1 || index > 12)) || (unit === 'quarter' && !(index >= 1 && index <= 4)))
    return { date: null, confidence: 0.2, note: 'no such month or quarter' };
  let year = expr.year;
  let note: string | undefined;
  if (year === null) {
    if (!issuedOn) return { date: null, confidence: 0.4, note: 'no year, and no issue date to take it from' };
    year = Number(issuedOn.slice(0, 4));
    if (lastDayOf(unit, index, year) < issuedOn) year++;
    confidence -= 0.25;
    note = 'year taken from the issue date';
  }
  if (!plausibleYear(year)) return { date: null, confidence: 0.2, note: 'no such year' };
  const date = marker === 'before' ? addDays(firstDayOf(unit, index, year), -1) : lastDayOf(unit, index, year);
  if (marker === 'before') note = note ?? 'before the period: the day before it begins';
  return { date, confidence, note };
}

function readRelative(
  expr: Extract<Expression, { type: 'relative' }>,
  anchor: 'issued' | 'receipt' | 'other' | null,
  issuedOn: string | null,
): Pick<Reading, 'date' | 'confidence' | 'note'> {
  if (/^(?:truoc|sau)$/.test(expr.marker) && anchor !== 'issued')
    return { date: null, confidence: 0.4, note: 'a time before or after an event the text does not date' };
  if (anchor === 'receipt') return { date: null, confidence: 0.5, note: 'counted from the day the document is received' };
  if (anchor === 'other') return { date: null, confidence: 0.5, note: 'counted from an event the text does not date' };
  if (!issuedOn) return { date: null, confidence: 0.4, note: 'counted from the issue date, which is unknown' };
  const date =
    expr.unit === 'day'
      ? expr.working
        ? addWorkingDays(issuedOn, expr.n)
        : addDays(issuedOn, expr.n)
      : expr.unit === 'week'
        ? addDays(issuedOn, 7 * expr.n)
        : addMonths(issuedOn, expr.unit === 'month' ? expr.n : 12 * expr.n);
  const counted = expr.working ? 'working days (weekends and public holidays skipped)' : 'counted';
  if (anchor === 'issued') return { date, confidence: expr.working ? 0.8 : 0.85, note: `${counted} from the issue date` };
  return {
    date,
    confidence: expr.working ? 0.55 : expr.unit === 'year' ? 0.5 : 0.6,
    note: `${counted} from the issue date (the text names no starting day)`,
  };
}

function classifyAnchor(m: RegExpExecArray | null): 'issued' | 'receipt' | 'other' | null {
  if (!m) return null;
  if (m[1] || m[2]) return 'issued';
  if (/nhan\s*duoc/.test(m[3] ?? '')) return 'receipt';
  return 'other';
}

/** The words of the text a span of the folded text comes from, as written. */
const written = (text: string, folded: Folded, start: number, end: number) =>
  start < end ? text.slice(folded.from[start], folded.to[end - 1]) : '';

/** Words that make "hàng" a noun (ngân hàng, cửa hàng, mặt hàng, khách hàng, đơn hàng, xếp hàng), by their folded form. */
const NOUN_BEFORE_HANG: Record<string, string> = { ngan: 'ngân', cua: 'cửa', mat: 'mặt', khach: 'khách', don: 'đơn', xep: 'xếp' };

/**
 * Whether "hàng …" at `at` is the second word of a noun ("ngân hàng", "cửa hàng" …) rather than "hằng/hàng năm"
 * (every year): both words must be written as the noun's, their diacritics compared where the text has them.
 */
function nounBeforeHang(text: string, folded: Folded, at: number): boolean {
  const before = lookBehind(folded.f, at);
  const m = /(?<![a-z])(ngan|cua|mat|khach|don|xep)\s*$/.exec(before);
  if (!m || !folded.f.startsWith('hang', at)) return false;
  const start = at - (before.length - m.index);
  return (
    writtenAs(written(text, folded, start, start + m[1].length), NOUN_BEFORE_HANG[m[1]]) &&
    writtenAs(written(text, folded, at, at + 4), 'hàng')
  );
}

function read(c: Candidate, text: string, folded: Folded, issuedOn: string | null): Reading | null {
  const { f } = folded;
  const { expr } = c;
  const before = lookBehind(f, c.start);
  const after = lookAhead(f, c.end);
  switch (expr.type) {
    case 'date':
    case 'period': {
      const found = markerBefore(f, c.start);
      // "…, ngày 10 tháng 02 năm 2017" standing alone is the place and date of a document, not a deadline.
      const alone = standsAlone(f, c.start, c.end) && !(expr.type === 'date' && f.startsWith('ngay', c.start));
      const marker: Marker | null = found?.marker ?? (alone ? 'bare' : null);
      if (!marker) return null;
      const start = found?.start ?? c.start;
      if (!STRONG.has(marker)) {
        if (CITED_AFTER.test(after)) return null;
        if (SCOPE_BEFORE.test(lookBehind(f, start))) return null;
        if (expr.type === 'period' && SPAN_BEFORE.test(f.slice(Math.max(0, start - 60), start))) return null;
        if (NEGATION_BEFORE.test(f.slice(Math.max(0, start - 80), start))) return null;
      }
      if (RANGE_AFTER.test(after)) return null;
      const r = expr.type === 'date' ? readDate(expr, marker, issuedOn) : readPeriod(expr, marker, issuedOn);
      // A past period leading its sentence is the directive's account of the past ("Trong 9 tháng đầu năm 2016, …").
      const fronted = /(?:^|[.;:\n])\s*$/.test(lookBehind(f, start)) && /^\s*,/.test(after);
      if (expr.type === 'period' && fronted && issuedOn && r.date && r.date < issuedOn) return null;
      return { start, end: c.end, kind: expr.type, recurring: null, ...r };
    }
    case 'relative': {
      const m = ANCHOR.exec(after);
      const anchor = classifyAnchor(m);
      let end = m ? c.end + m[0].replace(/\s+$/, '').length : c.end;
      // An anchor in brackets ("trong vòng một năm (kể từ thời điểm …)") is kept with its closing bracket.
      const closing = m && m[0].includes('(') ? /^\s*\)/.exec(f.slice(end)) : null;
      if (closing) end += closing[0].length;
      return { start: c.start, end, kind: 'relative', recurring: null, ...readRelative(expr, anchor, issuedOn) };
    }
    case 'every': {
      if (/(?<![a-z])(?:binh\s*quan|tang|giam)\s*$/.test(before) || nounBeforeHang(text, folded, c.start)) return null;
      // "theo kế hoạch hằng năm": the plan the work follows is yearly, the work has no yearly deadline.
      if (/(?<![a-z])theo\s*(?:cac\s*)?(?:ke\s*hoach|chuong\s*trinh)\s*$/.test(before)) return null;
      if (expr.every === 'half' || expr.every === 'week' || expr.every === 'day') {
        const what = { half: 'every six months', week: 'every week', day: 'every day' }[expr.every];
        return {
          start: c.start,
          end: c.end,
          date: null,
          recurring: null,
          confidence: 0.4,
          kind: 'recurring',
          note: `${what}: no recurring rule for it`,
        };
      }
      const budget = /(?<![a-z])(?:ke\s*hoach|ngan\s*sach|du\s*toan|kinh\s*phi|chi\s*tieu|von)\s*$/.test(before);
      return {
        start: c.start,
        end: c.end,
        date: null,
        recurring: DEFAULT_RULE[expr.every],
        confidence: budget ? 0.4 : 0.6,
        kind: 'recurring',
        note: 'no day given: the last day of the period',
        openEvery: expr.every,
      };
    }
    case 'dayOf': {
      const found = markerBefore(f, c.start);
      const start = found?.start ?? c.start;
      const recurring =
        expr.every === 'month'
          ? { every: 'month' as const, day: expr.day }
          : { every: 'quarter' as const, day: expr.day, month: expr.month };
      if (expr.day < 1 || expr.day > 31)
        return { start, end: c.end, date: null, recurring: null, confidence: 0.2, kind: 'recurring', note: 'no such day' };
      if (expr.nextQuarter)
        return {
          start,
          end: c.end,
          date: null,
          recurring: DEFAULT_RULE.quarter,
          confidence: 0.4,
          kind: 'recurring',
          note: "due in the next quarter's month: no recurring rule for it; the quarter's last day stands in",
        };
      return { start, end: c.end, date: null, recurring, confidence: 0.9, kind: 'recurring' };
    }
    case 'continuous': {
      if (/(?<![a-z])(?:chi|von|nguon|kinh\s*phi)\s*$/.test(before)) return null;
      // "báo cáo thường xuyên, định kỳ, đột xuất": kinds of report, not ongoing work.
      if (/^\s*,?\s*(?:va\s*)?(?:dinh\s*ky|dot\s*xuat)(?![a-z])/.test(after)) return null;
      const labelled = markerBefore(f, c.start)?.marker === 'label' || standsAlone(f, c.start, c.end);
      return {
        start: c.start,
        end: c.end,
        date: null,
        recurring: { ...DEFAULT_RULE.year, continuous: true },
        confidence: expr.strong || labelled ? 0.9 : 0.7,
        kind: 'continuous',
        note: 'ongoing work: reported on once a year unless the text gives a period',
      };
    }
  }
}

// ---------------------------------------------------------------------------
// Clauses: a report duty and a recurring rule's day are read within one.

const BOUNDARY = /;|[.!?](?=\s+\S)|\n(?=\s*(?:[-+•*](?![-*])|\d+(?:\.\d+)*[.)/]|[a-zđ]\)))/g;

function clauseStarts(text: Folded): number[] {
  const starts = [0];
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(text.f); m; m = BOUNDARY.exec(text.f)) {
    if (m[0] === '.' || m[0] === '!' || m[0] === '?') {
      const next = /\S/.exec(text.f.slice(m.index + 1, m.index + 40));
      const at = next ? m.index + 1 + next.index : -1;
      if (at < 0 || !(text.upper[at] || /\d/.test(text.f[at]))) continue;
    }
    starts.push(m.index + 1);
  }
  return starts;
}

/** The start of the clause holding `at`: the last of `starts` (ascending, the first 0) not after it. */
function clauseOf(starts: number[], at: number): number {
  let [low, high] = [0, starts.length - 1];
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= at) low = mid;
    else high = mid - 1;
  }
  return starts[low];
}

const sameClause = (starts: number[], a: number, b: number) => clauseOf(starts, b) <= a;

function merge(readings: Reading[], starts: number[]): Reading[] {
  const out = [...readings];
  for (let i = 0; i < out.length; i++) {
    const open = out[i];
    if (!open.openEvery) continue;
    const fits = (r: Reading) =>
      r !== open &&
      ((open.openEvery === 'year' && r.dayMonth !== undefined) ||
        (r.kind === 'recurring' && r.recurring?.every === open.openEvery && !r.openEvery && !r.note));
    // Readings come in order of their start and none is longer than a reading's context: look only that far.
    let lo = i;
    while (lo > 0 && out[lo - 1].start >= open.start - 2 * CONTEXT - 60) lo--;
    let partner: Reading | undefined;
    for (let j = lo; j < out.length && out[j].start <= open.end + 60; j++) {
      const r = out[j];
      if (!fits(r)) continue;
      const [a, b] = r.start < open.start ? [r.end, open.start] : [open.end, r.start];
      if (b - a <= 60 && sameClause(starts, a, b)) {
        partner = r;
        break;
      }
    }
    if (!partner) continue;
    const recurring = partner.dayMonth
      ? { every: 'year' as const, day: partner.dayMonth.day, month: partner.dayMonth.month }
      : (partner.recurring as Omit<Recurrence, 'phrase'>);
    const merged: Reading = {
      start: Math.min(open.start, partner.start),
      end: Math.max(open.end, partner.end),
      date: null,
      recurring,
      confidence: 0.9,
      kind: 'recurring',
    };
    const at = out.indexOf(partner);
    out.splice(at, 1);
    if (at < i) i--;
    out[i] = merged;
  }
  return out;
}

const REPORT_BEFORE = /(?<![a-z])bao\s*cao(?![a-z])/;
const REPORT_AFTER = /^\s*[,:]?\s*(?:(?:tong\s*hop|gui)\s*,?\s*)?bao\s*cao(?![a-z])/;

function isReport(f: string, starts: number[], r: Reading): boolean {
  const clauseStart = clauseOf(starts, r.start);
  return REPORT_BEFORE.test(f.slice(clauseStart, r.end)) || REPORT_AFTER.test(lookAhead(f, r.end));
}

/** Verbs that put a measure in force for a time: a date after them bounds the measure, not the work. */
const MEASURE_VERBS = [
  'áp dụng',
  'có hiệu lực',
  'hiệu lực',
  'tạm dừng',
  'tạm hoãn',
  'tạm ngừng',
  'tạm đình chỉ',
  'miễn',
  'gia hạn',
  'kéo dài',
];
/** Verbs of work done by a date. */
const ACTION_VERBS = ['hoàn thành', 'xong', 'trình', 'báo cáo', 'ban hành'];
const VERBS = [...MEASURE_VERBS.map((v) => ({ v, measure: true })), ...ACTION_VERBS.map((v) => ({ v, measure: false }))].map(
  ({ v, measure }) => ({
    words: v.split(' '),
    folded: fold(v),
    measure,
  }),
);
const VERB_FOLDED = new RegExp(
  `(?<![a-z])(${[...new Set(VERBS.map((v) => v.folded))]
    .sort((a, b) => b.length - a.length)
    // "trình" the verb, not the second word of a noun (chương trình, quy trình, công trình …) nor "trình độ".
    .map((v) =>
      v === 'trinh' ? String.raw`(?<!(?:chuong|quy|tien|lo|cong|hanh|phuong|giao)\s*)trinh(?!\s*do(?![a-z]))` : v.replace(/ /g, '\\s+'),
    )
    .join('|')})(?![a-z])`,
  'g',
);

/**
 * Whether the nearest verb before a phrase in its clause (at most 120 characters back) puts a measure in force
 * ("miễn thị thực … đến hết năm …", "áp dụng đến hết ngày …") rather than asks for work ("hoàn thành", "trình",
 * "báo cáo" …). Words are compared with their diacritics where the text has them ("miền" is no "miễn").
 * A phrase with a deadline's own marker ("trước", "chậm nhất", "thời hạn") is never a measure's.
 */
function isMeasure(text: string, folded: Folded, clauseStart: number, start: number): boolean {
  const { f } = folded;
  if (/^(?:truoc|cham\s*nhat|thoi\s*han|han\s)/.test(f.slice(start, start + 12))) return false;
  const from = Math.max(clauseStart, start - 120);
  const found = [...f.slice(from, start).matchAll(VERB_FOLDED)];
  for (let k = found.length - 1; k >= 0; k--) {
    const m = found[k];
    const verb = VERBS.find((v) => v.folded === m[1].replace(/\s+/g, ' '));
    if (!verb) continue;
    const words = written(text, folded, from + m.index, from + m.index + m[0].length).split(/\s+/);
    if (words.length === verb.words.length && verb.words.every((w, x) => writtenAs(words[x], w))) return verb.measure;
  }
  return false;
}

/** Every deadline phrase in a task's text, in order. `issuedOn` dates phrases that leave out the year. */
export function deadlinePhrases(text: string, issuedOn: string | null): DeadlinePhrase[] {
  const folded = foldWithOffsets(text);
  const { f } = folded;
  const issued = issuedOn && isIsoDate(issuedOn) ? issuedOn : null;
  const readings = candidates(f)
    .map((c) => read(c, text, folded, issued))
    .filter((r): r is Reading => r !== null);
  const starts = clauseStarts(folded);
  return merge(readings, starts)
    .sort((a, b) => a.start - b.start)
    .map((r) => {
      let { start, end } = r;
      while (start < end && /\s/.test(f[start])) start++;
      while (end > start && /[\s,:]/.test(f[end - 1])) end--;
      const [from, to] = [folded.from[start], folded.to[end - 1]];
      const phrase = text.slice(from, to);
      let confidence = r.confidence;
      let note = r.note;
      if (issued && r.date && r.date < issued && r.kind !== 'relative') {
        confidence *= 0.5;
        note = 'before the issue date';
      }
      const recurring = r.recurring ? { ...r.recurring, phrase: phrase.normalize('NFC').replace(/\s+/g, ' ') } : null;
      const found: DeadlinePhrase = {
        start: from,
        end: to,
        text: phrase,
        date: r.date,
        recurring,
        report: isReport(f, starts, { ...r, start, end }),
        confidence: Math.round(confidence * 100) / 100,
        kind: r.kind,
      };
      if (r.date !== null && isMeasure(text, folded, clauseOf(starts, start), start)) found.measure = true;
      if (note) found.note = note;
      return found;
    });
}

/** The task's deadline read from its phrases: what a draft task carries. */
export interface TaskDeadline {
  /** The ISO date, or null when the task has none or only a recurring one. */
  date: string | null;
  recurring: Recurrence | null;
  /** The phrase the deadline was read from, as written; null when none. */
  text: string | null;
  confidence: number;
  /** The report duty's phrase ("trước ngày 15/12/2017" after "báo cáo UBND tỉnh"), when the task asks for one. */
  report: DeadlinePhrase | null;
}

/**
 * The task's own deadline among its phrases (those of at least `minConfidence`):
 * the latest date it sets for the work itself, else its recurring rule (with
 * thường xuyên, the period of a rule beside it), else its report duty's date or
 * rule when the report is all the task asks for by a date, else, less surely, the
 * date a measure it puts in force runs to ("miễn … đến hết năm …": how long the
 * measure applies, the task's deadline only when nothing else dates it). With none
 * of these, the first phrase's text alone, for the reviewer to read.
 */
export function taskDeadline(phrases: readonly DeadlinePhrase[], minConfidence = 0.5): TaskDeadline {
  const sure = phrases.filter((p) => p.confidence >= minConfidence);
  const own = sure.filter((p) => !p.report && !p.measure);
  const measures = sure.filter((p) => p.measure);
  const reports = sure.filter((p) => p.report && !p.measure);
  const report = reports.find((p) => p.date !== null || p.recurring !== null) ?? reports[0] ?? null;
  const latest = (list: DeadlinePhrase[]) =>
    list
      .filter((p) => p.date !== null)
      .reduce<DeadlinePhrase | null>((a, p) => (a === null || (p.date as string) > (a.date as string) ? p : a), null);
  const dated = latest(own);
  if (dated) return { date: dated.date, recurring: null, text: dated.text, confidence: dated.confidence, report };
  const rule = own.find((p) => p.recurring && !p.recurring.continuous) ?? reports.find((p) => p.recurring && !p.recurring.continuous);
  const continuous = own.find((p) => p.recurring?.continuous) ?? reports.find((p) => p.recurring?.continuous);
  if (continuous) {
    const recurring = rule?.recurring ? { ...rule.recurring, continuous: true, phrase: continuous.text } : continuous.recurring;
    return { date: null, recurring, text: continuous.text, confidence: continuous.confidence, report };
  }
  if (rule) return { date: null, recurring: rule.recurring, text: rule.text, confidence: rule.confidence, report };
  const reportDated = latest(reports);
  if (reportDated) return { date: reportDated.date, recurring: null, text: reportDated.text, confidence: reportDated.confidence, report };
  const measure = latest(measures);
  if (measure)
    return { date: measure.date, recurring: null, text: measure.text, confidence: Math.round(measure.confidence * 70) / 100, report };
  const unsure = phrases[0];
  return { date: null, recurring: null, text: unsure?.text ?? null, confidence: unsure?.confidence ?? 0, report };
}
