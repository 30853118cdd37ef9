/**
 * What went wrong with a command, as the HTTP layer maps it:
 * `invalid` → 400/422 with the field at fault, `conflict` → 409, `not_found` → 404.
 */
export type DomainErrorCode = 'invalid' | 'conflict' | 'not_found';

/** A rule of the domain refused a command or a query. */
export class DomainError extends Error {
  /**
   * @param code  how the refusal maps to HTTP
   * @param field JSON path of the input at fault, e.g. `tasks[2].lead[0]` or `deadline`
   */
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
