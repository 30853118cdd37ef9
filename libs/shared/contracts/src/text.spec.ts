import { nameText, optionalText, text } from './common';
import { isBlankText, isWellFormedText, textFault, tidyText } from './text';

describe('textFault', () => {
  it.each([
    ['Báo cáo kết quả thực hiện'],
    ['dòng 1\ndòng 2\tcột'],
    ['CRLF\r\nline'],
    ['an emoji 😀 and a rare Han character 𠀀'],
    ['a joiner in a word: Báo\u200dcáo'],
    [''],
  ])('takes %j', (s) => {
    expect(textFault(s)).toBeNull();
  });

  it.each([
    ['NUL', 'a\u0000b', 'must not contain a control character (U+0000 at character 1)'],
    ['ESC', '\u001b[31m', 'must not contain a control character (U+001B at character 0)'],
    ['vertical tab', 'a\u000bb', 'must not contain a control character (U+000B at character 1)'],
    ['DEL', 'ab\u007f', 'must not contain a control character (U+007F at character 2)'],
    ['NEL (C1)', 'a\u0085', 'must not contain a control character (U+0085 at character 1)'],
    ['CSI (C1)', '\u009b', 'must not contain a control character (U+009B at character 0)'],
    ['a lone CR', 'a\rb', 'must not contain a carriage return but in a CRLF line break (U+000D at character 1)'],
    ['a CR at the end', 'a\r', 'must not contain a carriage return but in a CRLF line break (U+000D at character 1)'],
    ['a lone high surrogate', 'a\uD800b', 'must be well-formed Unicode text (it holds a lone surrogate)'],
    ['a lone low surrogate', '\uDC00', 'must be well-formed Unicode text (it holds a lone surrogate)'],
    ['a pair reversed', '\uDE00\uD83D', 'must be well-formed Unicode text (it holds a lone surrogate)'],
  ])('refuses %s, naming the character without quoting the text', (_name, s, message) => {
    expect(textFault(s)).toBe(message);
  });

  it('answers a 5 MB text in linear time', () => {
    const long = (repeats: number) => 'Báo cáo kết quả '.repeat(repeats) + '\u0000';
    expect(textFault(long(300_000))).toMatch(/U\+0000/);
    // Four times the text: about four times the time (quadratic would be 16).
    // (@dm/testing's growthRatio, which contracts cannot import: testing depends on it.)
    const fastest = (text: string) => Math.min(...[1, 2, 3].map(() => timed(() => textFault(text))));
    expect(fastest(long(300_000)) / fastest(long(75_000))).toBeLessThan(8);
  });
});

describe('isWellFormedText', () => {
  it('tells a lone surrogate from a pair', () => {
    expect(isWellFormedText('😀')).toBe(true);
    expect(isWellFormedText('😀'.slice(0, 1))).toBe(false);
    expect(isWellFormedText('😀'.slice(1))).toBe(false);
  });
});

describe('tidyText', () => {
  it('keeps text in NFC: "Ạ" typed in NFD is the "Ạ" typed in NFC', () => {
    const nfd = 'Ạ1 Mường Lát'.normalize('NFD');
    expect(nfd).not.toBe('Ạ1 Mường Lát');
    expect(tidyText(nfd)).toBe('Ạ1 Mường Lát'.normalize('NFC'));
  });

  it('reads CRLF as LF and leaves ASCII as it is', () => {
    expect(tidyText('a\r\nb\r\n')).toBe('a\nb\n');
    const ascii = 'plain ASCII';
    expect(tidyText(ascii)).toBe(ascii);
  });
});

describe('isBlankText', () => {
  it.each([
    ['empty', ''],
    ['spaces and tabs', ' \t\n '],
    ['zero-width spaces', '\u200b\u200b'],
    ['LRM and RLM', '\u200e\u200f'],
    ['ZWJ and ZWNJ', '\u200d\u200c'],
    ['bidi embeddings and overrides', '\u202a\u202b\u202c\u202d\u202e'],
    ['bidi isolates', '\u2066\u2067\u2068\u2069'],
    ['a BOM', '\ufeff'],
    ['a soft hyphen', '\u00ad'],
    ['a word joiner', '\u2060'],
    ['a no-break and an ideographic space', '\u00a0\u3000'],
    ['Hangul fillers', '\u3164\u115f\u1160\uffa0'],
    ['a braille blank', '\u2800'],
    ['a Mongolian vowel separator', '\u180e'],
    ['a combining grapheme joiner and a variation selector', '\u034f\ufe0f'],
  ])('counts %s as blank', (_name, s) => {
    expect(isBlankText(s)).toBe(true);
  });

  it.each([['a'], ['\u200bA\u200b'], ['1'], ['.'], ['😀']])('counts %j as not blank', (s) => {
    expect(isBlankText(s)).toBe(false);
  });
});

describe('text(max), the required text of every request', () => {
  const schema = text(20);
  const fault = (value: unknown) => {
    const result = schema.safeParse(value);
    return result.success ? null : result.error.issues.map((i) => i.message);
  };

  it('refuses a text empty once invisible characters are taken out, as empty', () => {
    expect(fault('')).toEqual(['must not be empty']);
    expect(fault('   ')).toEqual(['must not be empty']);
    expect(fault('\u200b \u200f ')).toEqual(['must not be empty']);
    expect(fault('\u3164')).toEqual(['must not be empty']);
  });

  it('refuses control characters and lone surrogates with one message', () => {
    expect(fault('a\u0000')).toEqual(['must not contain a control character (U+0000 at character 1)']);
    expect(fault('\uD800')).toEqual(['must be well-formed Unicode text (it holds a lone surrogate)']);
  });

  it('keeps its maximum length and its messages for the wrong type and a missing value', () => {
    expect(fault('x'.repeat(21))).toEqual(['String must contain at most 20 character(s)']);
    expect(fault(1)).toEqual(['must be a string']);
    expect(fault(undefined)).toEqual(['is required']);
  });

  it('trims, and keeps the text in NFC with CRLF as LF', () => {
    expect(schema.parse('  Ạ1  '.normalize('NFD'))).toBe('Ạ1'.normalize('NFC'));
    expect(schema.parse('a\r\nb')).toBe('a\nb');
  });

  it('is what nameText builds on: a name needs a letter or digit besides', () => {
    expect(nameText(50).safeParse('\u200b').success).toBe(false);
    expect(nameText(50).safeParse('—').success).toBe(false);
    expect(nameText(50).parse('Sở Y tế'.normalize('NFD'))).toBe('Sở Y tế'.normalize('NFC'));
  });
});

describe('optionalText(max)', () => {
  const schema = optionalText(20);

  it('reads absent, null, blank and only invisible characters as null', () => {
    for (const value of [undefined, null, '', '  ', '\u200b\u2060', '\ufeff\u00ad']) expect(schema.parse(value)).toBeNull();
  });

  it('refuses control characters and lone surrogates, and keeps a text in NFC', () => {
    expect(schema.safeParse('a\u0007').success).toBe(false);
    expect(schema.safeParse('a\uDC00').success).toBe(false);
    expect(schema.parse('Ạ'.normalize('NFD'))).toBe('Ạ'.normalize('NFC'));
  });
});

function timed(work: () => void): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}
