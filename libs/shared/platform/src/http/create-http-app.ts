import { Logger, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Metrics } from '../metrics/metrics';
import { MalformedBody, UnsupportedBody } from './validation';

export interface HttpAppOptions {
  metrics: Metrics;
  logger?: boolean;
}

/** A Nest application on Fastify whose JSON errors are answered after authorisation. */
export async function createHttpApp(root: Type<unknown> | object, options: HttpAppOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: 5 * 1024 * 1024 });
  const fastify = adapter.getInstance();
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = String(body);
    if (!text.trim()) return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch (error) {
      done(null, new MalformedBody((error as Error).message));
    }
  });
  fastify.addContentTypeParser('*', { parseAs: 'string' }, (request, _body, done) => {
    done(null, new UnsupportedBody(String(request.headers['content-type'] ?? 'no content type')));
  });
  const requests = options.metrics.counter('http_requests_total', 'HTTP requests by route and status');
  const durations = options.metrics.histogram('http_request_duration_seconds', 'HTTP request duration by route');
  fastify.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions?.url ?? 'unmatched';
    requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    durations.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });
  const app = await NestFactory.create<NestFastifyApplication>(root as Type<unknown>, adapter, {
    logger: options.logger === false ? false : ['error', 'warn'],
    bufferLogs: false,
    bodyParser: false,
  });
  Logger.flush();
  return app;
}
