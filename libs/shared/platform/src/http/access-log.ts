import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Principal } from '@dm/contracts';

/** One read of the API by a signed-in caller: who, when, what, with which filters, and the answer's status. */
export interface AccessEntry {
  principal: Principal;
  correlationId: string;
  method: string;
  /** The route as served, e.g. `/api/v1/audit/assignments/:id/timeline`. */
  route: string;
  params: Record<string, string>;
  query: Record<string, unknown>;
  status: number;
  at: string;
}

/** Where reads are recorded (docs/audit.md, "The access log"); the composition gives one, or none. */
export interface AccessLogSink {
  record(entry: AccessEntry): Promise<void>;
}

/** Reads of the registry, of the checkpoint key and of one's own sign-in (every page asks it) are not inspection or report reads. */
const NOT_LOGGED = [/^\/api\/v1\/agencies(\/|$)/, /^\/api\/v1\/registry\//, /^\/api\/v1\/audit\/public-key$/, /^\/api\/v1\/auth\//];

export const isLoggedRead = (method: string, route: string) =>
  method === 'GET' && route.startsWith('/api/v1/') && !NOT_LOGGED.some((pattern) => pattern.test(route));

/**
 * Records every signed-in read of a report or inspection route before its
 * answer leaves: a read whose entry cannot be written is not answered.
 */
export function recordReads(fastify: FastifyInstance, sink: AccessLogSink, clock: () => Date = () => new Date()): void {
  fastify.addHook('onSend', async (request, reply, payload) => {
    const principal = (request as FastifyRequest & { principal?: Principal }).principal;
    const route = request.routeOptions?.url;
    if (!principal || !route || !isLoggedRead(request.method, route)) return payload;
    await sink.record({
      principal,
      correlationId: String(request.id),
      method: request.method,
      route,
      params: { ...((request.params ?? {}) as Record<string, string>) },
      query: { ...((request.query ?? {}) as Record<string, unknown>) },
      status: reply.statusCode,
      at: clock().toISOString(),
    });
    return payload;
  });
}
