import type { z } from 'zod';
import { ProblemError, problems, type FieldError } from './problem';

/**
 * Marks a body refused as it was read (not JSON, not UTF-8, too deep, a key
 * twice, a string that is not text; ./json-body.ts); reported as a 400 only
 * after authorisation was checked. `reason` says where, never what the body holds.
 */
export class MalformedBody {
  readonly field: string;
  readonly detail: string;
  constructor(
    readonly reason: string,
    options: { field?: string; detail?: string } = {},
  ) {
    this.field = options.field ?? '(body)';
    this.detail = options.detail ?? 'The body is not valid JSON';
  }
}

const refusedBodies = new WeakMap<object, { fault: FieldError; detail: string }>();

/**
 * Marks a parsed body refused for what it holds (a string that is not text,
 * a key named twice; ./json-body.ts): validateBody refuses it as it would an
 * invalid field, once the route has authorised the caller on what the body
 * says (a directive's issuer).
 */
export function markRefusedBody(body: object, fault: FieldError, detail = 'The request has invalid fields'): void {
  refusedBodies.set(body, { fault, detail });
}

/** A text/plain body read as clean text (./json-body.ts): only a route that reads text takes it (textOrJsonBody); to the others it is 415. */
export class TextBody {
  constructor(readonly text: string) {}
}

/** Marks a body of another media type than JSON; reported (415) only after authorisation was checked. */
export class UnsupportedBody {
  constructor(readonly contentType: string) {}
}

export function fieldPath(path: Array<string | number>): string {
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${part}` : part), '');
}

/** Parses a request body against its schema, or throws a 400 problem naming each field at fault. */
export function validateBody<S extends z.ZodTypeAny>(schema: S, body: unknown): z.infer<S> {
  if (body instanceof UnsupportedBody || body instanceof TextBody) {
    const contentType = body instanceof TextBody ? 'text/plain' : body.contentType;
    throw new ProblemError(415, 'Unsupported media type', `Send application/json, not ${contentType}`, [
      { field: '(body)', message: 'must be application/json, in UTF-8' },
    ]);
  }
  if (body instanceof MalformedBody) throw problems.invalid([{ field: body.field, message: body.reason }], body.detail);
  if (body === undefined || body === null) throw problems.invalid([{ field: '(body)', message: 'a JSON object is required' }]);
  const refused = typeof body === 'object' ? refusedBodies.get(body) : undefined;
  if (refused) throw problems.invalid([refused.fault], refused.detail);
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const errors: FieldError[] = result.error.issues.slice(0, MAX_ERRORS).map((issue) => ({
    field: fieldPath(issue.path) || '(body)',
    message: messageOf(issue),
  }));
  throw problems.invalid(errors);
}

/** The most field errors one answer lists (a list of 5,000 bad rows is answered by its first ones). */
const MAX_ERRORS = 100;
/** The longest message a field error carries: zod's own may quote what was sent. */
const MAX_MESSAGE = 300;

/** An issue's message, without the value sent: zod's enum message ends "received '<the value>'". */
function messageOf(issue: z.ZodIssue): string {
  if (issue.code === 'invalid_enum_value' && issue.message.startsWith('Invalid enum value'))
    return `must be one of ${issue.options.join(', ')}`.slice(0, MAX_MESSAGE);
  return issue.message.length > MAX_MESSAGE ? `${issue.message.slice(0, MAX_MESSAGE)}…` : issue.message;
}

/**
 * A route that reads a text: the text of a text/plain body, or `text` of a
 * JSON body `{ "text": "…" }` checked against `schema`. Another media type
 * is 415 naming both.
 */
export function textOrJsonBody<S extends z.ZodType<{ text: string }>>(schema: S, body: unknown): string {
  if (body instanceof TextBody) return body.text;
  if (body instanceof UnsupportedBody)
    throw new ProblemError(415, 'Unsupported media type', `Send text/plain or application/json, not ${body.contentType}`, [
      { field: '(body)', message: 'must be text/plain or application/json, in UTF-8' },
    ]);
  return validateBody(schema, body).text;
}

/** Parses query parameters the same way. */
export const validateQuery = validateBody;
