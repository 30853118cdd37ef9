import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ConcurrencyError, DomainError, type DomainErrorKind } from '@dm/eventsourcing';
import { ProblemError } from './problem';

/** The one mapping of domain refusals to HTTP. */
const STATUS_OF: Record<DomainErrorKind, number> = { invalid: 400, forbidden: 403, not_found: 404, conflict: 409, unprocessable: 422 };
const TITLE_OF: Record<number, string> = {
  400: 'Invalid request',
  401: 'Unauthenticated',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable request',
  429: 'Too many requests',
  503: 'Service unavailable',
};

/** Answers every error as RFC 9457 application/problem+json. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost) {
    const ctx = host.switchToHttp();
    sendProblem(ctx.getResponse<FastifyReply>(), ctx.getRequest<FastifyRequest>(), exception);
  }
}

/** Answers an error as application/problem+json: from the filter, or from a hook that runs before the route (authentication, limits). */
export function sendProblem(reply: FastifyReply, request: FastifyRequest, exception: unknown): FastifyReply {
  const problem = toProblem(exception);
  if (problem.status >= 500) request.log.error({ err: exception }, 'request failed');
  if (exception instanceof ConcurrencyError) reply.header('retry-after', '1');
  for (const [name, value] of Object.entries(problem.headers)) reply.header(name, value);
  return reply
    .status(problem.status)
    .header('content-type', 'application/problem+json; charset=utf-8')
    .send({
      type: 'about:blank',
      title: problem.title,
      status: problem.status,
      ...(problem.detail ? { detail: problem.detail } : {}),
      instance: request.url,
      ...(problem.errors.length ? { errors: problem.errors } : {}),
    });
}

export function toProblem(exception: unknown): ProblemError {
  if (exception instanceof ProblemError) return exception;
  if (exception instanceof DomainError) {
    const status = STATUS_OF[exception.kind];
    const errors = exception.field
      ? [{ field: capped(exception.field), message: capped(exception.fieldMessage ?? exception.message) }]
      : [];
    return new ProblemError(status, TITLE_OF[status], capped(exception.message), errors);
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    return new ProblemError(status, TITLE_OF[status] ?? 'Error', capped(exception.message));
  }
  const statusCode = (exception as { statusCode?: number })?.statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    return new ProblemError(statusCode, TITLE_OF[statusCode] ?? 'Error', capped((exception as Error).message));
  }
  return new ProblemError(
    500,
    'Internal error',
    'The server failed to answer; retry with the same Idempotency-Key to learn whether the write was taken.',
  );
}

/** The most of a message a problem carries: a domain message may quote what was sent (an unknown agency's id, a route not found). */
const MAX_QUOTED = 300;
const capped = (message: string) => (message.length > MAX_QUOTED ? `${message.slice(0, MAX_QUOTED)}…` : message);
