import type { FastifyRequest } from 'fastify';
import { v7 as uuidv7 } from 'uuid';

/** The correlation id of a request: the client's X-Correlation-Id, or a new one. */
export function correlationIdOf(request: FastifyRequest): string {
  const header = request.headers['x-correlation-id'];
  return typeof header === 'string' && header.length > 0 && header.length <= 200 ? header : uuidv7();
}

export function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const header = request.headers['idempotency-key'];
  return typeof header === 'string' ? header : undefined;
}
