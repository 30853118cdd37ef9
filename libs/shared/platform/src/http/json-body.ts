import type { FastifyInstance } from 'fastify';
import { cleanJsonValue } from './text-hygiene';
import type { FieldError } from './problem';
import { textFault, tidyText } from '@dm/contracts';
import { fieldPath, MalformedBody, markRefusedBody, TextBody, UnsupportedBody } from './validation';

/**
 * JSON request bodies (docs/security.md, "Text and JSON bodies"): UTF-8 (a
 * declared charset must be UTF-8, an invalid byte is refused rather than
 * read as U+FFFD), at most MAX_JSON_DEPTH levels of objects and arrays
 * (checked by a linear scan before JSON.parse sees the text), no key named
 * twice in one object (parsers disagree on which one wins), and every
 * string clean text (./text-hygiene.ts). A refusal is a marker the route
 * reports (validateBody) once it has authorised the caller; its message
 * says where the body broke, never what it holds.
 */

/** The deepest nesting of objects and arrays a body may have: the deepest request schema needs 5. */
export const MAX_JSON_DEPTH = 32;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** What a parsed body is: its value (undefined when empty), or why it was refused. */
export type ParsedBody = unknown | MalformedBody | UnsupportedBody;

/** The content type as it may be quoted back: printable ASCII, at most 100 characters. */
export function describeContentType(header: string | undefined): string {
  const printable = (header ?? '').replace(/[^\x20-\x7e]/g, '?').trim();
  if (!printable) return 'no content type';
  return printable.length > 100 ? `${printable.slice(0, 100)}…` : printable;
}

/** The charset parameter of a media type, lower case without quotes, or null when none is named. */
export function charsetOf(contentType: string | undefined): string | null {
  const match = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(contentType ?? '');
  return match ? (match[1] ?? match[2]).toLowerCase() : null;
}

/** The offset of the first byte that is not part of well-formed UTF-8 (RFC 3629: no overlong form, surrogate or value over U+10FFFF). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const [length, low, high] =
      b >= 0xc2 && b <= 0xdf
        ? [2, 0x80, 0xbf]
        : b === 0xe0
          ? [3, 0xa0, 0xbf]
          : b === 0xed
            ? [3, 0x80, 0x9f]
            : b >= 0xe1 && b <= 0xef
              ? [3, 0x80, 0xbf]
              : b === 0xf0
                ? [4, 0x90, 0xbf]
                : b === 0xf4
                  ? [4, 0x80, 0x8f]
                  : b >= 0xf1 && b <= 0xf3
                    ? [4, 0x80, 0xbf]
                    : [0, 0, 0];
    if (length === 0 || i + length > bytes.length) return i;
    if (bytes[i + 1] < low || bytes[i + 1] > high) return i;
    for (let k = 2; k < length; k++) if (bytes[i + k] < 0x80 || bytes[i + k] > 0xbf) return i;
    i += length;
  }
  return -1;
}

/** A key JSON.parse reads as it is written: ASCII without escapes. */
const ASCII_KEY = /^[\x20-\x21\x23-\x5b\x5d-\x7e]*$/;

/** What the scan refuses: nesting too deep (the body is not parsed), or a key named twice (at `field`). */
export interface JsonScanFault extends FieldError {
  kind: 'depth' | 'duplicate';
}

interface Level {
  /** The keys of an object met so far; null for an array. */
  keys: Set<string> | null;
  /** The key being read (an object) or the index (an array). */
  at: string | number;
  /** An object's next string is a key. */
  expectKey: boolean;
}

/**
 * A linear scan of JSON text, no recursion: refuses nesting deeper than
 * MAX_JSON_DEPTH and a key named twice in one object (compared as JSON.parse
 * will read it, in NFC). It leaves every other fault to JSON.parse: on text
 * it cannot follow it stops and answers null.
 */
export function scanJson(text: string, maxDepth = MAX_JSON_DEPTH): JsonScanFault | null {
  const stack: Level[] = [];
  const path = () => stack.map((level) => level.at);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      let end = text.indexOf('"', i + 1);
      while (end > 0) {
        let backslashes = 0;
        while (text.charCodeAt(end - 1 - backslashes) === 0x5c) backslashes++;
        if (backslashes % 2 === 0) break;
        end = text.indexOf('"', end + 1);
      }
      if (end < 0) return null;
      const top = stack[stack.length - 1];
      if (top?.keys && top.expectKey) {
        let key = text.slice(i + 1, end);
        if (!ASCII_KEY.test(key)) {
          try {
            key = (JSON.parse(text.slice(i, end + 1)) as string).normalize('NFC');
          } catch {
            return null;
          }
        }
        top.at = key;
        if (top.keys.has(key))
          return { kind: 'duplicate', field: fieldPath(path()), message: `is named more than once in its object (at character ${i})` };
        top.keys.add(key);
        top.expectKey = false;
      }
      i = end;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (stack.length >= maxDepth) {
        return { kind: 'depth', field: '(body)', message: `nests objects and arrays deeper than ${maxDepth} levels (at character ${i})` };
      }
      stack.push(c === 0x7b ? { keys: new Set(), at: '', expectKey: true } : { keys: null, at: 0, expectKey: false });
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      if (!stack.pop()) return null;
    } else if (c === 0x2c /* , */) {
      const top = stack[stack.length - 1];
      if (!top) return null;
      if (top.keys) top.expectKey = true;
      else top.at = (top.at as number) + 1;
    }
  }
  return null;
}

/** Where JSON.parse gave up, in words of our own: V8's message quotes the text around it. */
function whereJsonBroke(error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  const position = /at position (\d+)/.exec(message);
  if (position) return `is not valid JSON (at character ${position[1]})`;
  if (/end of JSON input|Unterminated/i.test(message)) return 'is not valid JSON (it ends too soon)';
  return 'is not valid JSON';
}

/** A body's bytes as UTF-8 text: a declared charset must be UTF-8, and an invalid byte is refused where it stands. */
function decodeUtf8Body(bytes: Uint8Array, contentType: string | undefined, detail: string): string | MalformedBody | UnsupportedBody {
  const charset = charsetOf(contentType);
  if (charset !== null && charset !== 'utf-8' && charset !== 'utf8') return new UnsupportedBody(describeContentType(contentType));
  try {
    return utf8.decode(bytes);
  } catch {
    return new MalformedBody(`is not valid UTF-8 (at byte ${firstInvalidUtf8(bytes)})`, { detail });
  }
}

/** Reads a JSON body: its value (undefined when it is empty), or a MalformedBody or UnsupportedBody saying why not. */
export function parseJsonBody(bytes: Uint8Array, contentType?: string): ParsedBody {
  const text = decodeUtf8Body(bytes, contentType, 'The body is not UTF-8');
  if (typeof text !== 'string') return text;
  if (!text.trim()) return undefined;
  const structure = scanJson(text);
  if (structure?.kind === 'depth') return new MalformedBody(structure.message, { detail: 'The body is nested too deeply' });
  const parsed = { value: undefined as unknown };
  try {
    parsed.value = JSON.parse(text);
  } catch (error) {
    return new MalformedBody(whereJsonBroke(error));
  }
  const [fault, detail] = structure ? [structure, 'The body names a key twice in one object'] : [cleanJsonValue(parsed), undefined];
  if (!fault) return parsed.value;
  // An object is handed on marked, so a route may still authorise on what it says; validateBody refuses it.
  if (parsed.value !== null && typeof parsed.value === 'object') {
    markRefusedBody(parsed.value, { field: fault.field, message: fault.message }, detail);
    return parsed.value;
  }
  return new MalformedBody(fault.message, { field: fault.field, detail: 'The request has invalid fields' });
}

/**
 * Reads a text/plain body (a directive's text to import) as the edge reads
 * every string: UTF-8 (a declared charset must be UTF-8; an invalid byte is
 * refused), a leading byte order mark skipped, no control character but tab
 * and newline (a form feed, which PDF text extraction puts between pages,
 * read as a newline; CRLF read as LF), handed on in NFC. What is not text is
 * refused naming `(body)`.
 */
export function parseTextBody(bytes: Uint8Array, contentType?: string): TextBody | MalformedBody | UnsupportedBody {
  const decoded = decodeUtf8Body(bytes, contentType, 'The body is not UTF-8 text');
  if (typeof decoded !== 'string') return decoded;
  const text = decoded.replace(/\f/g, '\n');
  const fault = textFault(text);
  if (fault) return new MalformedBody(fault, { detail: 'The body is not text' });
  return new TextBody(tidyText(text));
}

/**
 * Replaces Fastify's JSON parser by parseJsonBody, reads text/plain with parseTextBody, and answers every other
 * media type with UnsupportedBody (415 once the route has authorised the
 * caller). The body is read as bytes, so the decoding is ours.
 */
export function installJsonBodies(fastify: FastifyInstance): void {
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    done(null, parseJsonBody(body as Buffer, request.headers['content-type']));
  });
  fastify.addContentTypeParser('text/plain', { parseAs: 'buffer' }, (request, body, done) => {
    done(null, parseTextBody(body as Buffer, request.headers['content-type']));
  });
  fastify.addContentTypeParser('*', { parseAs: 'buffer' }, (request, _body, done) => {
    done(null, new UnsupportedBody(describeContentType(request.headers['content-type'])));
  });
}
