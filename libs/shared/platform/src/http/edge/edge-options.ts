import type { Rate } from './token-bucket';

/**
 * What the HTTP edge limits and answers (docs/security.md, "Limits and
 * headers"). Every field is optional: an absent one takes its default below.
 */
export interface EdgeOptions {
  /** Requests per principal (after the token is checked) and per address (before anything else); false: no rate limit. */
  rateLimit?: { principal: Rate; address: Rate } | false;
  /** Open connections per remote address; more are closed at once. 0: no limit (a service behind the gateway sees only the gateway). */
  maxConnectionsPerAddress?: number;
  /** Origins other sites' scripts may call the API from (exact `scheme://host[:port]`); none: CORS closed. */
  corsOrigins?: string[];
  /** Which callers' X-Forwarded-For/-Proto are believed (Fastify's trustProxy: addresses, CIDRs, `loopback`…); false: none. */
  trustProxy?: boolean | string | string[];
  /** The request line and headers must arrive within this (Node's headersTimeout). */
  headersTimeoutMs?: number;
  /** A whole request must arrive within this (Node's requestTimeout). */
  requestTimeoutMs?: number;
  /** An idle kept-alive connection is closed after this. */
  keepAliveTimeoutMs?: number;
  /** A body must have arrived within this of the headers, else 408 and the connection is closed. */
  bodyTimeoutMs?: number;
  /** The same for the routes that carry an attached file. */
  attachmentBodyTimeoutMs?: number;
  /** The largest body of a route, in bytes. */
  bodyLimit?: number;
  /** The largest body of a route that carries an attached file or a bulk import. */
  largeBodyLimit?: number;
  /** The largest directive text to import (POST /api/v1/directives/import). */
  textBodyLimit?: number;
}

export const EDGE_DEFAULTS = {
  rateLimit: { principal: { burst: 200, perSecond: 50 }, address: { burst: 400, perSecond: 100 } },
  maxConnectionsPerAddress: 64,
  corsOrigins: [] as string[],
  trustProxy: false,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 120_000,
  keepAliveTimeoutMs: 65_000,
  bodyTimeoutMs: 15_000,
  attachmentBodyTimeoutMs: 120_000,
  bodyLimit: 256 * 1024,
  largeBodyLimit: 5 * 1024 * 1024,
  textBodyLimit: 1024 * 1024,
} satisfies Required<EdgeOptions>;

export type ResolvedEdge = Required<EdgeOptions>;

export const resolveEdge = (options: EdgeOptions = {}): ResolvedEdge => {
  const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  return { ...EDGE_DEFAULTS, ...defined } as ResolvedEdge;
};
