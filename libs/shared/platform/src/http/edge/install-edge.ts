import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { BodyTooLarge, bodyClassOf, declaredOver, hasBody, LimitedBody } from './body-limits';
import { answerClientErrors } from './client-errors';
import { limitConnectionsPerAddress } from './connection-limit';
import { corsAnswer, withVary } from './cors';
import { resolveEdge, type EdgeOptions } from './edge-options';
import { PROBLEM_TYPE, problemBody } from './problem-answer';
import { applySecurityHeaders, cameOverHttps, securityHeaders } from './security-headers';
import { TokenBuckets } from './token-bucket';

/** Where onRoute leaves a route's body timeout, in its config. */
const BODY_TIMEOUT = 'edgeBodyTimeoutMs';

const httpsOf = (request: FastifyRequest) =>
  cameOverHttps(request.headers, (request.raw.socket as { encrypted?: boolean } | null)?.encrypted === true);

/**
 * The Fastify server options the edge needs, given to the adapter when it is
 * made: whose forwarded address is believed, the whole-request and
 * keep-alive timeouts, the default body limit, and malformed URLs answered
 * as problem+json (Fastify answers them in plain JSON, echoing the URL).
 */
export function edgeServerOptions(options?: EdgeOptions) {
  const edge = resolveEdge(options);
  return {
    trustProxy: edge.trustProxy,
    requestTimeout: edge.requestTimeoutMs,
    keepAliveTimeout: edge.keepAliveTimeoutMs,
    bodyLimit: edge.bodyLimit,
    routerOptions: { maxParamLength: 200 },
    frameworkErrors: (error: Error & { code?: string; statusCode?: number }, request: FastifyRequest, reply: FastifyReply) => {
      const status = error.code === 'FST_ERR_BAD_URL' ? 400 : (error.statusCode ?? 400);
      const detail =
        error.code === 'FST_ERR_BAD_URL' ? 'The URL is not valid: its percent-encoding does not decode' : 'The request cannot be routed';
      reply
        .code(status >= 400 && status < 500 ? status : 400)
        .headers({ ...securityHeaders(httpsOf(request)), 'content-type': PROBLEM_TYPE })
        .send(problemBody(status >= 400 && status < 500 ? status : 400, detail));
    },
  };
}

/**
 * Installs the HTTP edge on a Fastify instance before anything else sees a
 * request (docs/security.md, "Limits and headers"): connection and header
 * timeouts, connections per address, the rate limit per address (first
 * onRequest hook) and per principal (preParsing, once the auth hook has
 * named the caller), CORS, per-route body limits and body timeouts, problem+json
 * for requests Node cannot parse, and the security headers on every answer.
 */
export function installEdge(fastify: FastifyInstance, options?: EdgeOptions): void {
  const edge = resolveEdge(options);
  const server = fastify.server;
  server.headersTimeout = edge.headersTimeoutMs;
  server.requestTimeout = edge.requestTimeoutMs;
  server.keepAliveTimeout = edge.keepAliveTimeoutMs;
  // Node checks the header and request timeouts on this period (30 s by default), so they would fire up to that late.
  (server as { connectionsCheckingInterval?: number }).connectionsCheckingInterval = 1_000;
  answerClientErrors(server);
  if (edge.maxConnectionsPerAddress > 0) limitConnectionsPerAddress(server, edge.maxConnectionsPerAddress);

  const perAddress = edge.rateLimit ? new TokenBuckets(edge.rateLimit.address) : null;
  const perPrincipal = edge.rateLimit ? new TokenBuckets(edge.rateLimit.principal) : null;
  const origins = new Set(edge.corsOrigins);

  fastify.addHook('onRoute', (route) => {
    const method = [route.method].flat().find((m) => m !== 'HEAD') ?? 'GET';
    const kind = bodyClassOf(method, route.url);
    route.bodyLimit = kind === 'normal' ? edge.bodyLimit : kind === 'text' ? edge.textBodyLimit : edge.largeBodyLimit;
    route.config = { ...(route.config ?? {}), [BODY_TIMEOUT]: kind === 'attachment' ? edge.attachmentBodyTimeoutMs : edge.bodyTimeoutMs };
  });

  const tooMany = (reply: FastifyReply, retryAfterSeconds: number, whose: string) =>
    reply
      .code(429)
      .header('retry-after', String(retryAfterSeconds))
      .type(PROBLEM_TYPE)
      .send(problemBody(429, `Too many requests from ${whose}; retry after ${retryAfterSeconds} s`));

  fastify.addHook('onRequest', async (request, reply) => {
    const cors = corsAnswer(
      origins,
      request.method,
      request.headers.origin,
      request.headers['access-control-request-method'] !== undefined,
    );
    if (perAddress) {
      const taken = perAddress.take(request.ip);
      if (!taken.ok) return tooMany(reply, taken.retryAfterSeconds, 'this address');
    }
    if (cors.preflight) return reply.code(204).headers(cors.headers).send();
    if (hasBody(request.headers)) armBodyTimeout(request, reply);
  });

  fastify.addHook('preParsing', async (request, reply, payload) => {
    const sub = (request as { principal?: { sub?: unknown } }).principal?.sub;
    if (perPrincipal && typeof sub === 'string') {
      const taken = perPrincipal.take(sub);
      if (!taken.ok) return tooMany(reply, taken.retryAfterSeconds, 'this user');
    }
    if (!hasBody(request.headers)) return payload;
    const limit = request.routeOptions.bodyLimit ?? edge.bodyLimit;
    if (declaredOver(request.headers, limit)) {
      reply.header('connection', 'close');
      throw new BodyTooLarge(limit);
    }
    const limited = new LimitedBody(limit);
    limited.once('error', () => reply.header('connection', 'close'));
    payload.once('error', (error) => limited.destroy(error));
    return payload.pipe(limited);
  });

  fastify.addHook('onSend', async (request, reply, payload) => {
    applySecurityHeaders({ has: (name) => reply.hasHeader(name), set: (name, value) => void reply.header(name, value) }, httpsOf(request));
    const cors = corsAnswer(
      origins,
      request.method,
      request.headers.origin,
      request.headers['access-control-request-method'] !== undefined,
    );
    if (!cors.preflight)
      for (const [name, value] of Object.entries(cors.headers))
        reply.header(name, name === 'vary' ? withVary(reply.getHeader('vary') as string | undefined, value) : value);
    return payload;
  });

  /** A body not all arrived within the route's timeout of its headers: 408 if nothing was answered yet, and the connection closed. */
  function armBodyTimeout(request: FastifyRequest, reply: FastifyReply) {
    const ms = (request.routeOptions.config as unknown as Record<string, unknown> | undefined)?.[BODY_TIMEOUT];
    const timeoutMs = typeof ms === 'number' ? ms : edge.bodyTimeoutMs;
    const socket = request.raw.socket;
    const timer = setTimeout(() => {
      if (reply.sent || reply.raw.headersSent) return void socket.destroy();
      reply.raw.once('finish', () => socket.destroy());
      reply
        .code(408)
        .header('connection', 'close')
        .type(PROBLEM_TYPE)
        .send(problemBody(408, `The body did not arrive within ${timeoutMs / 1000} s of the headers`));
    }, timeoutMs);
    timer.unref();
    // The request's own events only: a listener on the socket would pile up over a kept-alive connection's requests.
    const clear = () => clearTimeout(timer);
    request.raw.once('end', clear);
    request.raw.once('close', clear);
  }
}
