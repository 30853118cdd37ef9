import { Agent, createServer, request, type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServiceName } from '../service-config';
import { JWKS_PATH, NodeEdge, type EdgeOptions, type TokenService, type WebAssets } from '@dm/platform';

export interface GatewayOptions {
  /**
   * Where each service listens; several instances of one (report-projection scaled out) as URLs separated by commas:
   * reads of the read models go to them in turn, the rest to the first (spreadsOverInstances).
   */
  upstreams: Record<ServiceName, string>;
  /** An upstream that has not answered within this is a 504 (default 30 s: a write may wait on a slow store). */
  timeoutMs?: number;
  /** The built web app, served at `/` (the same origin as the API). */
  web?: WebAssets | null;
  /** Verifies bearer tokens with the sign-in component's public keys before a request is forwarded (its body unread). */
  tokens?: TokenService;
  /** Limits, timeouts, CORS and security headers (docs/security.md, "Limits and headers"); absent: the defaults. */
  edge?: EdgeOptions;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'host']);

/**
 * Which service answers a request. Commands go to the service that owns the
 * stream; the registry (its reads, changes, timeline and transfers), import
 * drafts, sign-in and accounts to task-assignment; an assignment's attached files to
 * progress-events; every other read (statuses, summaries, timelines, state)
 * and the API documents to report-projection.
 */
export function routeOf(method: string, path: string): ServiceName {
  const write = method !== 'GET' && method !== 'HEAD';
  if (path.startsWith('/api/v1/agencies') || path.startsWith('/api/v1/registry')) return 'task-assignment';
  if (path.startsWith('/api/v1/auth/') || path === '/api/v1/accounts' || path.startsWith('/api/v1/accounts/')) return 'task-assignment';
  if (path === JWKS_PATH) return 'task-assignment';
  // An import's drafts are task-assignment's own streams, read there too.
  if (path === '/api/v1/directives/import' || path.startsWith('/api/v1/directives/imports/')) return 'task-assignment';
  if (!write && /^\/api\/v1\/assignments\/[^/]+\/attachments\//.test(path)) return 'progress-events';
  if (write && path.startsWith('/api/v1/directives')) return 'task-assignment';
  if (write && path.startsWith('/api/v1/assignments/')) return 'progress-events';
  return 'report-projection';
}

/**
 * Reads answered from the report read models alone (directives, assignments,
 * summaries, timelines, states), which every instance of report-projection
 * holds alike: these go to its instances in turn. The rest of what
 * report-projection serves keeps state of its own instance (the reporting
 * ledger: issued reports, calendars, regimes, reminders; the audit trail's
 * keys, checkpoints and access log; a rebuild) and goes to its first instance.
 */
export function spreadsOverInstances(method: string, path: string): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  return (
    /^\/api\/v1\/(directives|assignments)(\/[^/]+)?$/.test(path) ||
    /^\/api\/v1\/reports\/(summary|agencies|rollup|annual-review)$/.test(path) ||
    /^\/api\/v1\/audit\/(assignments\/[^/]+\/(timeline|state)|directives\/[^/]+\/tasks\/[^/]+\/timeline)$/.test(path)
  );
}

function problem(res: ServerResponse, status: number, title: string, detail: string) {
  if (res.headersSent) return void res.destroy();
  res.writeHead(status, { 'content-type': 'application/problem+json' });
  res.end(JSON.stringify({ type: 'about:blank', title, status, detail }));
}

/**
 * The one HTTP entry point of the distributed form: API v1 over the three
 * services, streamed through unchanged (status, headers such as
 * X-Consistency-Token and Idempotency-Key, bodies). A bearer token is checked
 * here first, with the JWKS of the sign-in component (task-assignment), so a
 * forged or expired one never reaches a service; each service checks it again
 * with its policy, and checks session cookies.
 */
export class Gateway {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 256 });
  private readonly server: Server;
  private readonly counts = new Map<string, number>();
  private readonly edge: NodeEdge;
  /** Each service's instances, and the one the next request goes to. */
  private readonly instances: Record<ServiceName, URL[]>;
  private readonly turn = new Map<ServiceName, number>();

  constructor(private readonly options: GatewayOptions) {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.edge = new NodeEdge(this.server, options.edge);
    this.instances = Object.fromEntries(
      Object.entries(options.upstreams).map(([service, urls]) => [service, urls.split(',').map((u) => new URL(u.trim()))]),
    ) as Record<ServiceName, URL[]>;
  }

  /** The instance of a service a request goes to: in turn for a read of the read models, else the first. */
  private upstreamOf(service: ServiceName, method: string, path: string): URL {
    const all = this.instances[service];
    if (all.length === 1 || !spreadsOverInstances(method, path)) return all[0];
    const next = this.turn.get(service) ?? 0;
    this.turn.set(service, (next + 1) % all.length);
    return all[next];
  }

  async listen(port: number, host: string): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => resolve());
    });
    return (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    this.server.closeIdleConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.agent.destroy();
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    if (!this.edge.admit(req, res)) return;
    const path = (req.url ?? '/').split('?')[0];
    if ((path === '/health' || path === '/health/ready') && req.method === 'GET') return this.health(res);
    if (path === '/health/live' && req.method === 'GET')
      return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"up"}');
    if (path === '/metrics' && req.method === 'GET') return this.metrics(res);
    const page = this.options.web?.answer(req.method ?? 'GET', req.url ?? '/', req.headers['accept-encoding']);
    if (page) {
      this.edge.merge(res, page.headers);
      return void res.writeHead(page.status).end(req.method === 'HEAD' ? undefined : page.body);
    }
    if (!(await this.bearerHolds(req, res))) return;
    const service = routeOf(req.method ?? 'GET', path);
    this.counts.set(service, (this.counts.get(service) ?? 0) + 1);
    this.forward(service, req, res);
  }

  private forward(service: ServiceName, req: IncomingMessage, res: ServerResponse) {
    const target = new URL(req.url ?? '/', this.upstreamOf(service, req.method ?? 'GET', (req.url ?? '/').split('?')[0]));
    const headers: OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(req.headers)) if (!HOP_BY_HOP.has(name) && value !== undefined) headers[name] = value;
    // The client's own X-Forwarded-For is passed on only from a proxy this gateway trusts (TRUST_PROXY): the services believe the gateway's.
    const forwarded = this.edge.edge.trustProxy === false ? undefined : req.headers['x-forwarded-for'];
    headers['x-forwarded-for'] = [forwarded, req.socket.remoteAddress].filter(Boolean).join(', ');
    const upstream = request(
      target,
      { method: req.method, headers, agent: this.agent, timeout: this.options.timeoutMs ?? 30_000 },
      (answer) => {
        const out: OutgoingHttpHeaders = {};
        for (const [name, value] of Object.entries(answer.headers)) if (!HOP_BY_HOP.has(name) && value !== undefined) out[name] = value;
        this.edge.merge(res, out);
        res.writeHead(answer.statusCode ?? 502);
        answer.pipe(res);
      },
    );
    upstream.on('timeout', () => {
      upstream.destroy();
      problem(res, 504, 'Gateway Timeout', `${service} did not answer within ${this.options.timeoutMs ?? 30_000} ms`);
    });
    upstream.on('error', (error) => {
      if (!res.writableEnded) problem(res, 502, 'Bad Gateway', `${service} is unreachable: ${error.message}`);
    });
    req.pipe(upstream);
  }

  /** A request without a bearer token goes on (the service decides); one with a token that does not verify is answered 401 here. */
  private async bearerHolds(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const header = req.headers.authorization;
    if (!this.options.tokens || typeof header !== 'string' || !header.startsWith('Bearer ')) return true;
    try {
      if (await this.options.tokens.verify(header.slice(7).trim())) return true;
      // The body is never read: the connection closes after the refusal.
      res.shouldKeepAlive = false;
      problem(res, 401, 'Unauthenticated', 'A valid bearer token is required');
    } catch {
      res.shouldKeepAlive = false;
      problem(res, 503, 'Service unavailable', 'The keys that verify tokens cannot be had now; retry shortly');
    }
    return false;
  }

  /** Ready (200) when every service answers its own /health/ready with 200; else 503 naming the ones that did not. */
  private async health(res: ServerResponse) {
    // One entry per instance: `report-projection`, then `report-projection#2`, … when a service runs several.
    const targets = (Object.entries(this.instances) as Array<[ServiceName, URL[]]>).flatMap(([service, urls]) =>
      urls.map((base, i) => [i === 0 ? service : `${service}#${i + 1}`, base] as const),
    );
    const entries = await Promise.all(
      targets.map(async ([service, base]) => {
        try {
          const answer = await fetch(new URL('/health/ready', base), { signal: AbortSignal.timeout(4000) });
          return [service, { status: answer.ok ? 'up' : 'down', detail: await answer.json().catch(() => null) }] as const;
        } catch (error) {
          return [service, { status: 'down', detail: (error as Error).message }] as const;
        }
      }),
    );
    const up = entries.every(([, e]) => e.status === 'up');
    res.writeHead(up ? 200 : 503, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: up ? 'up' : 'down', services: Object.fromEntries(entries) }));
  }

  private metrics(res: ServerResponse) {
    const lines = ['# HELP gateway_requests_total Requests forwarded, by service', '# TYPE gateway_requests_total counter'];
    for (const [service, count] of this.counts) lines.push(`gateway_requests_total{service="${service}"} ${count}`);
    res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
    res.end(lines.join('\n') + '\n');
  }
}
