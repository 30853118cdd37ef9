import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Gateway, routeOf, spreadsOverInstances } from './gateway';

describe('routeOf', () => {
  it.each([
    ['POST', '/api/v1/directives', 'task-assignment'],
    ['POST', '/api/v1/directives/d-1/tasks/3/deadline', 'task-assignment'],
    ['GET', '/api/v1/agencies', 'task-assignment'],
    ['GET', '/api/v1/agencies/so-ldtbxh', 'task-assignment'],
    ['POST', '/api/v1/registry/import', 'task-assignment'],
    ['POST', '/api/v1/registry/agencies/so-ldtbxh/transfer', 'task-assignment'],
    ['GET', '/api/v1/registry/timeline', 'task-assignment'],
    ['POST', '/api/v1/assignments/a-1/progress', 'progress-events'],
    ['POST', '/api/v1/assignments/a-1/reopen', 'progress-events'],
    ['POST', '/api/v1/directives/d-1/tasks', 'task-assignment'],
    ['POST', '/api/v1/directives/d-1/supersede', 'task-assignment'],
    ['GET', '/api/v1/directives/d-1', 'report-projection'],
    ['POST', '/api/v1/directives/import', 'task-assignment'],
    ['GET', '/api/v1/directives/imports/0190a000-0000-7000-8000-000000000001', 'task-assignment'],
    ['PUT', '/api/v1/directives/imports/0190a000-0000-7000-8000-000000000001', 'task-assignment'],
    ['POST', '/api/v1/directives/imports/0190a000-0000-7000-8000-000000000001/issue', 'task-assignment'],
    ['GET', '/api/v1/assignments', 'report-projection'],
    ['GET', '/api/v1/reports/summary', 'report-projection'],
    ['POST', '/api/v1/admin/rebuild', 'report-projection'],
    ['GET', '/docs', 'report-projection'],
  ])('%s %s goes to %s', (method, path, service) => expect(routeOf(method, path)).toBe(service));
});

describe('spreadsOverInstances', () => {
  it.each([
    ['GET', '/api/v1/directives', true],
    ['GET', '/api/v1/directives/d-1', true],
    ['GET', '/api/v1/assignments', true],
    ['GET', '/api/v1/reports/summary', true],
    ['GET', '/api/v1/reports/annual-review', true],
    ['GET', '/api/v1/audit/assignments/a-1/timeline', true],
    ['GET', '/api/v1/audit/assignments/a-1/state', true],
    ['GET', '/api/v1/audit/directives/d-1/tasks/3/timeline', true],
    ['GET', '/api/v1/reports/issued', false],
    ['GET', '/api/v1/reports/issued/r-1', false],
    ['GET', '/api/v1/reports/export', false],
    ['GET', '/api/v1/audit/verify', false],
    ['GET', '/api/v1/audit/checkpoints', false],
    ['GET', '/api/v1/calendar', false],
    ['GET', '/api/v1/admin/rebuild', false],
    ['POST', '/api/v1/admin/rebuild', false],
    ['POST', '/api/v1/reports/issued', false],
  ])('%s %s: %s', (method, path, spread) => expect(spreadsOverInstances(method, path)).toBe(spread));
});

describe('Gateway', () => {
  const servers: Server[] = [];
  const upstream = async (name: string, status = 200) => {
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        res.writeHead(status, { 'content-type': 'application/json', 'x-consistency-token': `${name}:1:directive-d:0` });
        res.end(JSON.stringify({ name, method: req.method, url: req.url, body, auth: req.headers.authorization ?? null }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };
  let gateway: Gateway;
  let url: string;

  beforeAll(async () => {
    gateway = new Gateway({
      upstreams: {
        'task-assignment': await upstream('ta'),
        'progress-events': await upstream('pe'),
        'report-projection': 'http://127.0.0.1:1',
      },
      timeoutMs: 2000,
    });
    url = `http://127.0.0.1:${await gateway.listen(0, '127.0.0.1')}`;
  });
  afterAll(async () => {
    await gateway.close();
    for (const s of servers) await new Promise((r) => s.close(r));
  });

  it('forwards method, path, query, headers and body, and answers the service unchanged', async () => {
    const answer = await fetch(`${url}/api/v1/assignments/a-1/progress?x=1`, {
      method: 'POST',
      headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
      body: '{"percent":10}',
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-consistency-token')).toBe('pe:1:directive-d:0');
    expect(await answer.json()).toEqual({
      name: 'pe',
      method: 'POST',
      url: '/api/v1/assignments/a-1/progress?x=1',
      body: '{"percent":10}',
      auth: 'Bearer t',
    });
  });

  it('answers 502 problem+json naming the service that cannot be reached', async () => {
    const answer = await fetch(`${url}/api/v1/reports/summary?period=2017`);
    expect(answer.status).toBe(502);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    expect(((await answer.json()) as { detail: string }).detail).toMatch(/^report-projection is unreachable/);
  });

  it('is ready only when every service is, and live on its own', async () => {
    for (const path of ['/health', '/health/ready']) {
      const answer = await fetch(`${url}${path}`);
      expect(answer.status).toBe(503);
      const body = (await answer.json()) as { services: Record<string, { status: string }> };
      expect(body.services['task-assignment'].status).toBe('up');
      expect(body.services['report-projection'].status).toBe('down');
    }
    expect(await (await fetch(`${url}/health/live`)).json()).toEqual({ status: 'up' });
  });

  it('takes the instances of a service in turn for reads of the read models, and the first for the rest', async () => {
    const two = new Gateway({
      upstreams: {
        'task-assignment': await upstream('ta'),
        'progress-events': await upstream('pe'),
        'report-projection': `${await upstream('rp1')},${await upstream('rp2')}`,
      },
    });
    const base = `http://127.0.0.1:${await two.listen(0, '127.0.0.1')}`;
    try {
      const names = [];
      for (let i = 0; i < 4; i++) names.push(((await (await fetch(`${base}/api/v1/assignments`)).json()) as { name: string }).name);
      expect(names).toEqual(['rp1', 'rp2', 'rp1', 'rp2']);
      // Issued reports, the audit trail and the reporting ledger live in one instance: always the first.
      for (const path of ['/api/v1/reports/issued', '/api/v1/audit/checkpoints', '/api/v1/reminders', '/api/v1/reports/issued'])
        expect(((await (await fetch(`${base}${path}`)).json()) as { name: string }).name).toBe('rp1');
      const ready = (await (await fetch(`${base}/health/ready`)).json()) as { services: Record<string, { status: string }> };
      expect(Object.keys(ready.services).sort()).toEqual([
        'progress-events',
        'report-projection',
        'report-projection#2',
        'task-assignment',
      ]);
    } finally {
      await two.close();
    }
  });
});
