/**
 * What a text of this system may hold (docs/security.md, "Text and JSON
 * bodies"): well-formed Unicode, in NFC, without control characters but tab
 * and newline. A CRLF line break is read as LF; a lone CR is refused. Shared
 * by the HTTP edge (every string of a JSON body, path and query) and the
 * request schemas (so the CLI and the web app's forms say the same).
 * Browser-safe.
 */

/** A lone UTF-16 surrogate: not text, and not something an id or a hash can be made of. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** C0 controls but tab and LF, DEL, and C1 controls (CR is looked at apart). */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** What may need changing: a CR, or anything outside ASCII (NFC). */
const PLAIN = /^[\u0000-\u000C\u000E-\u007F]*$/;

/**
 * Characters that show nothing: white space, Unicode format characters
 * (\p{Cf}: zero-width space, joiners, LRM/RLM, bidi embeddings and isolates,
 * BOM, soft hyphen, word joiner, Mongolian vowel separator, tags…), the
 * combining grapheme joiner and variation selectors, and the fillers that
 * render blank (Hangul fillers U+115F, U+1160, U+3164, U+FFA0; braille
 * blank U+2800).
 */
const INVISIBLE = /[\s\p{Cf}\u034F\uFE00-\uFE0F\u115F\u1160\u3164\uFFA0\u2800\u180E]/gu;

type WellFormedString = string & { isWellFormed?: () => boolean };

/** True when `s` holds no lone surrogate (String.prototype.isWellFormed where there is one). */
export function isWellFormedText(s: string): boolean {
  const native = (s as WellFormedString).isWellFormed;
  return typeof native === 'function' ? native.call(s) : !LONE_SURROGATE.test(s);
}

/** U+XXXX of a code unit, for a message that names a character without showing it. */
const codePoint = (s: string, at: number) => `U+${s.charCodeAt(at).toString(16).toUpperCase().padStart(4, '0')}`;

/** Why `s` is not text this system keeps, or null when it is. Never quotes `s`. */
export function textFault(s: string): string | null {
  if (!isWellFormedText(s)) return 'must be well-formed Unicode text (it holds a lone surrogate)';
  const control = CONTROL.exec(s);
  if (control) return `must not contain a control character (${codePoint(s, control.index)} at character ${control.index})`;
  const cr = /\r(?!\n)/.exec(s);
  if (cr) return `must not contain a carriage return but in a CRLF line break (U+000D at character ${cr.index})`;
  return null;
}

/** `s` as kept: CRLF read as LF, in NFC. Apply to a text `textFault` passed. */
export function tidyText(s: string): string {
  if (PLAIN.test(s)) return s;
  return s.replace(/\r\n/g, '\n').normalize('NFC');
}

/** True when nothing of `s` is left once white space, format characters and invisible fillers are taken out. */
export function isBlankText(s: string): boolean {
  return s.replace(INVISIBLE, '') === '';
}
