/**
 * OCR-like noise, deterministic for a given seed, for the corpus's `*.ocr.txt` copies
 * (never the originals): diacritic slips (a tone mark dropped or read as its neighbour,
 * ơ/ư read without their horn, đ as d), a stray '.' at a line's end, and a long line
 * broken in two. Digits and punctuation inside a line are left alone, so numbers and
 * dates stay readable, as in the seed letter's scan.
 */

/** mulberry32: a small seeded generator, the same sequence on every machine. */
export function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seed from a name (FNV-1a). */
export function seedOf(name: string): number {
  let h = 0x811c9dc5;
  for (const ch of name) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193) >>> 0;
  return h;
}

const TONES = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
const NEIGHBOUR: Record<string, string> = { '\u0300': '\u0309', '\u0309': '\u0300', '\u0301': '\u0303', '\u0303': '\u0301', '\u0323': '' };

export interface NoiseRates {
  /** Per letter carrying a diacritic. */
  slip: number;
  /** Per line not already ending in punctuation. */
  strayDot: number;
  /** Per line longer than 40 characters. */
  lineBreak: number;
}

export const DEFAULT_RATES: NoiseRates = { slip: 0.06, strayDot: 0.12, lineBreak: 0.1 };

function slipLetter(letter: string, random: () => number): string {
  const parts = [...letter.normalize('NFD')];
  const base = parts[0]!;
  const marks = parts.slice(1);
  if (base === 'đ' || base === 'Đ') return base === 'đ' ? 'd' : 'D';
  const toneAt = marks.findIndex((m) => TONES.includes(m));
  if (toneAt >= 0) {
    const tone = marks[toneAt]!;
    const next = random() < 0.5 ? '' : NEIGHBOUR[tone]!;
    marks.splice(toneAt, 1, ...(next ? [next] : []));
  } else if (marks.includes('\u031b')) {
    marks.splice(marks.indexOf('\u031b'), 1); // ơ → o, ư → u
  } else if (marks.length) {
    marks.pop(); // â → a, ê → e, ô → o, ă → a
  }
  return (base + marks.join('')).normalize('NFC');
}

/** The text with OCR-like noise; the same text and seed always give the same result. */
export function addOcrNoise(text: string, seed: number, rates: NoiseRates = DEFAULT_RATES): string {
  const random = generator(seed);
  const out: string[] = [];
  for (const line of text.normalize('NFC').split('\n')) {
    let noisy = '';
    for (const ch of line) {
      const marked = ch.normalize('NFD').length > 1 || ch === 'đ' || ch === 'Đ';
      noisy += marked && /\p{L}/u.test(ch) && random() < rates.slip ? slipLetter(ch, random) : ch;
    }
    if (noisy.length > 40 && random() < rates.lineBreak) {
      const spaces = [...noisy.matchAll(/ /g)].map((m) => m.index!).filter((i) => i > 10 && i < noisy.length - 10);
      if (spaces.length) {
        const at = spaces[Math.floor(random() * spaces.length)]!;
        out.push(noisy.slice(0, at), noisy.slice(at + 1));
        continue;
      }
    }
    if (noisy.trim() && !/[.,;:!?)]$/.test(noisy) && random() < rates.strayDot) noisy += '.';
    out.push(noisy);
  }
  return out.join('\n');
}
