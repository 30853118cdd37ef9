/**
 * The pure matching rules of the import accuracy measure (libs/directive-import/corpus/README.md,
 * "How a draft is scored"): tasks paired by number, else by text; agencies by registry id, else
 * by folded name; deadlines by date or recurring kind.
 */

/** An agency as the expected answer writes it: the name as written, other spellings, the registry id where the default registry has one. */
export interface ExpectedAgency {
  name?: string;
  aliases?: string[];
  id?: string | null;
}

export type RecurringKind = 'year' | 'quarter' | 'month' | 'continuous';

export interface ExpectedDeadline {
  date: string | null;
  recurring: RecurringKind | null;
  text: string | null;
}

export interface ExpectedTask {
  number: string | null;
  text: string;
  lead: ExpectedAgency[];
  coordinating: ExpectedAgency[];
  deadline: ExpectedDeadline | null;
}

/** What the scorer reads of a draft's task (a subset of DraftTask). */
export interface FoundAgency {
  text: string;
  agencyId: string | null;
}
export interface FoundTask {
  number: string;
  text: string;
  lead: FoundAgency[];
  coordinating: FoundAgency[];
  deadline: string | null;
  deadlineText: string | null;
  recurring: { every: 'year' | 'quarter' | 'month'; continuous?: boolean } | null;
  reportDuty: string | null;
}

/** Lower case, no diacritics (đ → d), punctuation as spaces, spaces collapsed. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A task number compared: folded, no spaces, brackets or trailing dots ("II.1.a)" → "ii.1.a"). */
export function normalizeNumber(number: string | null | undefined): string {
  if (!number) return '';
  return number
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[\s()]/g, '')
    .replace(/[./)]+$/, '');
}

/**
 * Share of the word pairs among the expected text's first 12 words (folded) that the found
 * text holds in the same order: pairs rather than single words, so that a long task holding
 * the same common words ("chủ trì, phối hợp với Bộ …") in other places does not pass for it.
 */
export function textOverlap(expected: string, found: string, words12 = 12): number {
  const words = fold(expected).split(' ').filter(Boolean).slice(0, words12);
  if (!words.length) return 0;
  const have = ` ${fold(found)} `;
  if (words.length === 1) return have.includes(` ${words[0]} `) ? 1 : 0;
  const pairs = words.slice(1).map((w, i) => `${words[i]} ${w}`);
  return pairs.filter((p) => have.includes(` ${p} `)).length / pairs.length;
}

export const TEXT_MATCH_THRESHOLD = 0.6;

/**
 * Pairs expected and found tasks one to one: first by equal number (where the number is
 * unique on both sides), then, for the rest, by text overlap (word pairs) of at least 0.6, best first.
 */
export function matchTasks(
  expected: ExpectedTask[],
  found: FoundTask[],
): Array<{ expected: number; found: number; by: 'number' | 'text' }> {
  const pairs: Array<{ expected: number; found: number; by: 'number' | 'text' }> = [];
  const usedE = new Set<number>();
  const usedF = new Set<number>();
  const count = (xs: string[]) => xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());
  const eNums = expected.map((t) => normalizeNumber(t.number));
  const fNums = found.map((t) => normalizeNumber(t.number));
  const eCount = count(eNums);
  const fCount = count(fNums);
  eNums.forEach((n, i) => {
    if (!n || eCount.get(n) !== 1 || fCount.get(n) !== 1) return;
    const j = fNums.indexOf(n);
    // A number alone is not enough when the texts plainly differ (a parser numbering sub-items its own way).
    if (textOverlap(expected[i]!.text, found[j]!.text) < 0.25) return;
    pairs.push({ expected: i, found: j, by: 'number' });
    usedE.add(i);
    usedF.add(j);
  });
  const candidates: Array<{ e: number; f: number; score: number; whole: number }> = [];
  expected.forEach((e, i) => {
    if (usedE.has(i)) return;
    found.forEach((f, j) => {
      if (usedF.has(j)) return;
      const score = textOverlap(e.text, f.text);
      // Ties (two tasks opening with the same words) go to the pair sharing more of the whole expected text.
      if (score >= TEXT_MATCH_THRESHOLD) candidates.push({ e: i, f: j, score, whole: textOverlap(e.text, f.text, Infinity) });
    });
  });
  candidates.sort((a, b) => b.score - a.score || b.whole - a.whole || a.e - b.e || a.f - b.f);
  for (const c of candidates) {
    if (usedE.has(c.e) || usedF.has(c.f)) continue;
    pairs.push({ expected: c.e, found: c.f, by: 'text' });
    usedE.add(c.e);
    usedF.add(c.f);
  }
  return pairs.sort((a, b) => a.expected - b.expected);
}

const ROLE_PREFIX = /^(tong giam doc|giam doc|pho giam doc|chu tich|thu truong|bo truong|cuc truong|truong ban|truong)\s+/;

/** A name compared: folded, a leading title (Giám đốc, Chủ tịch, Thủ trưởng, …) dropped. */
export function nameKey(name: string): string {
  let key = fold(name);
  for (let i = 0; i < 2; i++) key = key.replace(ROLE_PREFIX, '');
  return key;
}

/** Two names are the same when their keys are equal, or one holds the other and is at most two thirds longer. */
export function sameName(a: string, b: string): boolean {
  const x = nameKey(a);
  const y = nameKey(b);
  if (!x || !y) return false;
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return (` ${long} `.includes(` ${short} `) && short.length / long.length >= 0.6) || false;
}

/** "các cơ quan liên quan", "các đơn vị, địa phương liên quan", "các cơ quan chức năng": not an agency, not scored. */
export function isGeneric(text: string): boolean {
  const key = fold(text).replace(/^(va|voi)\s+/, '');
  const part = '(co quan|don vi|to chuc|bo|nganh|dia phuong|so|ban|chuc nang)';
  return (
    new RegExp(`^(cac |nhung )?${part}((,)? (va )?${part})*( co)? lien quan$`).test(key) || /^cac (co quan chuc nang|dia phuong)$/.test(key)
  );
}

export function agencyMatches(expected: ExpectedAgency, found: FoundAgency): boolean {
  if (expected.id && found.agencyId === expected.id) return true;
  const names = [expected.name, ...(expected.aliases ?? [])].filter((n): n is string => !!n);
  return names.some((n) => sameName(n, found.text));
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** One-to-one: each expected agency takes the first found one it matches; found ones left over (generic phrases aside) are false positives. */
export function scoreAgencies(expected: ExpectedAgency[], found: FoundAgency[]): Counts & { missed: string[]; extra: string[] } {
  const left = found.filter((f) => !isGeneric(f.text));
  const used = new Set<number>();
  const missed: string[] = [];
  let tp = 0;
  for (const e of expected) {
    const j = left.findIndex((f, k) => !used.has(k) && agencyMatches(e, f));
    if (j >= 0) {
      used.add(j);
      tp++;
    } else missed.push(e.name ?? e.id ?? '?');
  }
  const extra = left.filter((_, k) => !used.has(k)).map((f) => f.text);
  return { tp, fp: extra.length, fn: missed.length, missed, extra };
}

export type DeadlineOutcome = 'right' | 'wrong' | 'missed' | 'invented' | 'none-kept';

export function recurringKind(r: FoundTask['recurring']): RecurringKind | null {
  if (!r) return null;
  return r.continuous ? 'continuous' : r.every;
}

/**
 * A deadline is right when the found date equals the expected one, or the found recurring kind
 * equals the expected one; "invented" when the text sets none and the draft has one.
 */
export function deadlineOutcome(expected: ExpectedDeadline | null, found: FoundTask): DeadlineOutcome {
  const kind = recurringKind(found.recurring);
  const has = found.deadline !== null || kind !== null;
  if (!expected || (expected.date === null && expected.recurring === null)) return has ? 'invented' : 'none-kept';
  if (expected.date !== null && found.deadline === expected.date) return 'right';
  if (expected.recurring !== null && kind === expected.recurring) return 'right';
  return has ? 'wrong' : 'missed';
}

export const ratio = (n: number, d: number): number | null => (d === 0 ? null : n / d);
