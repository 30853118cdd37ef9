import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Public } from '../auth/auth.guard';
import { Metrics } from '../metrics/metrics';

export const METRICS = Symbol('Metrics');
export const HEALTH_CHECKS = Symbol('HealthChecks');
export const OPENAPI_DOCUMENT = Symbol('OpenApiDocument');

/** A dependency's readiness: resolves with details once it really answered, throws when it is down. */
export type HealthCheck = { name: string; check: () => Promise<Record<string, unknown>> };

const CHECK_TIMEOUT_MS = 3_000;
const swaggerDir = () => dirname(require.resolve('swagger-ui-dist/package.json'));

/** The one inline script of /docs, allowed by its hash (docs/security.md, "Limits and headers"). */
const DOCS_SCRIPT = "SwaggerUIBundle({ url: '/docs/openapi.json', dom_id: '#ui' });";
/** Swagger UI's page: its own script and styles (it sets inline styles), the document fetched from here, framed nowhere. */
export const DOCS_CSP = [
  "default-src 'none'",
  `script-src 'self' 'sha256-${createHash('sha256').update(DOCS_SCRIPT).digest('base64')}'`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    work.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms))),
  ]);
}

/** Liveness, readiness, metrics and the API documents: public, no token needed. */
@Controller()
@Public()
export class PlatformController {
  constructor(
    @Inject(METRICS) private readonly metrics: Metrics,
    @Inject(HEALTH_CHECKS) private readonly checks: HealthCheck[],
    @Inject(OPENAPI_DOCUMENT) private readonly openapi: object,
  ) {}

  /** The process answers (restart it if not). */
  @Get('health/live')
  live() {
    return { status: 'up' };
  }

  /** Every dependency (event store, Kafka brokers, read store) answered a real request; else 503. */
  @Get('health/ready')
  ready(@Res() reply: FastifyReply) {
    return this.readiness(reply);
  }

  /** The same as /health/ready (kept for clients of API v1). */
  @Get('health')
  health(@Res() reply: FastifyReply) {
    return this.readiness(reply);
  }

  @Get('metrics')
  async scrape(@Res() reply: FastifyReply) {
    const { contentType, text } = await this.metrics.render();
    reply.header('content-type', contentType).send(text);
  }

  @Get('docs/openapi.json')
  document() {
    return this.openapi;
  }

  @Get('docs')
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('content-security-policy', DOCS_CSP)
  docs() {
    return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>API v1</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head><body><div id="ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script>${DOCS_SCRIPT}</script></body></html>`;
  }

  @Get('docs/assets/swagger-ui.css')
  @Header('content-type', 'text/css; charset=utf-8')
  css() {
    return readFileSync(join(swaggerDir(), 'swagger-ui.css'), 'utf8');
  }

  @Get('docs/assets/swagger-ui-bundle.js')
  @Header('content-type', 'application/javascript; charset=utf-8')
  js() {
    return readFileSync(join(swaggerDir(), 'swagger-ui-bundle.js'), 'utf8');
  }

  private async readiness(reply: FastifyReply) {
    const results = await Promise.all(
      this.checks.map(async ({ name, check }) => {
        try {
          return [name, { status: 'up', ...(await withTimeout(check(), CHECK_TIMEOUT_MS)) }] as const;
        } catch (error) {
          return [name, { status: 'down', error: (error as Error).message }] as const;
        }
      }),
    );
    const up = results.every(([, r]) => r.status === 'up');
    reply.status(up ? 200 : 503).send({ status: up ? 'up' : 'down', checks: Object.fromEntries(results) });
  }
}
