import type { IncomingMessage, OutgoingHttpHeaders, Server, ServerResponse } from 'node:http';
import { hasBody } from './body-limits';
import { answerClientErrors } from './client-errors';
import { limitConnectionsPerAddress } from './connection-limit';
import { corsAnswer, withVary } from './cors';
import { resolveEdge, type EdgeOptions, type ResolvedEdge } from './edge-options';
import { PROBLEM_TYPE, problemBody } from './problem-answer';
import { cameOverHttps, securityHeaders } from './security-headers';
import { TokenBuckets } from './token-bucket';
import { clientAddressResolver } from './trusted-proxies';

/**
 * The edge for a plain Node HTTP server (the gateway): the same timeouts,
 * connection limit, problem+json for unparsable requests, rate limit per
 * address, CORS and security headers as installEdge gives a Fastify app.
 * The limit per principal and the body limits are the services' (they know
 * the caller and the route).
 */
export class NodeEdge {
  readonly edge: ResolvedEdge;
  private readonly perAddress: TokenBuckets | null;
  private readonly origins: Set<string>;
  /** The client's address, believing X-Forwarded-For only from trusted proxies. */
  readonly addressOf: (req: IncomingMessage) => string;

  constructor(server: Server, options?: EdgeOptions) {
    this.edge = resolveEdge(options);
    server.headersTimeout = this.edge.headersTimeoutMs;
    server.requestTimeout = this.edge.requestTimeoutMs;
    server.keepAliveTimeout = this.edge.keepAliveTimeoutMs;
    (server as { connectionsCheckingInterval?: number }).connectionsCheckingInterval = 1_000;
    answerClientErrors(server);
    if (this.edge.maxConnectionsPerAddress > 0) limitConnectionsPerAddress(server, this.edge.maxConnectionsPerAddress);
    this.perAddress = this.edge.rateLimit ? new TokenBuckets(this.edge.rateLimit.address) : null;
    this.origins = new Set(this.edge.corsOrigins);
    const resolve = clientAddressResolver(this.edge.trustProxy);
    this.addressOf = (req) => resolve(req.socket.remoteAddress ?? 'unknown', req.headers['x-forwarded-for']);
  }

  /**
   * Sets the security and CORS headers on the answer, then answers a
   * request over its address's rate (429) or a CORS preflight (204) itself:
   * false when it did, and the request goes no further.
   */
  admit(req: IncomingMessage, res: ServerResponse): boolean {
    const cors = corsAnswer(
      this.origins,
      req.method ?? 'GET',
      req.headers.origin,
      req.headers['access-control-request-method'] !== undefined,
    );
    for (const [name, value] of Object.entries({ ...securityHeaders(cameOverHttps(req.headers)), ...cors.headers }))
      res.setHeader(name, value);
    const taken = this.perAddress?.take(this.addressOf(req));
    if (taken && !taken.ok) {
      res.writeHead(429, { 'content-type': PROBLEM_TYPE, 'retry-after': String(taken.retryAfterSeconds) });
      res.end(problemBody(429, `Too many requests from this address; retry after ${taken.retryAfterSeconds} s`));
      return false;
    }
    if (cors.preflight) {
      res.writeHead(204).end();
      return false;
    }
    if (hasBody(req.headers)) this.armBodyTimeout(req, res);
    return true;
  }

  /** Another answer's headers (a service's, a page's) over the edge's: theirs win, and Vary names both. */
  merge(res: ServerResponse, headers: OutgoingHttpHeaders | Record<string, string>): void {
    for (const [name, value] of Object.entries(headers)) {
      if (value === undefined) continue;
      if (name.toLowerCase() === 'vary' && res.hasHeader('vary'))
        res.setHeader('vary', withVary(String(res.getHeader('vary')), String(value)));
      else res.setHeader(name, value);
    }
  }

  private armBodyTimeout(req: IncomingMessage, res: ServerResponse) {
    const attachment = /^\/api\/v1\/(assignments\/[^/]+\/(progress|completion)|reporting\/regimes\/[^/]+\/submissions)(\?|$)/.test(
      req.url ?? '',
    );
    const ms = attachment ? this.edge.attachmentBodyTimeoutMs : this.edge.bodyTimeoutMs;
    const timer = setTimeout(() => {
      if (!res.headersSent) {
        res.writeHead(408, { 'content-type': PROBLEM_TYPE, connection: 'close' });
        res.end(problemBody(408, `The body did not arrive within ${ms / 1000} s of the headers`), () => req.socket.destroy());
      } else req.socket.destroy();
    }, ms);
    timer.unref();
    const clear = () => clearTimeout(timer);
    req.once('end', clear);
    req.once('close', clear);
  }
}
