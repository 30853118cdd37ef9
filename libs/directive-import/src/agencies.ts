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
    toks.push({
      start,
      end: start + raw.length,
      key,
      fold,
      caps,
      abbr: caps && raw.length >= 2 && fold.length <= 10 && raw === raw.toUpperCase() && /^\p{L}[\p{L}\p{M}]*$/u.test(raw),
      heading: false,
      symbol: false,
      gap: toks.length === 0 ? Gap.Hard : gapOf(text.slice(prevEnd, start)),
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
const EXTRA_ITEMS = ['ngành', 'đơn vị', 'cơ quan', 'thị trấn'].map(words);

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
]
  .map(words)
  .sort((a, b) => b.length - a.length);

const LEVELS = ['tỉnh', 'huyện', 'thành phố', 'thị xã', 'xã', 'phường', 'thị trấn', 'quận'].map(words);

/** Lowercase words that end a name: what follows is the sentence's verb or a preposition. */
const STOP_WORDS = new Set(
  'co cac cua trong theo ve cho voi de tai da dang se duoc la nay do nham cung giup lam gui trinh ngay thang nam so hang truoc sau khi neu thi ma nhung moi den tren duoi tap khan yeu giao'.split(
    ' ',
  ),
);
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
  ].map(fold),
);

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
  end: number;
  agencyId: string | null;
  kind: 'agency' | 'group' | null;
  confidence: number;
  flag: AgencyMention['flag'];
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
    for (let k = 0; k < toks.length;) {
      const found = this.titledAt(toks, k) ?? this.unknownAt(toks, k);
      if (!found) {
        k++;
        continue;
      }
      const start = toks[k].start;
      const end = toks[found.end - 1].end;
      out.push({
        start,
        end,
        text: text.slice(start, end),
        agencyId: found.agencyId,
        confidence: found.confidence,
        kind: found.kind,
        flag: found.flag,
      });
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

  private addName(id: string, name: string, base: number): void {
    const toks = ntoks(name);
    if (!toks.length) return;
    this.addPattern({ id, toks, base, maxEdits: editBudget(toks) });
    // "Việt Nam" inside a name is often left out ("Ủy ban MTTQ tỉnh").
    const vn = toks.findIndex((t, i) => i > 0 && t.fold === 'viet' && toks[i + 1]?.fold === 'nam');
    if (vn > 0) this.addName(id, tokensText(name, vn, vn + 2), Math.min(base, 0.93));
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

  /** A name at k, perhaps after a person's title (the title is kept in the mention). */
  private titledAt(toks: Tok[], k: number): Found | null {
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
      const found = this.at(toks, h);
      if (found) return found;
    }
    return this.at(toks, k);
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
        candidates.push({ end, agencyId: p.id, kind: 'agency', confidence: confidenceOf(p.base, run, p.toks), flag: null });
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
    if (p && toks[end - 1]?.fold === 'tinh') {
      const e = this.provinceAt(toks, end);
      if (e > 0) end = e;
    }
    return end;
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
      const extra = used.size ? EXTRA_ITEMS.map((e) => seqAt(toks, x, e)).find((e) => e > 0) : undefined;
      if (extra && toks[x].gap <= Gap.Soft) {
        extras++;
        j = extra;
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
    if (!hasBody && !hasCac) confidence *= 0.9;
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
  private unknownAt(toks: Tok[], k: number): Found | null {
    const t = toks[k];
    if (!t.caps || t.heading || t.symbol) return null;
    const head = BODY_HEADS.map((h) => seqAt(toks, k, h)).find((e) => e > 0);
    if (!head) return null;
    let j = head;
    const level = (x: number) => LEVELS.map((l) => seqAt(toks, x, l)).find((e) => e > 0 && toks[x].gap === Gap.Space);
    const first = toks[j];
    if (!first || first.gap !== Gap.Space || first.symbol || first.heading) return null;
    if (!first.caps && !level(j)) return null;
    let lower = 0;
    let last = j;
    while (j < toks.length && j - k < 12) {
      const u = toks[j];
      if (u.symbol || u.heading || u.gap !== Gap.Space) break;
      const lv = level(j);
      if (lv) {
        j = last = lv;
        const p = this.provinceAt(toks, j);
        if (p > 0) j = last = p;
        lower = 0;
        continue;
      }
      if (u.caps) {
        if (j > head && (BODY_HEADS.some((h) => seqAt(toks, j, h) > 0) || TITLES.some((h) => seqAt(toks, j, h) > 0))) break;
        j = last = j + 1;
        lower = 0;
        continue;
      }
      if (u.fold === 'va' && toks[j + 1]?.caps && toks[j + 1].gap === Gap.Space && !BODY_HEADS.some((h) => seqAt(toks, j + 1, h) > 0)) {
        j += 1;
        continue;
      }
      const pair = toks[j + 1] ? `${u.fold} ${toks[j + 1].fold}` : '';
      if (lower >= 3 || STOP_WORDS.has(u.fold) || STOP_PAIRS.has(pair) || u.fold === 'va') break;
      j = last = j + 1;
      lower++;
    }
    if (last <= head) return null;
    // A registry name too far from the text for the aligner (OCR slips in several words) may still be the nearest by letters.
    const near = this.nearest(
      toks
        .slice(k, last)
        .map((x) => x.fold)
        .join(' '),
    );
    if (near.agencyId) return { end: last, ...near };
    return { end: last, agencyId: null, kind: null, confidence: 0.6, flag: 'unknown' };
  }
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
