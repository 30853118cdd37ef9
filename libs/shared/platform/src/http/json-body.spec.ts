import { z } from 'zod';
import { growthRatio } from '@dm/testing';
import { charsetOf, describeContentType, firstInvalidUtf8, MAX_JSON_DEPTH, parseJsonBody, parseTextBody, scanJson } from './json-body';
import { ProblemError } from './problem';
import { MalformedBody, TextBody, textOrJsonBody, UnsupportedBody, validateBody } from './validation';

const bytes = (text: string) => Buffer.from(text, 'utf8');
/** The 400 validateBody answers for a parsed body, as its first field error and detail. */
const refusal = (body: unknown) => {
  let problem: ProblemError | null = null;
  try {
    validateBody(z.unknown(), body);
  } catch (error) {
    problem = error as ProblemError;
  }
  expect(problem).toBeInstanceOf(ProblemError);
  expect(problem!.status).toBe(400);
  return { field: problem!.errors[0].field, reason: problem!.errors[0].message, detail: problem!.detail };
};

describe('parseJsonBody', () => {
  it('reads a JSON body, and an empty or blank one as no body', () => {
    expect(parseJsonBody(bytes('{"summary":"Báo cáo","percent":10}'), 'application/json')).toEqual({ summary: 'Báo cáo', percent: 10 });
    expect(parseJsonBody(bytes(''), 'application/json')).toBeUndefined();
    expect(parseJsonBody(bytes(' \n '), 'application/json')).toBeUndefined();
  });

  it('takes UTF-8 declared in any spelling, and a leading byte order mark', () => {
    for (const type of ['application/json; charset=utf-8', 'application/json;charset=UTF-8', 'application/json; charset="utf8"'])
      expect(parseJsonBody(bytes('{"a":1}'), type)).toEqual({ a: 1 });
    expect(parseJsonBody(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes('{"a":1}')]), 'application/json')).toEqual({ a: 1 });
  });

  it('refuses a body declared in another charset as an unsupported media type, quoting the header only capped and printable', () => {
    const latin1 = parseJsonBody(bytes('{"a":1}'), 'application/json; charset=latin1');
    expect(latin1).toEqual(new UnsupportedBody('application/json; charset=latin1'));
    const long = parseJsonBody(bytes('{}'), `application/json; charset=x${'y'.repeat(500)}`) as UnsupportedBody;
    expect(long.contentType.length).toBeLessThanOrEqual(101);
  });

  it.each([
    ['a lead byte without its continuation', [0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d], 6],
    ['an overlong "/"', [0x22, 0xc0, 0xaf, 0x22], 1],
    ['a surrogate encoded in UTF-8 (CESU)', [0x22, 0xed, 0xa0, 0x80, 0x22], 1],
    ['a code point over U+10FFFF', [0x22, 0xf4, 0x90, 0x80, 0x80, 0x22], 1],
    ['a sequence cut at the end', [0x22, 0x61, 0xe1, 0xba], 2],
    ['a stray continuation byte', [0x22, 0x80, 0x22], 1],
  ])('refuses invalid UTF-8 (%s) rather than reading it as U+FFFD, saying at which byte', (_name, raw, at) => {
    expect(refusal(parseJsonBody(Buffer.from(raw), 'application/json'))).toEqual({
      field: '(body)',
      reason: `is not valid UTF-8 (at byte ${at})`,
      detail: 'The body is not UTF-8',
    });
  });

  it('says where a malformed body broke, never what it holds', () => {
    const secret = 'bí-mật-của-người-gửi';
    const broken = refusal(parseJsonBody(bytes(`{"summary": "${secret}", oops}`), 'application/json'));
    expect(broken).toEqual({ field: '(body)', reason: 'is not valid JSON (at character 36)', detail: 'The body is not valid JSON' });
    expect(refusal(parseJsonBody(bytes(`{"summary": "${secret}`), 'application/json')).reason).toBe('is not valid JSON (at character 33)');
    expect(refusal(parseJsonBody(bytes('[[1,'), 'application/json')).reason).toBe('is not valid JSON (it ends too soon)');
    for (const text of [`{"a": ${secret}}`, `["${secret}",]`, `{"${secret}" 1}`, `"${secret}`, `tru`]) {
      const { reason } = refusal(parseJsonBody(bytes(text), 'application/json'));
      expect(reason).toMatch(/^is not valid JSON/);
      expect(reason).not.toContain(secret.slice(0, 4));
    }
  });

  it('refuses nesting deeper than 32 levels, and takes 32', () => {
    const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
    expect(parseJsonBody(bytes(nested(MAX_JSON_DEPTH)), 'application/json')).toBeInstanceOf(Array);
    expect(refusal(parseJsonBody(bytes(nested(MAX_JSON_DEPTH + 1)), 'application/json'))).toEqual({
      field: '(body)',
      reason: 'nests objects and arrays deeper than 32 levels (at character 32)',
      detail: 'The body is nested too deeply',
    });
    const objects = '{"a":'.repeat(40) + '1' + '}'.repeat(40);
    expect(refusal(parseJsonBody(bytes(objects), 'application/json')).reason).toMatch(/deeper than 32 levels/);
  });

  it('counts only brackets outside strings', () => {
    const text = JSON.stringify({ summary: '['.repeat(1_000) + '{"\\"'.repeat(100) });
    expect(parseJsonBody(bytes(text), 'application/json')).toEqual(JSON.parse(text));
  });

  it('refuses 1.9 MB of "[" in a few milliseconds, without parsing it', () => {
    const deep = Buffer.alloc(1_900_000, '[');
    const started = performance.now();
    expect(refusal(parseJsonBody(deep, 'application/json')).reason).toMatch(/deeper than 32 levels/);
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('refuses a key named twice in one object, naming it by its path, however it is spelled', () => {
    expect(refusal(parseJsonBody(bytes('{"summary":"một","summary":"hai"}'), 'application/json'))).toEqual({
      field: 'summary',
      reason: 'is named more than once in its object (at character 17)',
      detail: 'The body names a key twice in one object',
    });
    expect(refusal(parseJsonBody(bytes('{"summary":"một","summ\\u0061ry":"hai"}'), 'application/json')).field).toBe('summary');
    const nfd = 'Ạ'.normalize('NFD');
    expect(refusal(parseJsonBody(bytes(`{"Ạ":1,"${nfd}":2}`), 'application/json')).field).toBe('Ạ');
    const deep = '{"tasks":[{"number":"1"},{"number":"2","lead":["a"],"number":"3"}]}';
    expect(refusal(parseJsonBody(bytes(deep), 'application/json')).field).toBe('tasks[1].number');
  });

  it('takes the same key in sibling and nested objects', () => {
    const text = '{"a":{"a":{"a":1}},"b":[{"a":1},{"a":2}],"c":"\\"a\\":1,\\"a\\""}';
    expect(parseJsonBody(bytes(text), 'application/json')).toEqual(JSON.parse(text));
  });

  it('refuses __proto__, constructor and prototype as keys, at any depth', () => {
    expect(refusal(parseJsonBody(bytes('{"__proto__":{"isAdmin":true}}'), 'application/json'))).toEqual({
      field: '__proto__',
      reason: 'is a reserved name, not a field',
      detail: 'The request has invalid fields',
    });
    expect(refusal(parseJsonBody(bytes('{"a":[{"constructor":{"prototype":{}}}]}'), 'application/json')).field).toBe('a[0].constructor');
    expect(refusal(parseJsonBody(bytes('{"prototype":1}'), 'application/json')).field).toBe('prototype');
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('hands a body with a string that is not text on as parsed, for the route to authorise on, marked for validateBody to refuse', () => {
    const body = parseJsonBody(bytes('{"issuer":"ubnd-tinh","number":"1\\u0000"}'), 'application/json') as { issuer: string };
    expect(body.issuer).toBe('ubnd-tinh');
    expect(refusal(body).field).toBe('number');
  });

  it('refuses a string that is not text, naming its field; JSON escapes are no way round', () => {
    expect(refusal(parseJsonBody(bytes('{"tasks":[{"number":"1\\u0000"}]}'), 'application/json'))).toEqual({
      field: 'tasks[0].number',
      reason: 'must not contain a control character (U+0000 at character 1)',
      detail: 'The request has invalid fields',
    });
    expect(refusal(parseJsonBody(bytes('{"a":["ok","\\ud800"]}'), 'application/json'))).toMatchObject({
      field: 'a[1]',
      reason: 'must be well-formed Unicode text (it holds a lone surrogate)',
    });
    expect(refusal(parseJsonBody(bytes('"\\u001b"'), 'application/json')).field).toBe('(body)');
    expect(refusal(parseJsonBody(bytes('{"a\\u0000b":1}'), 'application/json')).field).toBe('a\u0000b');
  });

  it('hands every string, and every key, on in NFC with CRLF as LF', () => {
    const nfd = (s: string) => s.normalize('NFD');
    const body = parseJsonBody(bytes(JSON.stringify({ [nfd('Ạ')]: [nfd('Mường Lát'), { note: 'a\r\nb' }] })), 'application/json');
    expect(body).toEqual({ Ạ: ['Mường Lát', { note: 'a\nb' }] });
    expect(JSON.stringify(body)).toBe(JSON.stringify({ Ạ: ['Mường Lát', { note: 'a\nb' }] }).normalize('NFC'));
  });

  it('keeps a password as typed, but still refuses one that is not text', () => {
    const typed = 'Mật khẩu\r\n'.normalize('NFD') + 'x'.repeat(4);
    expect(parseJsonBody(bytes(JSON.stringify({ password: typed, currentPassword: typed })), 'application/json')).toEqual({
      password: typed,
      currentPassword: typed,
    });
    expect(refusal(parseJsonBody(bytes('{"password":"a\\u0000bcdefghijkl"}'), 'application/json')).field).toBe('password');
  });
});

describe('scanJson', () => {
  it('leaves what it cannot follow to JSON.parse', () => {
    for (const text of ['"unterminated', ']', '{"a":1}}', ',', '{"a\\"']) expect(scanJson(text)).toBeNull();
    expect(scanJson('[[[', 2)).toEqual({
      kind: 'depth',
      field: '(body)',
      message: 'nests objects and arrays deeper than 2 levels (at character 2)',
    });
  });

  it('is linear in the size of the text', () => {
    const wide = (rows: number) =>
      JSON.stringify({ rows: Array.from({ length: rows }, (_, i) => ({ id: `a-${i}`, name: `Tên "${i}" \\ ` })) });
    expect(scanJson(wide(50_000))).toBeNull();
    // Four times the text: about four times the time (quadratic would be 16).
    expect(growthRatio(wide(12_500), wide(50_000), scanJson)).toBeLessThan(8);
  });
});

describe('firstInvalidUtf8', () => {
  it('finds nothing wrong with well-formed UTF-8 of every length', () => {
    expect(firstInvalidUtf8(bytes('a é Ạ 😀 𠀀 \u{10ffff}'))).toBe(-1);
  });
});

describe('charsetOf and describeContentType', () => {
  it('reads the charset parameter', () => {
    expect(charsetOf('application/json')).toBeNull();
    expect(charsetOf('application/json; Charset="UTF-8"')).toBe('utf-8');
    expect(charsetOf('application/json; foo=bar; charset=iso-8859-1')).toBe('iso-8859-1');
  });

  it('quotes a content type printable and capped', () => {
    expect(describeContentType(undefined)).toBe('no content type');
    expect(describeContentType('text/plain\u0000\u00ff')).toBe('text/plain??');
    expect(describeContentType('x'.repeat(300))).toHaveLength(101);
  });
});

describe('parseTextBody (a directive text to import)', () => {
  const schema = z.object({ text: z.string() });

  it('reads UTF-8 text in NFC, CRLF and form feeds as newlines, a BOM skipped', () => {
    const body = parseTextBody(bytes('\ufeffUBND TỈNH\r\nTHANH HOA\u0301\fTrang 2'), 'text/plain; charset=utf-8');
    expect(body).toEqual(new TextBody('UBND TỈNH\nTHANH HOÁ\nTrang 2'.normalize('NFC')));
    expect(textOrJsonBody(schema, body)).toBe('UBND TỈNH\nTHANH HOÁ\nTrang 2'.normalize('NFC'));
    expect(textOrJsonBody(schema, new TextBody(''))).toBe('');
  });

  it('refuses what is not text, naming (body): bytes that are not UTF-8, control characters, another charset', () => {
    expect(refusal(parseTextBody(Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'text/plain'))).toMatchObject({ field: '(body)' });
    expect(refusal(parseTextBody(bytes('a\u0000b'), 'text/plain'))).toMatchObject({
      field: '(body)',
      reason: expect.stringContaining('U+0000'),
    });
    expect(parseTextBody(bytes('a'), 'text/plain; charset=latin1')).toBeInstanceOf(UnsupportedBody);
    expect(parseTextBody(bytes('a\rb'))).toBeInstanceOf(MalformedBody);
  });

  it('is 415 to a route that takes JSON, and another media type is 415 to a route that takes text', () => {
    expect(() => validateBody(schema, new TextBody('a'))).toThrow(expect.objectContaining({ status: 415 }));
    expect(() => textOrJsonBody(schema, new UnsupportedBody('application/pdf'))).toThrow(expect.objectContaining({ status: 415 }));
    expect(textOrJsonBody(schema, { text: 'a' })).toBe('a');
  });
});
