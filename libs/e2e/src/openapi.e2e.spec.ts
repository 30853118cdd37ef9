import { openApiDocument } from '@dm/contracts';
import { routesOf } from '@dm/platform';
import { EmbeddedFixture } from './fixture';

/** The OpenAPI document lists every route the server serves, each with the schema of what it answers. */
describe('the OpenAPI document (embedded)', () => {
  const fx = new EmbeddedFixture();
  const document = openApiDocument() as {
    paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema?: object }> }> }>>;
  };
  const template = (url: string) => url.replace(/:([A-Za-z]+)/g, '{$1}');

  beforeAll(() => fx.start());
  afterAll(() => fx.stop());

  it('is the document the server serves', async () => {
    expect((await fx.anonymous().get('/docs/openapi.json')).body).toEqual(JSON.parse(JSON.stringify(document)));
  });

  it('lists every route the server serves, with a schema for its answer', () => {
    const routes = routesOf(fx.server.app);
    expect(routes.length).toBeGreaterThan(20);
    const missing = routes.filter((r) => !document.paths[template(r.url)]?.[r.method.toLowerCase()]);
    expect(missing).toEqual([]);
    for (const { method, url } of routes) {
      const operation = document.paths[template(url)][method.toLowerCase()];
      // 204 No Content has no answer to describe.
      const success = Object.entries(operation.responses).filter(([status]) => status.startsWith('2') && status !== '204');
      expect(success.map(([status, r]) => [`${method} ${url} ${status}`, Object.values(r.content ?? {})[0]?.schema !== undefined])).toEqual(
        success.map(([status]) => [`${method} ${url} ${status}`, true]),
      );
    }
  });

  it('lists no route the server does not serve', () => {
    const served = new Set(routesOf(fx.server.app).map((r) => `${r.method.toLowerCase()} ${template(r.url)}`));
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method} ${path}`),
    );
    expect(documented.filter((d) => !served.has(d))).toEqual([]);
  });
});
