import type { IncomingHttpHeaders } from 'node:http';
import { Transform, type TransformCallback } from 'node:stream';
import { ProblemError } from '../problem';

export type BodyClass = 'normal' | 'text' | 'large' | 'attachment';

/**
 * The routes whose bodies may be large: those that carry an attached file
 * (base64 in the JSON body, up to MAX_ATTACHMENT_BYTES), the bulk ones
 * (a directive of up to 500 tasks, a registry edition, a group's members),
 * and a directive's text to import (`text`, about 1 MB). Every other route
 * takes the small default.
 */
const LARGE: Array<[method: string, route: RegExp, kind: Exclude<BodyClass, 'normal'>]> = [
  ['POST', /^\/api\/v1\/assignments\/:[^/]+\/(progress|completion)$/, 'attachment'],
  ['POST', /^\/api\/v1\/reporting\/regimes\/:[^/]+\/submissions$/, 'attachment'],
  ['POST', /^\/api\/v1\/directives$/, 'large'],
  ['POST', /^\/api\/v1\/directives\/import$/, 'text'],
  ['PUT', /^\/api\/v1\/directives\/imports\/:[^/]+$/, 'large'],
  ['POST', /^\/api\/v1\/registry\/import$/, 'large'],
  ['POST', /^\/api\/v1\/agencies\/groups(\/:[^/]+\/members)?$/, 'large'],
];

/** Which limits a route takes, from its method and its route pattern (`/api/v1/assignments/:id/progress`). */
export function bodyClassOf(method: string, route: string): BodyClass {
  return LARGE.find(([m, pattern]) => m === method && pattern.test(route))?.[2] ?? 'normal';
}

/** Whether a request carries a body at all (a length above 0, or chunks). */
export function hasBody(headers: IncomingHttpHeaders): boolean {
  return headers['transfer-encoding'] !== undefined || Number(headers['content-length'] ?? 0) > 0;
}

/** A 413 Fastify's body reader passes on to the problem filter as it is. */
export class BodyTooLarge extends ProblemError {
  readonly statusCode = 413;
  constructor(limit: number) {
    super(413, 'Payload too large', `The body is larger than this route takes: at most ${limit} bytes`);
  }
}

/** Whether the declared length is already over the limit. */
export const declaredOver = (headers: IncomingHttpHeaders, limit: number): boolean => Number(headers['content-length'] ?? 0) > limit;

/**
 * The body passed through unchanged, counted: one byte over `limit` (with or
 * without Content-Length, so chunked bodies too) fails it with BodyTooLarge,
 * and nothing more is read.
 */
export class LimitedBody extends Transform {
  receivedEncodedLength = 0;

  constructor(private readonly limit: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
    this.receivedEncodedLength += chunk.length;
    if (this.receivedEncodedLength > this.limit) return done(new BodyTooLarge(this.limit));
    done(null, chunk);
  }
}
