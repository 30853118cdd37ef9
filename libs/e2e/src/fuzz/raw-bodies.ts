import fc from 'fast-check';

/** Bodies no JSON encoder writes: they are sent as raw text or bytes. */

/** The object's JSON with its first member repeated at the end with another value (`{"a":1,…,"a":"x"}`). */
export function duplicateKeys(value: unknown, other: unknown): string {
  const text = JSON.stringify(value);
  if (!value || typeof value !== 'object' || Array.isArray(value) || !Object.keys(value).length)
    return `{"a":1,"a":${JSON.stringify(other ?? null)}}`;
  const first = Object.keys(value)[0];
  return `${text.slice(0, -1)},${JSON.stringify(first)}:${JSON.stringify(other ?? null)}}`;
}

/** `levels` nested arrays or objects: the parser's recursion and any depth limit. */
export function deeplyNested(levels: number, kind: 'array' | 'object'): string {
  return kind === 'array' ? '['.repeat(levels) + ']'.repeat(levels) : '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
}

const MALFORMED = [
  '',
  '{',
  '}',
  '[',
  '{"a":',
  '{"a":1,}',
  "{'a':1}",
  '{a:1}',
  'null',
  'true',
  '0',
  '"text"',
  '[]',
  'NaN',
  '{"a":1}{"b":2}',
  '{"a":1} trailing',
  '\u0000',
  '{"a":"\\ud800"}',
  '{"a":"\\u0000"}',
  '{"a":"\\x41"}',
  '{"a":01}',
  '{"a":1e999}',
  '{"a":-}',
  ' '.repeat(1000),
];

export const malformedJson: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...MALFORMED),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.json({ depthSize: 'small' }).map((text) => text.slice(0, Math.max(1, Math.floor(text.length / 2)))),
);

/** Bytes that are not UTF-8 inside a JSON string: an overlong slash, a lone continuation byte, a truncated sequence, CESU surrogates. */
export const invalidUtf8: fc.Arbitrary<Buffer> = fc
  .tuple(fc.constantFrom([0xc0, 0xaf], [0x80], [0xe1, 0xba], [0xed, 0xa0, 0x80], [0xff, 0xfe], [0xf8, 0x88, 0x80, 0x80, 0x80]), fc.json())
  .map(([bad, json]) => {
    const text = json.startsWith('{') && json.length > 2 ? json : '{"summary":""}';
    const cut = text.indexOf('"') + 1 || 1;
    return Buffer.concat([Buffer.from(text.slice(0, cut)), Buffer.from(bad), Buffer.from(text.slice(cut))]);
  });

/** Media types that are not JSON, or JSON named oddly, or none. */
export const OTHER_MEDIA_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=----fuzz',
  'application/xml',
  'application/octet-stream',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'application/problem+json',
  'application/vnd.api+json',
  'Application/JSON',
  'application/json, text/plain',
  'json',
  '',
  '*/*',
];

/** A multipart form carrying the JSON as a field, as a browser form would. */
export const multipart = (json: string) =>
  `------fuzz\r\nContent-Disposition: form-data; name="body"\r\nContent-Type: application/json\r\n\r\n${json}\r\n------fuzz--\r\n`;

/** A form-encoded rendering of an object's top-level members. */
export const formEncoded = (value: unknown) =>
  value && typeof value === 'object'
    ? new URLSearchParams(
        Object.entries(value).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
      ).toString()
    : new URLSearchParams({ value: String(value) }).toString();
