import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '@dm/periods';
import { ProblemError } from './problem';

const statusForDomain = { invalid: 400, conflict: 409, not_found: 404 } as const;
const titleForStatus: Record<number, string> = {
  400: 'Invalid request',
  401: 'Unauthenticated',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable request',
  503: 'Service unavailable',
};

/** Answers every error as RFC 9457 application/problem+json. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost) {
    const ctx = host.switchToHttp();
    const reply = ctx.getResponse<FastifyReply>();
    const request = ctx.getRequest<FastifyRequest>();
    const problem = this.toProblem(exception);
    if (problem.status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    reply
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

  private toProblem(exception: unknown): ProblemError {
    if (exception instanceof ProblemError) return exception;
    if (exception instanceof DomainError) {
      const status = statusForDomain[exception.code];
      const errors = exception.field ? [{ field: exception.field, message: exception.message }] : [];
      return new ProblemError(status, titleForStatus[status], exception.message, errors);
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return new ProblemError(status, titleForStatus[status] ?? 'Error', exception.message);
    }
    const statusCode = (exception as { statusCode?: number })?.statusCode;
    if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
      return new ProblemError(statusCode, titleForStatus[statusCode] ?? 'Error', (exception as Error).message);
    }
    return new ProblemError(500, 'Internal error', 'The server failed to answer; retry with the same Idempotency-Key to learn whether the write was taken.');
  }
}
