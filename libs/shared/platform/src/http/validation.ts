import type { z } from 'zod';
import { ProblemError, problems, type FieldError } from './problem';

/** Marks a body that was not JSON; reported only after authorisation was checked. */
export class MalformedBody {
  constructor(readonly reason: string) {}
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
  if (body instanceof UnsupportedBody) {
    throw new ProblemError(415, 'Unsupported media type', `Send application/json, not ${body.contentType}`, [
      { field: '(body)', message: 'must be application/json' },
    ]);
  }
  if (body instanceof MalformedBody) throw problems.invalid([{ field: '(body)', message: body.reason }], 'The body is not valid JSON');
  if (body === undefined || body === null) throw problems.invalid([{ field: '(body)', message: 'a JSON object is required' }]);
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const errors: FieldError[] = result.error.issues.map((issue) => ({
    field: fieldPath(issue.path) || '(body)',
    message: issue.message,
  }));
  throw problems.invalid(errors);
}

/** Parses query parameters the same way. */
export const validateQuery = validateBody;
