/**
 * Why a command or a query was refused, in domain terms. The HTTP edge maps
 * each kind to a status once (libs/shared/platform/src/http/problem.filter.ts):
 * invalid 400, forbidden 403, not_found 404, conflict 409, unprocessable 422.
 */
export type DomainErrorKind = 'invalid' | 'forbidden' | 'not_found' | 'conflict' | 'unprocessable';

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;

  /**
   * @param field JSON path of the input at fault, e.g. `tasks[2].lead[0]` or `reportedOn`
   * @param fieldMessage what is wrong with that field, when it says less than `message`
   */
  constructor(
    message: string,
    readonly field?: string,
    readonly fieldMessage?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The input breaks a rule of the domain (a date before the issue date, an unknown agency). */
export class ValidationError extends DomainError {
  readonly kind = 'invalid';
}

/** The caller may not do this (docs/architecture.md, "Where each rule lives"). */
export class ForbiddenError extends DomainError {
  readonly kind = 'forbidden';
}

export class NotFoundError extends DomainError {
  readonly kind = 'not_found';
}

/** The state forbids the command (already issued, already confirmed, cancelled). */
export class IllegalStateError extends DomainError {
  readonly kind = 'conflict';
}

/**
 * Well-formed input that contradicts what the record already holds: a date
 * before one already recorded (a completion dated before its return, a
 * cancellation before the last report). Nothing was written.
 */
export class RuleViolationError extends DomainError {
  readonly kind = 'unprocessable';
}

/** Writes to a stream kept conflicting after every retry; nothing was written. */
export class ConcurrencyError extends DomainError {
  readonly kind = 'conflict';
}

/** Too many writes wait on one stream, or it stayed busy too long; nothing was written. */
export class StreamBusyError extends ConcurrencyError {}

/** An idempotency key sent again with another body; nothing was written. */
export class IdempotencyKeyReusedError extends DomainError {
  readonly kind = 'unprocessable';

  constructor() {
    super('This Idempotency-Key was already used with a different body', 'Idempotency-Key', 'reused with a different body');
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;
