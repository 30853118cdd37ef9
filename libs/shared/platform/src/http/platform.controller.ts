import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Public } from '../auth/auth.guard';
import { Metrics } from '../metrics/metrics';

export const METRICS = Symbol('Metrics');
export const HEALTH_CHECKS = Symbol('HealthChecks');
export const OPENAPI_DOCUMENT = Symbol('OpenApiDocument');

/** A named readiness check: resolves with details, throws when the part is down. */
export type HealthCheck = { name: string; check: () => Promise<Record<string, unknown>> };

const swaggerDir = () => dirname(require.resolve('swagger-ui-dist/package.json'));

@Controller()
@Public()
export class PlatformController {
  constructor(
    @Inject(METRICS) private readonly metrics: Metrics,
    @Inject(HEALTH_CHECKS) private readonly checks: HealthCheck[],
    @Inject(OPENAPI_DOCUMENT) private readonly openapi: object,
  ) {}

  @Get('health')
  async health(@Res() reply: FastifyReply) {
    const results: Record<string, unknown> = {};
    let up = true;
    for (const { name, check } of this.checks) {
      try {
        results[name] = { status: 'up', ...(await check()) };
      } catch (error) {
        up = false;
        results[name] = { status: 'down', error: (error as Error).message };
      }
    }
    reply.status(up ? 200 : 503).send({ status: up ? 'up' : 'down', checks: results });
  }

  @Get('metrics')
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape() {
    return this.metrics.render();
  }

  @Get('docs/openapi.json')
  document() {
    return this.openapi;
  }

  @Get('docs')
  @Header('content-type', 'text/html; charset=utf-8')
  docs() {
    return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>API v1</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head><body><div id="ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script>SwaggerUIBundle({ url: '/docs/openapi.json', dom_id: '#ui' });</script></body></html>`;
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
}
