import fc from 'fast-check';

/**
 * Text nobody planned for: Vietnamese in NFD, bidirectional overrides, zero
 * width and format characters, NUL and other controls, lone surrogates (sent
 * escaped in JSON, as `JSON.stringify` writes them), emoji, path and markup
 * tricks, and the names of Object.prototype's members.
 */
const NFD = 'Ạ Thanh Hóa Mường Lát Nguyễn Ngọc Bá Thước'.normalize('NFD');
export const ODD_TEXTS = [
  '',
  ' ',
  '\u00a0\u200b\u2060',
  NFD,
  'Ạ'.normalize('NFD'),
  'A\u0323\u0323\u0323\u0323\u0323\u0323\u0323\u0323\u0323\u0323',
  '\u200fمرحبا\u200f',
  '\u202egnp.exe\u202c',
  'so-\u200bldtbxh',
  '\ufeffBOM',
  'a\u0000b',
  '\u0000',
  '\u0001\u0002\u001b[31m\u007f',
  '\t\r\n',
  '\ud800',
  'x\udfffy',
  '\udbff\udfff',
  '😀🇻🇳👨‍👩‍👧‍👦',
  '\uffff\ufffe',
  '../../../etc/passwd',
  '%2e%2e%2f',
  '%00',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '${7*7}{{7*7}}',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'prototype',
  'null',
  'undefined',
  'NaN',
  '-0',
  '1e309',
  '9007199254740993',
  '2017-02-30',
  '2017-02-29',
  '0000-00-00',
  '9999-12-31',
  '2017-03-01T25:61:61Z',
  'Z'.repeat(201),
];

export const oddText: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...ODD_TEXTS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  {
    weight: 1,
    arbitrary: fc.string({ unit: fc.constantFrom('\u0300', '\u0301', '\u0323', '\u200b', '\u200f', '\u202e', 'a'), maxLength: 60 }),
  },
);

/** A string far longer than any field allows: 100 KB mostly, 1 MB sometimes (keep these rare: they cost). */
export const hugeText: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(100 * 1024, 100 * 1024, 100 * 1024, 1024 * 1024), fc.constantFrom('a', 'Ạ', 'ạ'.normalize('NFD'), '😀', '\u200b'))
  .map(([bytes, unit]) => unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit))));

/** Vietnamese text of the kind the forms carry. */
export const vietnamese = (minLength = 1, maxLength = 40): fc.Arbitrary<string> =>
  fc
    .string({
      unit: fc.constantFrom(...'aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ ĐƯ0123456789/-'),
      minLength,
      maxLength: Math.max(minLength, maxLength),
    })
    .map((s) => (s.trim() ? s : 'x'.repeat(Math.max(1, minLength))));
