import type { FastifyRequest } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import type { Principal } from '../auth/principal';
import { commandIdentity, type CommandIdentity } from './idempotency';

/** The correlation id of a request: the client's X-Correlation-Id, or a new one. */
export function correlationIdOf(request: FastifyRequest): string {
  const header = request.headers['x-correlation-id'];
  return typeof header === 'string' && header.length > 0 && header.length <= 200 ? header : uuidv7();
}

export function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const header = request.headers['idempotency-key'];
  return typeof header === 'string' ? header : undefined;
}

/** Who sends a command, its idempotent identity and its correlation id. */
export interface CommandMeta {
  principal: Principal;
  identity: CommandIdentity;
  correlationId: string;
}

/** The command metadata of a request to `route` (the route names the resource, so keys are scoped to it). */
export function commandMeta(principal: Principal, route: string, request: FastifyRequest, body: unknown): CommandMeta {
  return {
    principal,
    identity: commandIdentity(principal.sub, route, idempotencyKeyOf(request), body),
    correlationId: correlationIdOf(request),
  };
}
