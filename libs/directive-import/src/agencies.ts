import { fold } from './vietnamese';

/** The registry as an import reads it: every agency and group valid on the directive's date, with the names it may be written by. */
export interface ImportRegistry {
  agencies: Array<{ id: string; name: string; aliases: string[]; kind: string }>;
  groups: Array<{ id: string; name: string; aliases?: string[] }>;
  /** The province's own name ("Thanh Hóa"), which may follow "tỉnh" after a provincial body; by default read from the agency of kind `province`. */
  province?: string;
}

/** An agency or group named in a text. */
export interface AgencyMention {
  /** Offsets in the text given, end exclusive. */
  start: number;
  end: number;
  /** As written. */
  text: string;
  agencyId: string | null;
  /** For a placed name, how sure the match is; for an unplaced one, how sure it is a body's name at all. */
  confidence: number;
  /** What agencyId names; null when the name was not placed. */
  kind: 'agency' | 'group' | null;
  /** `unknown`: reads as a body's name the registry does not hold; `ambiguous`: two registry entries fit about as well. */
  flag: 'unknown' | 'ambiguous' | null;
  /**
   * The body's whole name where the text writes it in part: a name under a shared head ("các Bộ: Tài chính, Xây dựng"
   * → "Bộ Tài chính", "Bộ Xây dựng"). Absent when `text` is the whole name.
   */
  name?: string;
}

/** One name cut out of a text, placed. */
export interface Resolution {
  agencyId: string | null;
  confidence: number;
  kind: 'agency' | 'group' | null;
  flag: 'unknown' | 'ambiguous' | null;
}

// ---------------------------------------------------------------------------
// Tokens

const enum Gap {
  Space = 0,
  /** A comma, full stop, hyphen, ampersand or slash: a name may run across it (OCR puts stray full stops inside names). */
  Soft = 1,
  /** A semicolon, colon, bracket, quote, a bullet at a line's start or a blank line: nothing runs across it. */
  Hard = 2,
}

interface Tok {
  start: number;
  end: number;
  /** Base letters and sorted marks: equal for "hoá" and "hóa", not for "hôi" and "hội". */
  key: string;
  fold: string;
  /** The first letter is a capital. */
  caps: boolean;
  /** Capitals only, two or more: may be read letter by letter as initials (UBND, LĐ). */
  abbr: boolean;
  /** Inside an all-capitals heading (three words or more). */
  heading: boolean;
  /** Part of a document's number and symbol (4308/UBND-VX, 01/CT-TTg): never a name. */
  symbol: boolean;
  /** What separates it from the token before. */
  gap: Gap;
  /** The separator before it holds a colon, or a comma. */
  colon: boolean;
  comma: boolean;
  /** The separator before it breaks the line. */
  newline: boolean;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const isUpper = (c: string) => c !== c.toLowerCase() && c === c.toUpperCase();

/** Words recur: a directive has a few hundred distinct syllables, so each is folded once. */
const formsCache = new Map<string, { key: string; fold: string }>();

function wordForms(raw: string): { key: string; fold: string } {
  let forms = formsCache.get(raw);
  if (!forms) {
    const d = raw.normalize('NFD').toLowerCase();
    forms = { key: `${d.replace(/\p{M}/gu, '')}|${[...d.replace(/[^\p{M}]/gu, '')].sort().join('')}`, fold: fold(raw) };
    if (formsCache.size > 50_000) formsCache.clear();
    formsCache.set(raw, forms);
  }
  return forms;
}

function gapOf(sep: string): Gap {
  if (sep === ' ') return Gap.Space;
  if (/[;:()[\]"“”!?]/.test(sep) || /\n[ \t]*[-+•*–]/.test(sep) || /\n[ \t]*\n/.test(sep)) return Gap.Hard;
  if (/[,.\-–—&/]/.test(sep)) return Gap.Soft;
  return Gap.Space;
}

function tokenize(text: string): Tok[] {
  const toks: Tok[] = [];
  let prevEnd = 0;
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    const start = m.index;
    const { key, fold } = wordForms(raw);
    const caps = isUpper(raw[0]);
    const sep = toks.length === 0 ? '' : text.slice(prevEnd, start);
    toks.push({
      start,
      end: start + raw.length,
      key,
      fold,
      caps,
      abbr: caps && raw.length >= 2 && fold.length <= 10 && raw === raw.toUpperCase() && /^\p{L}[\p{L}\p{M}]*$/u.test(raw),
      heading: false,
      symbol: false,
      gap: toks.length === 0 ? Gap.Hard : gapOf(sep),
      colon: sep.includes(':'),
      comma: sep.includes(','),
      newline: sep.includes('\n'),
    });
    prevEnd = start + raw.length;
  }
  // Chunks between white space: a slash, or digits beside capitals, make a document's symbol.
  let t = 0;
  for (const c of text.matchAll(/\S+/g)) {
    const end = c.index + c[0].length;
    const symbol = c[0].includes('/') || (/\d/.test(c[0]) && /\p{Lu}/u.test(c[0]));
    while (t < toks.length && toks[t].start < end) {
      if (symbol) toks[t].symbol = true;
      t++;
    }
  }
  for (let i = 0; i < toks.length;) {
    let j = i;
    while (j < toks.length && toks[j].abbr && (j === i || toks[j].gap !== Gap.Hard)) j++;
    if (j - i >= 3) for (let x = i; x < j; x++) toks[x].heading = true;
    i = Math.max(j, i + 1);
  }
  return toks;
}

// ---------------------------------------------------------------------------
// Names as token patterns, and their alignment to a text

interface NTok {
  key: string;
  fold: string;
  abbr: boolean;
}

const ntoks = (name: string): NTok[] => tokenize(name).map(({ key, fold, abbr }) => ({ key, fold, abbr }));
/** Words a pattern stands for, an abbreviation counting a word a letter. */
const wordCount = (p: NTok[]) => p.reduce((n, t) => n + (t.abbr ? t.fold.length : 1), 0);
const foldOf = (p: NTok[]) => p.map((t) => t.fold).join(' ');

interface Run {
  /** Token index after the last token read. */
  end: number;
  edits: number;
  diacritics: boolean;
  initials: boolean;
}

/** Whether two words are at most one insertion, deletion or substitution apart, in one pass. */
function withinOne(a: string, b: string): boolean {
  if (a.length < b.length) [a, b] = [b, a];
  if (a.length - b.length > 1) return false;
  let i = 0;
  while (i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.slice(i + 1) === b.slice(i);
}

function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (max === 1) return a === b ? 0 : withinOne(a, b) ? 1 : 2;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, cur[j]);
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** Edits between two words, or -1 when too far: OCR's letter slips allowed in words of three letters or more (one letter changed in three), never in the first. */
function wordEdits(n: NTok, t: Tok, fuzzy: boolean): number {
  if (n.fold === t.fold) return 0;
  const shorter = Math.min(n.fold.length, t.fold.length);
  if (!fuzzy || shorter < 3 || n.abbr || t.abbr) return -1;
  if (shorter === 3) return n.fold.length === 3 && t.fold.length === 3 && withinOne(n.fold, t.fold) ? 1 : -1;
  const max = shorter >= 8 ? 2 : 1;
  const d = editDistance(n.fold, t.fold, max);
  return d <= max ? d : -1;
}

const better = (a: Run | null, b: Run): boolean =>
  !a || b.edits < a.edits || (b.edits === a.edits && (b.end > a.end || (b.end === a.end && !b.diacritics && a.diacritics)));

/**
 * Aligns a pattern with the text from token `from`: word to word (past case,
 * diacritics and small edits), an abbreviation's letters to the initials of
 * words on the other side (UBND ~ Ủy ban nhân dân, LĐ-TB&XH ~ Lao động -
 * Thương binh và Xã hội, "và" skipped beside initials), two words written as
 * one or one as two. The whole pattern must be read, and the text up to a
 * token's end.
 */
function align(p: NTok[], toks: Tok[], from: number, maxEdits: number): Run | null {
  let best: Run | null = null;
  const go = (i: number, io: number, j: number, jo: number, edits: number, diacritics: boolean, initials: boolean) => {
    if (edits > maxEdits) return;
    if (i === p.length && io === 0 && jo === 0) {
      const run = { end: j, edits, diacritics, initials };
      if (better(best, run)) best = run;
      return;
    }
    if (i === p.length || j >= toks.length) return;
    const t = toks[j];
    if (jo === 0 && (t.symbol || (j > from && t.gap === Gap.Hard))) return;
    const n = p[i];
    const nextJ = (o: number): [number, number] => (o >= t.fold.length ? [j + 1, 0] : [j, o]);
    const nextI = (o: number): [number, number] => (o >= n.fold.length ? [i + 1, 0] : [i, o]);
    if (io === 0 && jo === 0) {
      const d = wordEdits(n, t, i > 0);
      if (d >= 0) go(i + 1, 0, j + 1, 0, edits + d, diacritics || (d === 0 && n.key !== t.key), initials);
      if (i + 1 < p.length && t.fold === n.fold + p[i + 1].fold) go(i + 2, 0, j + 1, 0, edits + 0.5, diacritics, initials);
      const u = toks[j + 1];
      if (u && !u.symbol && u.gap !== Gap.Hard && n.fold === t.fold + u.fold && i > 0)
        go(i + 1, 0, j + 2, 0, edits + 0.5, diacritics, initials);
      if (n.fold === 'va' && t.abbr && i > 0) go(i + 1, 0, j, 0, edits, diacritics, initials);
      if (t.fold === 'va' && n.abbr && j > from) go(i, 0, j + 1, 0, edits, diacritics, initials);
    }
    if (io === 0 && t.abbr && !n.abbr) {
      if (n.fold[0] === t.fold[jo]) go(i + 1, 0, ...nextJ(jo + 1), edits, diacritics, true);
      if (jo > 0 && n.fold === 'va') go(i + 1, 0, j, jo, edits, diacritics, initials);
    }
    if (n.abbr && n.fold.length >= 3 && jo === 0 && !t.abbr && (io === 0 || t.gap === Gap.Space)) {
      if (t.fold[0] === n.fold[io]) go(...nextI(io + 1), j + 1, 0, edits, diacritics, true);
      if (io > 0 && t.fold === 'va') go(i, io, j + 1, 0, edits, diacritics, initials);
    }
    if (n.abbr && t.abbr && n.fold[io] === t.fold[jo] && (io > 0 || jo > 0 || n.fold !== t.fold)) {
      const [ni, nio] = nextI(io + 1);
      const [nj, njo] = nextJ(jo + 1);
      go(ni, nio, nj, njo, edits, diacritics, true);
    }
  };
  go(0, 0, from, 0, 0, false, false);
  return best;
}

/** Edits a name of this many letters tolerates. */
const editBudget = (p: NTok[]) => Math.min(3, Math.floor(p.reduce((n, t) => n + t.fold.length, 0) / 10));

function confidenceOf(base: number, run: Run, p: NTok[]): number {
  let c = base;
  if (run.initials) c = Math.min(c, 0.95);
  if (run.diacritics) c *= 0.9;
  if (run.edits > 0) c *= 0.9 * (1 - (2 * run.edits) / p.reduce((n, t) => n + t.fold.length, 0));
  return Math.round(c * 100) / 100;
}

// ---------------------------------------------------------------------------
// Generic administrative language

const words = (s: string) => fold(s).split(' ');
const seqAt = (toks: Tok[], k: number, seq: string[], allowSoft = false): number => {
  for (let x = 0; x < seq.length; x++) {
    const t = toks[k + x];
    if (!t || t.symbol || t.fold !== seq[x] || (x > 0 && t.gap > (allowSoft ? Gap.Soft : Gap.Space))) return -1;
  }
  return k + seq.length;
};

/** A person's title before a body's name: the body is meant ("Chủ tịch UBND các huyện", "Giám đốc Sở Y tế"). */
const TITLES = [
  'Chủ tịch Hội đồng thành viên',
  'Chủ tịch Hội đồng quản trị',
  'Phó Chủ tịch',
  'Chủ tịch',
  'PCT',
  'Phó Giám đốc',
  'Tổng Giám đốc',
  'Giám đốc',
  'Thủ trưởng',
  'Người đứng đầu',
  'Lãnh đạo',
  'Bộ trưởng',
  'Cục trưởng',
  'Chi cục trưởng',
  'Chánh Văn phòng',
  'Chánh Thanh tra',
  'Trưởng ban',
  'Trưởng',
  'Bí thư',
  'Thường trực',
  'Ban Thường vụ',
].map(words);

const TITLES_BY_FIRST = new Map<string, string[][]>();
for (const t of TITLES) TITLES_BY_FIRST.set(t[0], [...(TITLES_BY_FIRST.get(t[0]) ?? []), t]);

/** Words that may follow a name without changing what it names. */
const TAILS = [
  'cấp tỉnh',
  'trên địa bàn tỉnh',
  'trên địa bàn',
  'thuộc tỉnh',
  'trực thuộc tỉnh',
  'trong tỉnh',
  'toàn tỉnh',
  'có liên quan',
  'liên quan',
  'các cấp',
].map(words);

/** Items a list of bodies may add without naming another group ("các sở, ban, ngành, đơn vị cấp tỉnh"). */
const EXTRA_ITEMS = ['ngành', 'đơn vị', 'cơ quan', 'thị trấn']
  .concat(['địa phương', 'cơ quan trung ương', 'trung ương', 'cơ quan địa phương'])
  .map(words)
  .sort((a, b) => b.length - a.length);
/** Extra items that widen a group past its members ("các bộ, ngành, địa phương"): the group is named less surely. */
const WIDENING_ITEMS = new Set(['dia phuong', 'co quan trung uong', 'trung uong', 'co quan dia phuong']);

/** Other ways administrative Vietnamese writes an item of a group's name, by the item folded. */
const ITEM_SYNONYMS: Record<string, string[]> = {
  'to chuc doan the': [
    'đoàn thể',
    'tổ chức đoàn thể chính trị - xã hội',
    'đoàn thể chính trị - xã hội',
    'tổ chức chính trị - xã hội',
    'hội, đoàn thể',
    'đoàn thể nhân dân',
  ],
  'ngan hang thuong mai': ['ngân hàng', 'tổ chức tín dụng', 'chi nhánh ngân hàng thương mại'],
  'cap uy dang': ['cấp ủy', 'cấp uỷ đảng', 'tổ chức đảng'],
  'thi xa': ['thị'],
  huyen: ['quận, huyện'],
};

/** A body's name starts with one of these (longest first); an unknown name is one of them followed by a capital or a level of administration. */
const BODY_HEADS = [
  'Ủy ban nhân dân',
  'Hội đồng nhân dân',
  'Bảo hiểm xã hội',
  'Viện Kiểm sát',
  'Bộ Chỉ huy',
  'Bộ Tư lệnh',
  'Tổng công ty',
  'Chi cục',
  'Tổng cục',
  'Cục',
  'Sở',
  'Bộ',
  'Ban',
  'Viện',
  'Hội',
  'Hiệp hội',
  'Hội đồng',
  'Ủy ban',
  'UBND',
  'HĐND',
  'Trung tâm',
  'Trường',
  'Bệnh viện',
  'Công an',
  'Kho bạc',
  'Ngân hàng',
  'Đài',
  'Báo',
  'Văn phòng',
  'Thanh tra',
  'Liên đoàn',
  'Liên minh',
  'Tòa án',
  'Tỉnh đoàn',
  'Huyện ủy',
  'Thành ủy',
  'Thị ủy',
  'Tỉnh ủy',
  'Đảng ủy',
  'Đoàn',
  'Công ty',
  'Tập đoàn',
  'Điện lực',
  'Cảng vụ',
  'Chi nhánh',
  'Phòng',
  'Vụ',
  'Kiểm toán',
  'Tổng Liên đoàn',
  'Trung ương',
  'Học viện',
  'Đại học',
  'Thông tấn xã',
]
  .map(words)
  .sort((a, b) => b.length - a.length);

const HEADS_BY_FIRST = new Map<string, string[][]>();
for (const h of BODY_HEADS) push(HEADS_BY_FIRST, h[0], h);
/** The body's head at token x (the longest), as its folded words; null when none. */
function headAt(toks: Tok[], x: number): string[] | null {
  const t = toks[x];
  if (!t) return null;
  for (const h of HEADS_BY_FIRST.get(t.fold) ?? []) if (seqAt(toks, x, h) > 0) return h;
  return null;
}
const TITLES_AT = (toks: Tok[], x: number) => (TITLES_BY_FIRST.get(toks[x]?.fold) ?? []).some((h) => seqAt(toks, x, h) > 0);

const LEVELS = ['tỉnh', 'huyện', 'thành phố', 'thị xã', 'xã', 'phường', 'thị trấn', 'quận'].map(words);

/**
 * Lowercase words that end a name: what follows is the sentence's verb or a preposition. Compared with their
 * diacritics where the text has them: "tại" ends a name, "tải" (Giao thông vận tải) does not, nor "giáo" (Tuyên giáo)
 * "giao"; a word written without any diacritic is taken by its letters.
 */
const STOP_LIST =
  'có các của trong theo về cho với để tại đã đang sẽ được là này đó nhằm cùng giúp làm gửi trình ngày tháng năm số hàng hằng trước sau khi nếu thì mà những mọi đến trên dưới tập khẩn yêu giao'.split(
    ' ',
  );
const STOP_KEYS = new Set(STOP_LIST.map((w) => wordForms(w).key));
const STOP_FOLDS = new Set(STOP_LIST.map(fold));
/** Whether a token is a stop word as written: its letters and marks, or its letters alone when it has no marks. */
const isStop = (t: Tok) => STOP_KEYS.has(t.key) || (t.key.endsWith('|') && !t.key.includes('đ') && STOP_FOLDS.has(t.fold));
const STOP_PAIRS = new Set(
  [
    'chủ trì',
    'phối hợp',
    'thực hiện',
    'tổ chức',
    'triển khai',
    'xây dựng',
    'hướng dẫn',
    'tham mưu',
    'kiểm tra',
    'theo dõi',
    'báo cáo',
    'đôn đốc',
    'tăng cường',
    'đẩy mạnh',
    'chỉ đạo',
    'rà soát',
    'nghiên cứu',
    'tiếp tục',
    'căn cứ',
    'phụ trách',
    'quản lý',
    'trách nhiệm',
    'đề xuất',
    'ban hành',
    'giám sát',
    'hỗ trợ',
    'bảo đảm',
    'đảm bảo',
    'tuyên truyền',
    'tổng hợp',
    'cập nhật',
    'xử lý',
    'tập trung',
    'khẩn trương',
    'chịu trách',
    'làm việc',
    'cơ quan',
  ].map(fold),
);

// ---------------------------------------------------------------------------
// Name shapes: the official names of bodies, as general knowledge of where a name the registry lacks ends

/** Ministries and ministry-level bodies of the Government, current (2025) and before. */
const MINISTRIES = [
  'Bộ Quốc phòng',
  'Bộ Công an',
  'Bộ Ngoại giao',
  'Bộ Nội vụ',
  'Bộ Tư pháp',
  'Bộ Kế hoạch và Đầu tư',
  'Bộ Tài chính',
  'Bộ Công Thương',
  'Bộ Nông nghiệp và Phát triển nông thôn',
  'Bộ Nông nghiệp và Môi trường',
  'Bộ Giao thông vận tải',
  'Bộ Xây dựng',
  'Bộ Tài nguyên và Môi trường',
  'Bộ Thông tin và Truyền thông',
  'Bộ Lao động - Thương binh và Xã hội',
  'Bộ Văn hóa, Thể thao và Du lịch',
  'Bộ Khoa học và Công nghệ',
  'Bộ Giáo dục và Đào tạo',
  'Bộ Y tế',
  'Bộ Dân tộc và Tôn giáo',
  'Bộ Thủy sản',
  'Bộ Công nghiệp',
  'Bộ Thương mại',
  'Bộ Bưu chính, Viễn thông',
  'Bộ Văn hóa - Thông tin',
  'Ủy ban Dân tộc',
  'Ngân hàng Nhà nước Việt Nam',
  'Thanh tra Chính phủ',
  'Văn phòng Chính phủ',
];

/** Other central bodies: the Government's agencies, the Party's, the State's and the national mass organisations. */
const CENTRAL_BODIES = [
  'Bảo hiểm xã hội Việt Nam',
  'Đài Truyền hình Việt Nam',
  'Đài Tiếng nói Việt Nam',
  'Thông tấn xã Việt Nam',
  'Viện Hàn lâm Khoa học và Công nghệ Việt Nam',
  'Viện Hàn lâm Khoa học xã hội Việt Nam',
  'Ủy ban Quản lý vốn nhà nước tại doanh nghiệp',
  'Học viện Chính trị quốc gia Hồ Chí Minh',
  'Đại học Quốc gia Hà Nội',
  'Đại học Quốc gia Thành phố Hồ Chí Minh',
  'Ngân hàng Chính sách xã hội',
  'Ngân hàng Phát triển Việt Nam',
  'Kiểm toán Nhà nước',
  'Tòa án nhân dân tối cao',
  'Viện Kiểm sát nhân dân tối cao',
  'Văn phòng Quốc hội',
  'Văn phòng Chủ tịch nước',
  'Ủy ban Thường vụ Quốc hội',
  'Văn phòng Trung ương Đảng',
  'Ban Tổ chức Trung ương',
  'Ban Tuyên giáo Trung ương',
  'Ban Dân vận Trung ương',
  'Ban Tuyên giáo và Dân vận Trung ương',
  'Ban Kinh tế Trung ương',
  'Ban Nội chính Trung ương',
  'Ban Đối ngoại Trung ương',
  'Ban Chính sách, chiến lược Trung ương',
  'Ủy ban Kiểm tra Trung ương',
  'Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam',
  'Tổng Liên đoàn Lao động Việt Nam',
  'Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh',
  'Trung ương Đoàn',
  'Trung ương Hội Liên hiệp Phụ nữ Việt Nam',
  'Hội Liên hiệp Phụ nữ Việt Nam',
  'Hội Nông dân Việt Nam',
  'Hội Cựu chiến binh Việt Nam',
  'Phòng Thương mại và Công nghiệp Việt Nam',
  'Liên minh Hợp tác xã Việt Nam',
];

/** The standard departments and bodies of a province and a district (before and after 2025), without their place. */
const LOCAL_BODIES = [
  'Sở Nội vụ',
  'Sở Tư pháp',
  'Sở Kế hoạch và Đầu tư',
  'Sở Tài chính',
  'Sở Công Thương',
  'Sở Nông nghiệp và Phát triển nông thôn',
  'Sở Nông nghiệp và Môi trường',
  'Sở Giao thông vận tải',
  'Sở Xây dựng',
  'Sở Tài nguyên và Môi trường',
  'Sở Thông tin và Truyền thông',
  'Sở Lao động - Thương binh và Xã hội',
  'Sở Văn hóa, Thể thao và Du lịch',
  'Sở Văn hóa và Thể thao',
  'Sở Văn hóa, Thể thao',
  'Sở Du lịch',
  'Sở Khoa học và Công nghệ',
  'Sở Giáo dục và Đào tạo',
  'Sở Y tế',
  'Sở Ngoại vụ',
  'Sở Dân tộc và Tôn giáo',
  'Sở Quy hoạch - Kiến trúc',
  'Thanh tra tỉnh',
  'Văn phòng Ủy ban nhân dân',
  'Văn phòng Hội đồng nhân dân',
  'Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân',
  'Ban Dân tộc',
  'Ban Quản lý các khu công nghiệp',
  'Ban Quản lý Khu kinh tế',
  'Trung tâm Phục vụ hành chính công',
  'Trung tâm Y tế',
  'Trung tâm Kiểm soát bệnh tật',
  'Trung tâm Văn hóa, Thông tin và Thể thao',
  'Bộ Chỉ huy Quân sự',
  'Bộ Chỉ huy Bộ đội Biên phòng',
  'Kho bạc Nhà nước',
  'Cục Thuế',
  'Cục Hải quan',
  'Cục Thống kê',
  'Cục Quản lý thị trường',
  'Bảo hiểm xã hội',
  'Đài Phát thanh và Truyền hình',
  'Đài Phát thanh - Truyền hình',
  'Liên minh Hợp tác xã',
  'Ủy ban Mặt trận Tổ quốc Việt Nam',
  'Hội Liên hiệp Phụ nữ',
  'Hội Nông dân',
  'Hội Cựu chiến binh',
  'Liên đoàn Lao động',
  'Đoàn Thanh niên Cộng sản Hồ Chí Minh',
  'Ban Tuyên giáo',
  'Ban Dân vận',
  'Ban Tổ chức',
  'Ban Nội chính',
  'Ủy ban Kiểm tra',
  'Phòng Nội vụ',
  'Phòng Tư pháp',
  'Phòng Tài chính - Kế hoạch',
  'Phòng Tài nguyên và Môi trường',
  'Phòng Lao động - Thương binh và Xã hội',
  'Phòng Văn hóa và Thông tin',
  'Phòng Văn hóa, Khoa học và Thông tin',
  'Phòng Giáo dục và Đào tạo',
  'Phòng Y tế',
  'Phòng Kinh tế và Hạ tầng',
  'Phòng Kinh tế',
  'Phòng Kinh tế, Hạ tầng và Đô thị',
  'Phòng Quản lý đô thị',
  'Phòng Nông nghiệp và Phát triển nông thôn',
  'Phòng Dân tộc',
  'Phòng Văn hóa - Xã hội',
];

/** Generic names of groups of bodies the registry may lack, in lower case. */
const GENERIC_GROUP_SHAPES = [
  'các tập đoàn kinh tế, tổng công ty nhà nước',
  'các tập đoàn, tổng công ty nhà nước',
  'các tập đoàn kinh tế nhà nước',
  'các tập đoàn kinh tế',
  'các tổng công ty nhà nước',
  'các doanh nghiệp nhà nước',
  'các tổ chức tín dụng',
];

interface Shape {
  toks: NTok[];
  maxEdits: number;
  /** How many tokens the body's head takes ("Bộ" 1, "Trung tâm" 2). */
  head: number;
  /** A lower-case generic group's name: needs no capital. */
  generic: boolean;
  /** A province's or district's body: its place may follow ("Sở Y tế tỉnh Hà Giang", "Đài Phát thanh - Truyền hình Hậu Giang"). */
  local: boolean;
}

/** The head a name starts with, in tokens: the longest of BODY_HEADS, else its first word. */
function headLength(toks: NTok[]): number {
  for (const h of BODY_HEADS) if (h.length < toks.length && h.every((w, i) => toks[i].fold === w)) return h.length;
  return 1;
}

const SHAPES_BY_FIRST = new Map<string, Shape[]>();
/** Shapes by their head's folded words ("bo", "trung tam"): the names a shared head may stand before. */
const SHAPES_BY_HEAD = new Map<string, Shape[]>();
const LOCAL_SHAPES = new Set(LOCAL_BODIES);
for (const name of [...MINISTRIES, ...CENTRAL_BODIES, ...LOCAL_BODIES, ...GENERIC_GROUP_SHAPES]) {
  // "Trung ương" is written TW or TƯ too.
  const writings = /Trung ương/.test(name) ? [name, name.replace('Trung ương', 'TW'), name.replace('Trung ương', 'TƯ')] : [name];
  for (const w of writings) {
    const toks = ntoks(w);
    const generic = !isUpper(w[0]);
    const shape = { toks, maxEdits: editBudget(toks), head: generic ? 0 : headLength(toks), generic, local: LOCAL_SHAPES.has(name) };
    push(SHAPES_BY_FIRST, toks[0].fold, shape);
    if (!generic) push(SHAPES_BY_HEAD, foldOf(toks.slice(0, shape.head)), shape);
  }
}

// ---------------------------------------------------------------------------
// The matcher

interface Pattern {
  id: string;
  toks: NTok[];
  base: number;
  maxEdits: number;
}

interface GroupRecognizer {
  id: string;
  /** The body the group's members are ("UBND" of "UBND các huyện, thị xã, thành phố"). */
  body: NTok[] | null;
  /** Each item of the name's list, with its other writings: [0] as the name writes it. */
  items: Array<Array<{ toks: NTok[]; maxEdits: number }>>;
  /** The first words of the items' writings. */
  starts: Set<string>;
  name: string;
}

interface Found {
  /** Token the mention starts at: for a registry name after a person's title, left out (the title is kept). */
  from?: number;
  end: number;
  agencyId: string | null;
  kind: 'agency' | 'group' | null;
  confidence: number;
  flag: AgencyMention['flag'];
  /** Names under one shared head ("các Bộ: Tài chính, Xây dựng"), each its own mention. */
  parts?: Part[];
}

/** A name under a shared head: its mention from `from`, its own words from `nameFrom`, the head at head[0]..head[1]. */
interface Part extends Found {
  from: number;
  nameFrom: number;
  head: [number, number];
  /** Read as a proper name, of no registry name or known shape. */
  loose?: boolean;
}

/** Places agency names in a registry, tolerant of OCR errors in diacritics and spacing. */
export class AgencyMatcher {
  private readonly byWord = new Map<string, Pattern[]>();
  /** Patterns whose first word starts with a letter: for a text starting with an abbreviation. */
  private readonly byLetter = new Map<string, Pattern[]>();
  /** Patterns that start with an abbreviation, by its first two letters: for a text written in full. */
  private readonly abbrByLetter = new Map<string, Pattern[]>();
  private readonly patterns: Pattern[] = [];
  private readonly groups: GroupRecognizer[];
  private readonly groupStarts = new Set<string>(['cac']);
  /** First two initials of group bodies written as abbreviations ("UBND" → "ub"): for a text that writes the body in full. */
  private readonly bodyInitials = new Set<string>();
  private readonly province: string[] | null;
  private readonly kinds = new Map<string, 'agency' | 'group'>();

  constructor(registry: ImportRegistry) {
    const provinceName = registry.province ?? provinceOf(registry);
    this.province = provinceName ? words(provinceName) : null;
    for (const a of registry.agencies) {
      this.kinds.set(a.id, 'agency');
      this.addName(a.id, a.name, 1);
      for (const alias of a.aliases) this.addName(a.id, alias, 0.95);
    }
    this.groups = registry.groups.map((g) => this.recognizer(g.id, g.name));
    for (const g of registry.groups) {
      this.kinds.set(g.id, 'group');
      for (const alias of g.aliases ?? []) this.groups.push(this.recognizer(g.id, alias));
    }
    for (const g of this.groups) {
      for (const alts of g.items) for (const alt of alts) this.groupStarts.add(alt.toks[0].fold);
      if (g.body) this.groupStarts.add(g.body[0].fold);
      if (g.body?.[0].abbr) this.bodyInitials.add(g.body[0].fold.slice(0, 2));
    }
  }

  /** Every agency or group named in a running text, in order, longest names first where they overlap. */
  mentions(text: string): AgencyMention[] {
    const toks = tokenize(text);
    const out: AgencyMention[] = [];
    const span = (from: number, to: number) => text.slice(toks[from].start, toks[to - 1].end);
    for (let k = 0; k < toks.length;) {
      const found = this.foundAt(toks, k);
      if (!found) {
        k++;
        continue;
      }
      for (const part of found.parts ?? [found]) {
        const start = toks[part.from ?? k].start;
        const end = toks[part.end - 1].end;
        const mention: AgencyMention = {
          start,
          end,
          text: text.slice(start, end),
          agencyId: part.agencyId,
          confidence: part.confidence,
          kind: part.kind,
          flag: part.flag,
        };
        const { nameFrom, head } = part as Partial<Part>;
        if (nameFrom !== undefined && head) mention.name = `${span(head[0], head[1])} ${span(nameFrom, part.end)}`;
        out.push(mention);
      }
      k = found.end;
    }
    return out;
  }

  /**
   * One name already cut out of a text ("Sở LĐ-TB&XH", "các sở, ban, ngành
   * cấp tỉnh"), placed: the mention covering it, else the registry name
   * nearest it letter by letter; null when none is near enough.
   */
  resolve(name: string): Resolution {
    const letters = (s: string) => fold(s).replace(/[^\p{L}\p{N}]/gu, '').length;
    const total = letters(name);
    if (total === 0) return { agencyId: null, confidence: 0, kind: null, flag: null };
    const found = this.mentions(name).filter((m) => m.agencyId !== null || m.flag === 'ambiguous');
    const best = found.sort((a, b) => letters(b.text) - letters(a.text))[0];
    if (best && letters(best.text) >= 0.75 * total) {
      const c = letters(best.text) === total ? best.confidence : best.confidence * 0.95;
      return { agencyId: best.agencyId, confidence: Math.round(c * 100) / 100, kind: best.kind, flag: best.flag };
    }
    return this.nearest(name);
  }

  /** The registry's name nearest a whole name, letter by letter, with the same first word. */
  private nearest(name: string): Resolution {
    const target = fold(name)
      .replace(/[^\p{L}\p{N} ]/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    const first = target.split(' ')[0];
    const scored = new Map<string, number>();
    for (const p of this.byWord.get(first) ?? []) {
      const text = foldOf(p.toks);
      const max = Math.max(text.length, target.length);
      const d = editDistance(text, target, Math.ceil(max * 0.2));
      const sim = (1 - d / max) * p.base;
      if (sim > (scored.get(p.id) ?? 0)) scored.set(p.id, sim);
    }
    const ranked = [...scored].sort((a, b) => b[1] - a[1]);
    if (!ranked.length || ranked[0][1] < 0.85) return { agencyId: null, confidence: 0, kind: null, flag: 'unknown' };
    const [id, sim] = ranked[0];
    const close = ranked.length > 1 && ranked[0][1] - ranked[1][1] < 0.03;
    const confidence = Math.round(0.8 * sim * (close ? 0.7 : 1) * 100) / 100;
    return { agencyId: id, confidence, kind: this.kinds.get(id) ?? 'agency', flag: close ? 'ambiguous' : null };
  }

  private addName(id: string, name: string, base: number, branches = true): void {
    const toks = ntoks(name);
    if (!toks.length) return;
    // "X chi nhánh tỉnh Y", "X - Chi nhánh Y": a branch is written "Chi nhánh X tỉnh Y" and "X tỉnh Y" too.
    const branch = branches ? /\s*[-–]?\s*(?<![\p{L}\p{M}])chi nhánh\s+/iu.exec(name.normalize('NFC')) : null;
    if (branch && branch.index > 0) {
      const own = name.normalize('NFC');
      const bare = `${own.slice(0, branch.index)} ${own.slice(branch.index + branch[0].length)}`.trim();
      this.addName(id, bare, Math.min(base, 0.95), false);
      this.addName(id, `Chi nhánh ${bare}`, Math.min(base, 0.95), false);
    }
    this.addPattern({ id, toks, base, maxEdits: editBudget(toks) });
    // "Việt Nam" inside a name is often left out ("Ủy ban MTTQ tỉnh").
    const vn = toks.findIndex((t, i) => i > 0 && t.fold === 'viet' && toks[i + 1]?.fold === 'nam');
    if (vn > 0) this.addName(id, tokensText(name, vn, vn + 2), Math.min(base, 0.93), branches);
    // "… tỉnh Thanh Hóa" may be written "… tỉnh", and a provincial body's "tỉnh" left out ("Hội Nông dân").
    let core = toks;
    const p = this.province;
    if (p && endsWith(toks, p) && (toks.at(-p.length - 1)?.fold === 'tinh' || toks[0].fold === 'tinh') && toks.length - p.length >= 2) {
      core = toks.slice(0, -p.length);
      this.addPattern({ id, toks: core, base: Math.min(base, 0.95), maxEdits: editBudget(core) });
    }
    if (
      core.at(-1)?.fold === 'tinh' &&
      core.length >= 3 &&
      wordCount(core.slice(0, -1)) >= 3 &&
      !GENERIC_BODIES.has(foldOf(core.slice(0, -1)))
    ) {
      const bare = core.slice(0, -1);
      this.addPattern({ id, toks: bare, base: Math.min(base, 0.93), maxEdits: editBudget(bare) });
    }
  }

  private addPattern(p: Pattern): void {
    if (p.toks.length === 1 && p.toks[0].fold.length < 2) return;
    this.patterns.push(p);
    const first = p.toks[0];
    push(this.byWord, first.fold, p);
    if (first.abbr) push(this.abbrByLetter, first.fold.slice(0, 2), p);
    else push(this.byLetter, first.fold[0], p);
  }

  private recognizer(id: string, name: string): GroupRecognizer {
    let rest = name.trim();
    let body: NTok[] | null = null;
    const inner = rest.search(/\s[cC]ác\s/u);
    if (inner > 0) {
      body = ntoks(rest.slice(0, inner));
      rest = rest.slice(inner);
    }
    rest = rest.replace(/^\s*[cC]ác\s+/u, '');
    const parts = rest.split(',').map((s) => s.trim());
    const last = fold(parts[parts.length - 1]);
    for (const tail of [...TAILS].sort((a, b) => b.length - a.length)) {
      const t = tail.join(' ');
      if (last.endsWith(' ' + t)) {
        parts[parts.length - 1] = parts[parts.length - 1].split(/\s+/).slice(0, -tail.length).join(' ');
        break;
      }
    }
    const items = parts
      .filter((s) => s.length)
      .map((item) => {
        const alts = [item];
        const theo = item.search(/\stheo\s/u);
        if (theo > 0) alts.push(item.slice(0, theo));
        alts.push(...(ITEM_SYNONYMS[fold(item)] ?? []));
        return alts.map((alt) => {
          const toks = ntoks(alt);
          return { toks, maxEdits: editBudget(toks) };
        });
      });
    return { id, body, items, name, starts: new Set(items.flatMap((alts) => alts.map((a) => a.toks[0].fold))) };
  }

  /**
   * A name at k, perhaps after a person's title: a registry name keeps the title in its mention, a name the
   * registry lacks starts after it.
   */
  private foundAt(toks: Tok[], k: number): Found | null {
    let h = k;
    for (let n = 0; n < 3; n++) {
      let x = h;
      if (n > 0 && toks[x]?.gap === Gap.Hard) break;
      if (toks[x]?.fold === 'cac' && n > 0) x++;
      const after = (TITLES_BY_FIRST.get(toks[x]?.fold) ?? []).map((t) => seqAt(toks, x, t)).find((e) => e > 0);
      if (!after) break;
      h = after;
    }
    if (h > k && toks[h] && toks[h].gap !== Gap.Hard) {
      const found = this.bestAt(toks, h);
      if (found) return found.from === undefined ? { ...found, from: k } : found;
    }
    return this.bestAt(toks, k);
  }

  /**
   * The longest name at k: the registry's, else a name the registry lacks (names under a shared head, an official
   * name's shape, a body's head then a proper name). Of equally long, the registry's.
   */
  private bestAt(toks: Tok[], k: number): Found | null {
    const registry = this.at(toks, k);
    const shape = this.shapeAt(toks, k);
    // A proper name read word by word never outruns a registry name or a known shape: what follows may be the sentence.
    const free = this.unknownAt(toks, k, !registry && !shape);
    const ranked = [registry, free?.agencyId ? free : null, this.sharedAt(toks, k), shape, free];
    let best: Found | null = null;
    for (const c of ranked) if (c && (!best || c.end > best.end)) best = c;
    return best;
  }

  /** An official name's shape at k (a ministry, a central body, a standard department), with its place after it. */
  private shapeAt(toks: Tok[], k: number): Found | null {
    const t = toks[k];
    const list = SHAPES_BY_FIRST.get(t.fold);
    if (!list || t.symbol) return null;
    let best: { end: number; shape: Shape } | null = null;
    for (const s of list) {
      if (!s.generic && !t.caps) continue;
      const run = align(s.toks, toks, k, s.maxEdits);
      if (run && (!best || run.end > best.end)) best = { end: run.end, shape: s };
    }
    if (!best) return null;
    const { end, shape } = best;
    // "Cục Thuế các tỉnh, thành phố": the body in each of the places listed.
    const each = !shape.generic && toks[end]?.fold === 'cac' && toks[end].gap === Gap.Space ? this.levelListAt(toks, end + 1) : -1;
    const tail = each > 0 ? each : shape.generic ? this.groupTails(toks, end) : this.placeTail(toks, end, shape.local);
    return { from: k, end: tail, agencyId: null, kind: null, confidence: 0.6, flag: 'unknown' };
  }

  /** "(chi nhánh) tỉnh Hà Giang", "huyện Châu Thành" after a body's name: where its place ends. */
  private placeTail(toks: Tok[], end: number, local = false): number {
    const next = (i: number) => !!toks[i] && toks[i].gap === Gap.Space && !toks[i].symbol;
    let x = end;
    if (next(x) && seqAt(toks, x, ['chi', 'nhanh']) > 0) x += 2;
    const level = next(x) ? LEVELS.map((l) => seqAt(toks, x, l)).find((e) => e > 0) : undefined;
    if (level) x = level;
    // A place's proper name: after a level or "chi nhánh", or right after a local body's name.
    if (x === end && !local) return end;
    let y = x;
    while (y - x < 4 && next(y) && !toks[y].newline && toks[y].caps && !toks[y].heading && !headAt(toks, y) && !TITLES_AT(toks, y)) y++;
    return level || y > x ? y : end;
  }

  /**
   * Names under one head ("các Bộ: Nông nghiệp và PTNT, Xây dựng, Tài chính", "các Sở Tài chính, Xây dựng"): one
   * part each, placed when the registry holds the head and the name together. Without a colon, two names at least.
   */
  private sharedAt(toks: Tok[], k: number): Found | null {
    let x = k;
    const cac = toks[x].fold === 'cac';
    if (cac) x++;
    const h = toks[x];
    if (!h || h.symbol || (cac && h.gap !== Gap.Space)) return null;
    const head = headAt(toks, x);
    if (!head) return null;
    let j = x + head.length;
    const next = toks[j];
    if (!next || next.symbol) return null;
    const colon = next.colon && next.gap === Gap.Hard;
    if (!colon && !(cac && next.gap === Gap.Space)) return null;
    const parts: Part[] = [];
    for (;;) {
      const t = toks[j];
      if (!t || t.symbol || !(t.caps || t.abbr)) break;
      const part = this.sharedName(toks, j, head, [x, x + head.length]);
      // A later name of no known shape that starts with a body's head is a body of its own ("…, Sở Y tế").
      if (!part || (parts.length && part.loose && headAt(toks, j))) break;
      parts.push(part);
      j = part.end;
      const u = toks[j];
      if (u && u.comma && u.gap === Gap.Soft && (u.caps || u.abbr)) continue;
      const v = toks[j + 1];
      if (u && u.fold === 'va' && u.gap <= Gap.Soft && v && v.gap === Gap.Space && (v.caps || v.abbr)) {
        j++;
        continue;
      }
      break;
    }
    if (parts.length < (colon ? 1 : 2)) return null;
    parts[0].from = x;
    const last = parts[parts.length - 1];
    return { ...last, from: x, parts };
  }

  /** One name under a shared head, from token j: the registry's, else an official shape's, else a proper name. */
  private sharedName(toks: Tok[], j: number, head: string[], at: [number, number]): Part | null {
    let best: Part | null = null;
    const consider = (c: Part) => {
      if (!best || c.end > best.end || (c.end === best.end && c.agencyId !== null && c.confidence > best.confidence)) best = c;
    };
    for (const p of this.byWord.get(head[0]) ?? []) {
      if (p.toks.length <= head.length || !head.every((w, i) => p.toks[i].fold === w)) continue;
      const rest = p.toks.slice(head.length);
      const run = align(rest, toks, j, editBudget(rest));
      if (!run) continue;
      const end = this.agencyTail(toks, run.end, rest);
      const confidence = Math.round(confidenceOf(p.base, run, rest) * 95) / 100;
      const elsewhere = this.elsewhere(toks, end, rest);
      if (elsewhere > 0)
        consider({ from: j, nameFrom: j, head: at, end: elsewhere, agencyId: null, kind: null, confidence: 0.6, flag: 'unknown' });
      else consider({ from: j, nameFrom: j, head: at, end, agencyId: p.id, kind: 'agency', confidence, flag: null });
    }
    const unknown = (end: number): Part => ({
      from: j,
      nameFrom: j,
      head: at,
      end,
      agencyId: null,
      kind: null,
      confidence: 0.6,
      flag: 'unknown',
    });
    for (const s of SHAPES_BY_HEAD.get(head.join(' ')) ?? []) {
      const rest = s.toks.slice(s.head);
      const run = align(rest, toks, j, editBudget(rest));
      if (run && (!best || run.end > (best as Part).end)) consider(unknown(this.placeTail(toks, run.end, s.local)));
    }
    if (!best) {
      const end = this.nameEnd(toks, j, j);
      if (end > j) consider({ ...unknown(end), loose: true });
    }
    return best;
  }

  /** The longest registry name (agency or group) starting at token k. */
  private at(toks: Tok[], k: number): Found | null {
    const t = toks[k];
    if (t.symbol) return null;
    const u = toks[k + 1];
    const initials = t.abbr ? t.fold.slice(0, 2) : u && u.gap === Gap.Space && !u.abbr ? t.fold[0] + u.fold[0] : '';
    const lists = [this.byWord.get(t.fold), this.abbrByLetter.get(initials), t.abbr ? this.byLetter.get(t.fold[0]) : undefined];
    const groups = this.groupStarts.has(t.fold) || t.abbr || this.bodyInitials.has(initials);
    if (!groups && lists.every((l) => !l)) return null;
    const candidates: Found[] = [];
    const seen = new Set<Pattern>();
    for (const list of lists)
      for (const p of list ?? []) {
        if (seen.has(p)) continue;
        seen.add(p);
        const run = align(p.toks, toks, k, p.maxEdits);
        if (!run) continue;
        const end = this.agencyTail(toks, run.end, p.toks);
        const elsewhere = this.elsewhere(toks, end, p.toks);
        if (elsewhere > 0) candidates.push({ end: elsewhere, agencyId: null, kind: null, confidence: 0.6, flag: 'unknown' });
        else candidates.push({ end, agencyId: p.id, kind: 'agency', confidence: confidenceOf(p.base, run, p.toks), flag: null });
      }
    if (groups)
      for (const g of this.groups) {
        const found = this.groupAt(g, toks, k);
        if (found) candidates.push(found);
      }
    return pick(candidates);
  }

  /** "tỉnh", "tỉnh Thanh Hóa" or "Thanh Hóa" after an agency's name. */
  private agencyTail(toks: Tok[], end: number, name: NTok[]): number {
    const p = this.province;
    if (name.at(-1)?.fold !== 'tinh') {
      const e = seqAt(toks, end, ['tinh']);
      if (e > 0) end = e;
    }
    // "tỉnh Thanh Hóa", or the province's name alone ("Sở Tài chính Thanh Hóa").
    if (p) {
      const e = this.provinceAt(toks, end);
      if (e > 0) end = e;
    }
    return end;
  }

  /**
   * Where a province's body ("UBND tỉnh", "Sở Y tế tỉnh", "Tỉnh ủy") is
   * followed by another province's name ("UBND tỉnh Bến Tre" read with Thanh
   * Hóa's registry): the end of that name, so the mention is kept as written
   * and not placed at this province's body; -1 when it is not.
   */
  private elsewhere(toks: Tok[], end: number, name: NTok[]): number {
    if (toks[end - 1]?.fold !== 'tinh' && name[0]?.fold !== 'tinh') return -1;
    let k = end;
    while (k < end + 3 && toks[k] && toks[k].gap === Gap.Space && toks[k].caps && !toks[k].abbr && !toks[k].heading && !toks[k].symbol) k++;
    return k > end ? k : -1;
  }

  private provinceAt(toks: Tok[], k: number): number {
    const p = this.province;
    if (!p || !toks[k] || toks[k].gap !== Gap.Space) return -1;
    return (
      align(
        p.map((fold) => ({ fold, key: fold, abbr: false })),
        toks,
        k,
        0,
      )?.end ?? -1
    );
  }

  private groupAt(g: GroupRecognizer, toks: Tok[], k: number): Found | null {
    let j = k;
    let hasBody = false;
    if (g.body) {
      const run = align(g.body, toks, j, 0);
      if (run) {
        j = run.end;
        hasBody = true;
      }
    }
    if (!hasBody && toks[k].fold !== 'cac' && !g.starts.has(toks[k].fold)) return null;
    const cont = (x: number, soft = true) => toks[x] && !toks[x].symbol && (x === k || toks[x].gap <= (soft ? Gap.Soft : Gap.Space));
    let hasCac = false;
    if (cont(j, false) && toks[j].fold === 'cac') {
      j++;
      hasCac = true;
    } else if (hasBody && cont(j, false) && toks[j].fold === 'cap') {
      const first = this.itemAt(g.items[0], toks, j + 1);
      if (first && toks[j + 1].gap === Gap.Space) return this.groupFound(g, this.groupTails(toks, first.end), 0.9);
    }
    const used = new Set<number>();
    let synonyms = false;
    let extras = 0;
    let widened = false;
    let inOrder = true;
    for (;;) {
      let x = j;
      if (used.size && cont(x) && toks[x].fold === 'va') x++;
      if (!cont(x)) break;
      const title = used.size ? (TITLES_BY_FIRST.get(toks[x].fold) ?? []).map((t) => seqAt(toks, x, t)).find((e) => e > 0) : undefined;
      if (title && toks[title]?.gap === Gap.Space) x = title;
      let hit: { index: number; end: number; alt: number } | null = null;
      g.items.forEach((alts, index) => {
        if (used.has(index)) return;
        const found = this.itemAt(alts, toks, x);
        if (found && (!hit || found.end > hit.end)) hit = { index, ...found };
      });
      const h = hit as { index: number; end: number; alt: number } | null;
      if (h) {
        if (used.size && h.index !== Math.max(...used) + 1) inOrder = false;
        if (!used.size && h.index !== 0) inOrder = false;
        used.add(h.index);
        if (h.alt > 0) synonyms = true;
        j = h.end;
        continue;
      }
      // After "các", a list may open with an item of no group ("các cơ quan, ban, ngành …").
      const found = used.size || (hasCac && !hasBody) ? EXTRA_ITEMS.find((e) => seqAt(toks, x, e) > 0) : undefined;
      if (found && toks[x].gap <= Gap.Soft) {
        extras++;
        if (WIDENING_ITEMS.has(found.join(' '))) widened = true;
        j = x + found.length;
        continue;
      }
      break;
    }
    if (!used.size) return null;
    const listed = used.size + extras;
    if (!hasCac) {
      // Without "các": two items of the group ("UBND huyện, thị xã, thành phố"; "UBND huyện Như Xuân" is one district), or a
      // group of one item written in several words continuing a list ("các sở, ngành, đoàn thể cấp tỉnh").
      const continued = !hasBody && toks[k].gap === Gap.Soft && g.items.length === 1 && j - k >= 2;
      if (used.size < 2 && !continued) return null;
    } else if (!hasBody && g.items.length > 1 && listed < 2) return null;
    const end = this.groupTails(toks, j);
    const exact =
      foldOf(ntoks(g.name)) ===
      toks
        .slice(k, end)
        .map((t) => t.fold)
        .join(' ');
    let confidence = exact ? 1 : used.size === g.items.length && inOrder ? 0.95 : 0.9;
    if (synonyms) confidence = Math.min(confidence, 0.85);
    // An item continuing a list after "các" ("các sở, ban, ngành, đoàn thể cấp tỉnh") shares its "các".
    if (!hasBody && !hasCac && !continuedList(toks, k)) confidence *= 0.9;
    if (widened) confidence *= 0.85;
    return this.groupFound(g, end, confidence);
  }

  private groupFound(g: GroupRecognizer, end: number, confidence: number): Found {
    return { end, agencyId: g.id, kind: 'group', confidence: Math.round(confidence * 100) / 100, flag: null };
  }

  private itemAt(alts: GroupRecognizer['items'][number], toks: Tok[], x: number): { end: number; alt: number } | null {
    let best: { end: number; alt: number } | null = null;
    alts.forEach((alt, index) => {
      const run = align(alt.toks, toks, x, alt.maxEdits);
      if (!run) return;
      // "Bộ trưởng" stands for its ministry in a list of heads ("Bộ trưởng, Thủ trưởng cơ quan ngang bộ").
      const end = alt.toks.length === 1 && toks[run.end]?.fold === 'truong' && toks[run.end].gap === Gap.Space ? run.end + 1 : run.end;
      if (!best || end > best.end) best = { end, alt: index };
    });
    return best;
  }

  private groupTails(toks: Tok[], end: number): number {
    for (let n = 0; n < 2; n++) {
      const e = TAILS.map((t) => seqAt(toks, end, t, true)).reduce((a, b) => Math.max(a, b), -1);
      if (e < 0 || toks[end].gap !== Gap.Space) break;
      end = e;
    }
    const p = toks[end - 1]?.fold === 'tinh' ? this.provinceAt(toks, end) : -1;
    return p > 0 ? p : end;
  }

  /** A body's name the registry does not hold: a head ("Sở", "Ban", "Cục", "UBND" …) then a capital or a level ("tỉnh", "huyện" …). */
  private unknownAt(toks: Tok[], k: number, loose = true): Found | null {
    const t = toks[k];
    if (!t.caps || t.heading || t.symbol) return null;
    const words = headAt(toks, k);
    if (!words) return null;
    const head = k + words.length;
    const first = toks[head];
    if (!first || first.gap !== Gap.Space || first.symbol || first.heading) return null;
    // "UBND các xã, thị trấn", "Cục Thuế các tỉnh, thành phố trực thuộc Trung ương", "Thanh tra các bộ, ngành": one
    // body in each member of a group, named once.
    if (first.fold === 'cac') {
      const end = Math.max(this.levelListAt(toks, head + 1), this.groupEndAt(toks, head));
      return end > head + 1 ? { from: k, end, agencyId: null, kind: null, confidence: 0.6, flag: 'unknown' } : null;
    }
    if (!loose || (!first.caps && !this.levelAt(toks, head))) return null;
    const last = this.nameEnd(toks, k, head);
    if (last <= head) return null;
    // A registry name too far from the text for the aligner (OCR slips in several words) may still be the nearest by letters.
    const near = this.nearest(
      toks
        .slice(k, last)
        .map((x) => x.fold)
        .join(' '),
    );
    if (near.agencyId) return { from: k, end: last, ...near };
    return { from: k, end: last, agencyId: null, kind: null, confidence: 0.6, flag: 'unknown' };
  }

  private levelAt(toks: Tok[], x: number): number | undefined {
    if (!toks[x] || toks[x].gap !== Gap.Space || toks[x].symbol) return undefined;
    return LEVELS.map((l) => seqAt(toks, x, l)).find((e) => e > 0);
  }

  /** "tỉnh, thành phố trực thuộc Trung ương", "xã, phường, thị trấn": levels listed from x, or -1. */
  private levelListAt(toks: Tok[], x: number): number {
    const firstLevel = this.levelAt(toks, x);
    if (!firstLevel) return -1;
    let end: number = firstLevel;
    for (;;) {
      const u = toks[end];
      if (!u || u.symbol) break;
      let y: number = end;
      if (u.fold === 'va' && u.gap <= Gap.Soft) y++;
      else if (!(u.comma && u.gap === Gap.Soft)) break;
      const n: number | undefined = y === end ? LEVELS.map((l) => seqAt(toks, y, l)).find((e) => e > 0) : this.levelAt(toks, y);
      if (!n) break;
      end = n;
    }
    const under = toks[end]?.gap === Gap.Space ? seqAt(toks, end, ['truc', 'thuoc']) : -1;
    if (under > 0) {
      const of = [['trung', 'uong'], ['tw'], ['tu'], ['tinh'], ['thanh', 'pho']].map((w) => seqAt(toks, under, w)).find((e) => e > 0);
      if (of) end = of;
    }
    return this.groupTails(toks, end);
  }

  /** Where a registry group named from token x ("các bộ, ngành, địa phương") ends, or -1. */
  private groupEndAt(toks: Tok[], x: number): number {
    let end = -1;
    for (const g of this.groups) end = Math.max(end, this.groupAt(g, toks, x)?.end ?? -1);
    return end;
  }

  /** Where a proper name that starts at `from` (its head's words up to `head`) ends: its capitals, a few lower-case words, "và" before a capital. */
  private nameEnd(toks: Tok[], from: number, head: number): number {
    let j = head;
    let lower = 0;
    let last = j;
    while (j < toks.length && j - from < 12) {
      const u = toks[j];
      if (u.symbol || u.heading || (u.gap !== Gap.Space && j > from)) break;
      const lv = this.levelAt(toks, j);
      if (lv && j > from) {
        j = last = lv;
        const p = this.provinceAt(toks, j);
        if (p > 0) j = last = p;
        lower = 0;
        continue;
      }
      if (u.caps) {
        if (j > head && (headAt(toks, j) || TITLES_AT(toks, j))) break;
        j = last = j + 1;
        lower = 0;
        continue;
      }
      if (u.fold === 'va' && toks[j + 1]?.caps && toks[j + 1].gap === Gap.Space && !headAt(toks, j + 1)) {
        j += 1;
        continue;
      }
      const pair = toks[j + 1] ? `${u.fold} ${toks[j + 1].fold}` : '';
      if (lower >= 3 || isStop(u) || STOP_PAIRS.has(pair) || u.fold === 'va') break;
      j = last = j + 1;
      lower++;
    }
    return last;
  }
}

/** Whether token k continues, after a comma, a list opened by "các" a few items before ("các sở, ban, ngành, đoàn thể"). */
function continuedList(toks: Tok[], k: number): boolean {
  if (!toks[k].comma) return false;
  for (let x = k - 1; x >= 0 && x >= k - 8; x--) {
    if (toks[x].fold === 'cac') return true;
    if (toks[x].gap === Gap.Hard) return false;
  }
  return false;
}

/** Bodies' generic names: never one agency without what follows ("Ủy ban nhân dân" alone is not the province's). */
const GENERIC_BODIES = new Set(
  ['ủy ban nhân dân', 'hội đồng nhân dân', 'ubnd', 'hđnd', 'thanh tra', 'văn phòng', 'công an', 'ủy ban', 'ban chấp hành'].map(fold),
);

/** A name without its words from..to (token indices), as written. */
function tokensText(name: string, from: number, to: number): string {
  const spans = [...name.matchAll(WORD)];
  return (name.slice(0, spans[from].index) + name.slice(spans[to - 1].index + spans[to - 1][0].length)).replace(/\s+/g, ' ').trim();
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function endsWith(toks: NTok[], tail: string[]): boolean {
  return toks.length >= tail.length && tail.every((w, i) => toks[toks.length - tail.length + i].fold === w);
}

/** The province's own name, from its people's committee ("Ủy ban nhân dân tỉnh Thanh Hóa" → "Thanh Hóa"). */
function provinceOf(registry: ImportRegistry): string | null {
  const province = registry.agencies.find((a) => a.kind === 'province');
  const m = province && /(?:tỉnh|thành phố)\s+(.+)$/iu.exec(province.name.normalize('NFC'));
  return m ? m[1].trim() : null;
}

/** The longest; of equally long, the surest; two ids equally sure make it ambiguous. */
function pick(candidates: Found[]): Found | null {
  if (!candidates.length) return null;
  const end = Math.max(...candidates.map((c) => c.end));
  const longest = candidates.filter((c) => c.end === end);
  const byId = new Map<string, Found>();
  for (const c of longest) if (!byId.has(c.agencyId!) || byId.get(c.agencyId!)!.confidence < c.confidence) byId.set(c.agencyId!, c);
  const ranked = [...byId.values()].sort((a, b) => b.confidence - a.confidence);
  const [best, second] = ranked;
  if (!second || best.confidence - second.confidence >= 0.05) return best;
  if (best.confidence === second.confidence)
    return { ...best, agencyId: null, kind: null, confidence: Math.round(best.confidence * 50) / 100, flag: 'ambiguous' };
  return { ...best, confidence: Math.round(best.confidence * 80) / 100, flag: 'ambiguous' };
}
