import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NodeEdge } from './node-edge';
import { API_CSP } from './security-headers';

/** The gateway's edge on a real Node server on loopback. */
describe('NodeEdge', () => {
  const servers: Server[] = [];
  afterAll(() => Promise.all(servers.map((s) => new Promise((r) => s.close(r)))));

  async function serve(options: ConstructorParameters<typeof NodeEdge>[1]) {
    const server = createServer();
    const edge = new NodeEdge(server, options);
    server.on('request', (req, res) => {
      if (!edge.admit(req, res)) return;
      edge.merge(res, { 'content-type': 'application/json', vary: 'accept-encoding' });
      res.writeHead(200).end(JSON.stringify({ address: edge.addressOf(req) }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    servers.push(server);
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
  const slow = { burst: 3, perSecond: 0.01 };

  it('sets the security headers, and answers a burst from one address with 429 and Retry-After', async () => {
    const url = await serve({ rateLimit: { address: slow, principal: slow } });
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await fetch(url));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429]);
    expect(answers[0].headers.get('content-security-policy')).toBe(API_CSP);
    expect(answers[0].headers.get('x-content-type-options')).toBe('nosniff');
    const refused = answers[3];
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused.headers.get('x-frame-options')).toBe('DENY');
  });

  it('counts the address the trusted proxy names, and ignores X-Forwarded-For from anyone else', async () => {
    const trusting = await serve({ trustProxy: 'loopback', rateLimit: false });
    const forwarded = { 'x-forwarded-for': '203.0.113.7' };
    expect(await (await fetch(trusting, { headers: forwarded })).json()).toEqual({ address: '203.0.113.7' });
    const closed = await serve({ rateLimit: false });
    expect(await (await fetch(closed, { headers: forwarded })).json()).toEqual({ address: '127.0.0.1' });
  });

  it('answers a configured origin’s preflight, and varies every answer by Origin besides its own Vary', async () => {
    const url = await serve({ corsOrigins: ['https://a.example'], rateLimit: false });
    const preflight = await fetch(url, {
      method: 'OPTIONS',
      headers: { origin: 'https://a.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://a.example');
    const read = await fetch(url, { headers: { origin: 'https://a.example' } });
    expect(read.headers.get('vary')).toBe('Origin, accept-encoding');
    expect(read.headers.get('access-control-allow-origin')).toBe('https://a.example');
  });
});
