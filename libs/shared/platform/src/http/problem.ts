/** One field at fault, as a JSON path into the request ("tasks[2].lead[0]", "reportedOn"). */
export interface FieldError {
  field: string;
  message: string;
}

/** An RFC 9457 problem, thrown by any layer and answered as application/problem+json. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly errors: FieldError[] = [],
    /** Headers the answer carries besides the problem (Retry-After). */
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? title);
    this.name = 'ProblemError';
  }
}

export const problems = {
  invalid: (errors: FieldError[], detail = 'The request has invalid fields') => new ProblemError(400, 'Invalid request', detail, errors),
  unauthenticated: (detail = 'A valid bearer token is required') => new ProblemError(401, 'Unauthenticated', detail),
  forbidden: (detail: string) => new ProblemError(403, 'Forbidden', detail),
  notFound: (detail: string) => new ProblemError(404, 'Not found', detail),
  conflict: (detail: string, errors: FieldError[] = []) => new ProblemError(409, 'Conflict', detail, errors),
  unprocessable: (detail: string, errors: FieldError[] = []) => new ProblemError(422, 'Unprocessable request', detail, errors),
  unavailable: (detail: string) => new ProblemError(503, 'Service unavailable', detail),
  tooManyRequests: (detail: string, retryAfterSeconds: number) =>
    new ProblemError(429, 'Too many requests', detail, [], { 'retry-after': String(retryAfterSeconds) }),
};
