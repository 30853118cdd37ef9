/** Vietnamese text compared as a reader would, past OCR's slips in diacritics, case and spacing. */

/** Lower case, without diacritics (đ → d), punctuation runs and spaces collapsed to one space. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** NFC with runs of white space as one space. */
export function tidy(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}
