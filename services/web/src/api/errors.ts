import type { Problem } from '../logic/problem';

/** The server answered with a problem (4xx, 5xx other than 503). */
export class ApiError extends Error {
  constructor(
    readonly problem: Problem,
    /** Seconds a 429 or a concurrency conflict asks to wait. */
    readonly retryAfter: number | null = null,
  ) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
  }

  get status(): number {
    return this.problem.status;
  }
}

/** The request did not reach the server, or the server is temporarily not serving (503): what was typed must be kept. */
export class ConnectionError extends Error {
  constructor(readonly kind: 'offline' | 'unavailable') {
    super(kind === 'offline' ? 'network failure' : 'service unavailable');
    this.name = 'ConnectionError';
  }
}

export const isForbiddenOrMissing = (error: unknown) => error instanceof ApiError && (error.status === 403 || error.status === 404);
