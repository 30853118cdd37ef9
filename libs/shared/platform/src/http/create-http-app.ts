import type { IncomingMessage } from 'node:http';
import type { Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { LogController } from 'fastify';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import { v7 as uuidv7 } from 'uuid';
import { Metrics } from '../metrics/metrics';
import { PinoNestLogger } from './logger';
import { installJsonBodies } from './json-body';
import { installTextHygiene } from './text-hygiene';
import { recordReads, type AccessLogSink } from './access-log';
import type { WebAssets } from '../web/web-assets';
import { edgeServerOptions, installEdge, type EdgeOptions } from './edge';
import { AUTHENTICATOR, routePolicyOfConfig, type Authenticator, type RoutePolicy } from '../auth/auth.guard';
import { sendProblem } from './problem.filter';

export interface HttpAppOptions {
  metrics: Metrics;
  logger: Logger;
  /** Records every signed-in read of a report or inspection route. */
  accessLog?: AccessLogSink;
  /** The built web app, served at `/` beside the API. */
  web?: WebAssets | null;
  /** Limits, timeouts, CORS and security headers at the edge (docs/security.md, "Limits and headers"); absent: the defaults. */
  edge?: EdgeOptions;
}

/** A header value of 1 to 200 characters without control characters, not blank. */
const CORRELATION_ID = /^(?=.*\S)[\t\x20-\x7e\x80-\xff]{1,200}$/;

export interface ServedRoute {
  method: string;
  url: string;
  /** Who may call it (Nest routes: each has one, or the app does not start). */
  policy: RoutePolicy | null;
}
const served = new WeakMap<object, ServedRoute[]>();

/** The routes an app made by createHttpApp serves (its Fastify instance), HEAD left out, with their policies: what the OpenAPI document and the authorisation matrix must list. */
export const routesOf = (app: NestFastifyApplication): ServedRoute[] => served.get(app.getHttpAdapter().getInstance()) ?? [];

/** The client's X-Correlation-Id when it is 1 to 200 characters a header may carry back, else a new UUIDv7. */
export function correlationIdOf(request: IncomingMessage): string {
  const header = request.headers['x-correlation-id'];
  return typeof header === 'string' && CORRELATION_ID.test(header) ? header : uuidv7();
}

/**
 * A Nest application on Fastify: JSON bodies parsed lazily (so authorisation
 * is answered before a malformed body), one JSON log line per request with
 * its correlation id (echoed in X-Correlation-Id), and request metrics.
 */
export async function createHttpApp(root: Type<unknown> | object, options: HttpAppOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    ...edgeServerOptions(options.edge),
    loggerInstance: options.logger,
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'correlationId' }),
    genReqId: correlationIdOf,
  });
  const fastify = adapter.getInstance();
  installEdge(fastify, options.edge);
  const routes: ServedRoute[] = [];
  served.set(fastify, routes);
  fastify.addHook('onRoute', (route) => {
    // Every route is a Nest route, marked @Public or @Allow; one without a mark stops the app here.
    const policy = routePolicyOfConfig(route.config);
    if (!policy) throw new Error(`route ${[route.method].flat().join(',')} ${route.url} has no permission (@Allow) and is not @Public`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url, policy });
  });
  // The caller is admitted (token or session, and a role its route's policy names) before the body is read.
  let authenticator: Authenticator | null = null;
  fastify.addHook('onRequest', async (request, reply) => {
    const policy = routePolicyOfConfig(request.routeOptions.config);
    if (!policy || policy.public || !authenticator) return;
    try {
      await authenticator.admit(request, policy);
    } catch (error) {
      // A body the caller may not send is never read: the connection closes after the answer.
      if (request.headers['content-length'] !== undefined || request.headers['transfer-encoding'] !== undefined)
        reply.header('connection', 'close');
      return sendProblem(reply, request, error);
    }
  });
  installJsonBodies(fastify);
  installTextHygiene(fastify);
  const requests = options.metrics.counter('http_requests_total', 'HTTP requests by route and status', ['method', 'route', 'status']);
  const durations = options.metrics.histogram('http_request_duration_seconds', 'HTTP request duration by route', ['method', 'route']);
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('x-correlation-id', request.id);
  });
  if (options.accessLog) recordReads(fastify, options.accessLog);
  const web = options.web;
  if (web)
    fastify.addHook('onRequest', async (request, reply) => {
      const answer = web.answer(request.method, request.url, request.headers['accept-encoding']);
      if (answer) return reply.status(answer.status).headers(answer.headers).send(answer.body);
    });
  fastify.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions?.url ?? 'unmatched';
    requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    durations.observe({ method: request.method, route }, reply.elapsedTime / 1000);
    request.log.info(
      { method: request.method, url: request.url, route, status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10 },
      'request',
    );
  });
  const app = await NestFactory.create<NestFastifyApplication>(root as Type<unknown>, adapter, {
    logger: new PinoNestLogger(options.logger),
    bodyParser: false,
  });
  try {
    authenticator = app.get<Authenticator>(AUTHENTICATOR, { strict: false });
  } catch {
    authenticator = null;
  }
  return app;
}
