/** Vietnamese text compared as a reader would, past OCR's slips in diacritics, case and spacing. */

/** Lower case, without diacritics (đ → d), punctuation runs and spaces collapsed to one space. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** NFC with runs of white space as one space. */
export function tidy(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Whether a text carries any diacritic (a tone mark, a hat, a horn or đ). */
export function hasDiacritics(text: string): boolean {
  return /[\p{M}đĐ]/u.test(text.normalize('NFD'));
}

/**
 * Whether a written word is `word` as a reader would take it: the same letters
 * and marks, or, written without any diacritic at all (plain typing, or an OCR
 * that lost them), the same letters. "hằng" is not "hàng"; "hang" may be either.
 */
export function writtenAs(written: string, word: string): boolean {
  const w = written.normalize('NFC').toLowerCase();
  const target = word.normalize('NFC').toLowerCase();
  if (w === target) return true;
  return !hasDiacritics(w) && fold(w) === fold(target);
}
