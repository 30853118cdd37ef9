import type { FastifyRequest } from 'fastify';
import { actorOf, type Role } from '@dm/contracts';
import type { CommandMetadata } from '@dm/eventsourcing';
import { startOfVietnamDay } from '@dm/periods';
import type { CommandCall } from '../auth/auth.guard';
import { commandIdentity } from './idempotency';

export function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const header = request.headers['idempotency-key'];
  return typeof header === 'string' ? header : undefined;
}

/**
 * `POST /api/v1/assignments/<id>/progress`: what an idempotency key is scoped
 * to, besides the caller. Built from the route and its decoded parameters, so
 * two spellings of one URL (`%31`, `1`) are one route.
 */
export function routeOf(request: FastifyRequest): string {
  const params = request.params as Record<string, string>;
  const template = request.routeOptions.url ?? request.url.split('?')[0];
  return `${request.method} ${template.replace(/:([A-Za-z]+)/g, (_, name: string) => params[name] ?? `:${name}`)}`;
}

/**
 * The metadata of a command: its identity (the Idempotency-Key scoped to
 * caller and route, and the body's hash), the caller acting in `actingAs`,
 * the request's correlation id (X-Correlation-Id, or one made for it), and
 * the business date its events happen on.
 */
export function commandMetadata({ request, principal }: CommandCall, body: unknown, actingAs: Role, businessDate: string): CommandMetadata {
  return {
    ...commandIdentity(principal.sub, routeOf(request), idempotencyKeyOf(request), body),
    actor: actorOf(principal, actingAs),
    correlationId: request.id,
    occurredAt: startOfVietnamDay(businessDate),
  };
}
