import { connect, type Socket } from 'node:net';
import { API_CSP, DOCS_CSP, WEB_CSP } from '@dm/platform';
import { EmbeddedFixture } from './fixture';

/** An answer read off a raw socket, and how long the server kept the socket open. */
interface RawAnswer {
  status: number | null;
  headers: Record<string, string>;
  body: string;
  closedAfterMs: number;
}

function parse(text: string): Omit<RawAnswer, 'closedAfterMs'> {
  const end = text.indexOf('\r\n\r\n');
  if (!text.startsWith('HTTP/1.1 ') || end < 0) return { status: null, headers: {}, body: text };
  const [line, ...fields] = text.slice(0, end).split('\r\n');
  const headers = Object.fromEntries(
    fields.map((f) => [f.slice(0, f.indexOf(':')).toLowerCase(), f.slice(f.indexOf(':') + 1).trim()] as [string, string]),
  );
  return { status: Number(line.split(' ')[1]), headers, body: text.slice(end + 4) };
}

/** Writes `head` on a new connection, then `trickle`'s bytes one at a time every `everyMs`, until the server closes it. */
function raw(url: string, head: string, trickle = '', everyMs = 0): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const chunks: Buffer[] = [];
    const socket: Socket = connect(Number(port), hostname, () => socket.write(head));
    let at = 0;
    const timer = everyMs
      ? setInterval(() => {
          if (at < trickle.length && socket.writable) socket.write(trickle[at++]);
        }, everyMs)
      : null;
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      if (timer) clearInterval(timer);
      resolve({ ...parse(Buffer.concat(chunks).toString('latin1')), closedAfterMs: Date.now() - started });
    });
    setTimeout(() => reject(new Error('the server kept the socket open for 40 s')), 40_000).unref();
  });
}

const SECURITY = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

function expectSecurityHeaders(headers: Headers | Record<string, string>, csp = API_CSP) {
  const get = (name: string) => (headers instanceof Headers ? headers.get(name) : (headers[name] ?? null));
  for (const [name, value] of Object.entries(SECURITY)) expect([name, get(name)]).toEqual([name, value]);
  expect(get('content-security-policy')).toBe(csp);
  expect(get('content-security-policy')).toContain("frame-ancestors 'none'");
}

const problemOf = async (response: Response): Promise<{ status: number; title: string; detail?: string }> => {
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return (await response.json()) as { status: number; title: string; detail?: string };
};

describe('the edge: headers, URL errors, body limits and timeouts (embedded, default settings)', () => {
  const fixture = new EmbeddedFixture();
  let url: string;
  let token: string;
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${url}${path}`, { headers });

  beforeAll(async () => {
    await fixture.start();
    url = fixture.server.url;
    token = fixture.server.runtime.tokens.sign({ sub: 'mo-edge', agencyId: 'so-ldtbxh', roles: ['monitoring_officer'] });
  });
  afterAll(() => fixture.stop());

  describe('security headers on every answer', () => {
    it('on an API answer, with HSTS only when the request came over HTTPS', async () => {
      const answer = await get('/api/v1/directives', { authorization: `Bearer ${token}` });
      expect(answer.status).toBe(200);
      expectSecurityHeaders(answer.headers);
      expect(answer.headers.get('strict-transport-security')).toBeNull();
      const overHttps = await get('/api/v1/directives', { authorization: `Bearer ${token}`, 'x-forwarded-proto': 'https' });
      expect(overHttps.headers.get('strict-transport-security')).toBe('max-age=31536000');
    });

    it.each([
      ['a refusal (401)', '/api/v1/directives', 401],
      ['an unknown route (404)', '/api/v1/no-such-thing', 404],
      ['a too long parameter (414)', `/api/v1/directives/${'a'.repeat(300)}`, 414],
      ['liveness', '/health/live', 200],
      ['metrics', '/metrics', 200],
      ['the OpenAPI document', '/docs/openapi.json', 200],
      ['a Swagger UI asset', '/docs/assets/swagger-ui.css', 200],
    ])('on %s', async (_what, path, status) => {
      const answer = await get(path);
      expect(answer.status).toBe(status);
      expectSecurityHeaders(answer.headers);
      if (status >= 400) expect((await problemOf(answer)).status).toBe(status);
    });

    it('on the API docs page, with a policy that lets Swagger UI run (its scripts and its one inline script, by hash)', async () => {
      const answer = await get('/docs');
      expectSecurityHeaders(answer.headers, DOCS_CSP);
      expect(DOCS_CSP).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/]+=*'/);
    });

    it('on the web app, which keeps its own policy', async () => {
      const page = await get('/', { accept: 'text/html' });
      if (page.status === 404) return; // the web app is not built here (npm run build)
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.headers.get('content-security-policy')).toBe(WEB_CSP);
      expect(WEB_CSP).toContain("frame-ancestors 'none'");
      expect(page.headers.get('x-frame-options')).toBe('DENY');
      expect(page.headers.get('x-content-type-options')).toBe('nosniff');
      expect(page.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    });
  });

  describe('CORS, closed unless configured', () => {
    it('allows no origin: a preflight gets no allowance, an answer no Access-Control header', async () => {
      const preflight = await fetch(`${url}/api/v1/directives`, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://a.example',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization',
        },
      });
      const read = await get('/api/v1/directives', { origin: 'https://a.example', authorization: `Bearer ${token}` });
      for (const answer of [preflight, read])
        expect([...answer.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
      expect(read.status).toBe(200);
    });
  });

  describe('URL-level errors as problem+json, the request never echoed', () => {
    it('a malformed URL is 400', async () => {
      const answer = await get('/api/v1/directives/%E0%A4%A');
      expect(answer.status).toBe(400);
      expectSecurityHeaders(answer.headers);
      const problem = await problemOf(answer);
      expect(problem).toMatchObject({ status: 400, title: 'Invalid request' });
      expect(JSON.stringify(problem)).not.toContain('%E0');
    });

    it('a 25 KB URL is 414, and a 20 KB header 431', async () => {
      const long = await raw(url, `GET /api/v1/directives?q=${'x'.repeat(25 * 1024)} HTTP/1.1\r\nHost: x\r\n\r\n`);
      expect(long.status).toBe(414);
      const header = await raw(url, `GET /api/v1/directives HTTP/1.1\r\nHost: x\r\nX-Big: ${'y'.repeat(20 * 1024)}\r\n\r\n`);
      expect(header.status).toBe(431);
      for (const answer of [long, header]) {
        expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
        expectSecurityHeaders(answer.headers);
        const problem = JSON.parse(answer.body);
        expect(problem).toMatchObject({ status: answer.status, title: expect.any(String), detail: expect.any(String) });
        expect(answer.body).not.toMatch(/xxxx|yyyy/);
      }
    });

    it('a request that is not HTTP is 400', async () => {
      const answer = await raw(url, 'GET / HTTP/1.1\r\nHost x\r\n\r\n');
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.body)).toMatchObject({ status: 400, title: 'Invalid request' });
    });
  });

  describe('body limits per route', () => {
    const big = JSON.stringify({ username: 'u', password: 'p'.repeat(300 * 1024) });

    it('a body over the route’s limit is 413 naming it, by its Content-Length', async () => {
      const answer = await fetch(`${url}/api/v1/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: big,
      });
      expect(answer.status).toBe(413);
      expectSecurityHeaders(answer.headers);
      expect(await problemOf(answer)).toMatchObject({
        status: 413,
        title: 'Payload too large',
        detail: expect.stringContaining('262144 bytes'),
      });
    });

    it('and chunked, once the bytes read pass it', async () => {
      const chunks = [big.slice(0, 100_000), big.slice(100_000, 200_000), big.slice(200_000)];
      const head = 'POST /api/v1/auth/sign-in HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n';
      const body = chunks.map((c) => `${Buffer.byteLength(c).toString(16)}\r\n${c}\r\n`).join('') + '0\r\n\r\n';
      const answer = await raw(url, head + body);
      expect(answer.status).toBe(413);
      expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(answer.body).toContain('262144 bytes');
    });

    it('a body under the limit is read as before', async () => {
      const answer = await fetch(`${url}/api/v1/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'nobody', password: 'p'.repeat(200) }),
      });
      expect(answer.status).toBe(401);
    });
  });

  describe('slow requests', () => {
    it('a body sent one byte every 10 s is cut with 408 within 20 s; headers never finished, within 12 s', async () => {
      const [body, headers] = await Promise.all([
        raw(
          url,
          'POST /api/v1/auth/sign-in HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n',
          '{'.repeat(100),
          10_000,
        ),
        raw(url, 'GET /api/v1/directives HTTP/1.1\r\nHost: x\r\n', 'X-Slow: 1\r\n'.repeat(20), 1_000),
      ]);
      console.info(`slow body closed after ${body.closedAfterMs} ms; slow headers after ${headers.closedAfterMs} ms`);
      expect(body.status).toBe(408);
      expect(JSON.parse(body.body)).toMatchObject({ status: 408, title: 'Request timeout' });
      expect(body.closedAfterMs).toBeLessThanOrEqual(20_000);
      expect(headers.closedAfterMs).toBeLessThanOrEqual(12_000);
      expect(headers.status).toBe(408);
    }, 45_000);
  });
});

describe('the edge: connections and rate limits (embedded, default settings)', () => {
  const fixture = new EmbeddedFixture();
  let url: string;
  beforeAll(async () => {
    await fixture.start();
    url = fixture.server.url;
  });
  afterAll(() => fixture.stop());

  it('closes a 65th open connection from one address at once, and takes one again once another closed', async () => {
    const { hostname, port } = new URL(url);
    const open = (): Promise<{ socket: Socket; closedAtOnce: boolean }> =>
      new Promise((resolve) => {
        const socket = connect(Number(port), hostname);
        socket.on('error', () => undefined);
        socket.once('close', () => resolve({ socket, closedAtOnce: true }));
        socket.once('connect', () => setTimeout(() => resolve({ socket, closedAtOnce: socket.destroyed }), 300));
      });
    const held = await Promise.all(Array.from({ length: 64 }, open));
    expect(held.filter((s) => s.closedAtOnce)).toHaveLength(0);
    const excess = await open();
    expect(excess.closedAtOnce).toBe(true);
    held[0].socket.destroy();
    await new Promise((r) => setTimeout(r, 100));
    const again = await open();
    expect(again.closedAtOnce).toBe(false);
    for (const { socket } of [...held, again]) socket.destroy();
    await new Promise((r) => setTimeout(r, 500)); // the server has seen them close
  });

  /** Fires GETs 16 at a time until the first 429: how many were served before it, and the 429. */
  async function burst(path: string, headers: Record<string, string>) {
    let served = 0;
    let refused: Response | null = null;
    while (!refused && served < 5_000) {
      const answers = await Promise.all(Array.from({ length: 16 }, () => fetch(`${url}${path}`, { headers })));
      for (const answer of answers) {
        if (answer.status === 429) refused ??= answer;
        else {
          expect(answer.status).toBe(200);
          await answer.arrayBuffer();
          if (!refused) served++;
        }
      }
    }
    return { served, refused: refused! };
  }

  it('a burst from one principal is refused with 429 and Retry-After, and another principal is still served', async () => {
    const sign = (sub: string) => fixture.server.runtime.tokens.sign({ sub, agencyId: 'so-ldtbxh', roles: ['monitoring_officer'] });
    const { served, refused } = await burst('/api/v1/directives', { authorization: `Bearer ${sign('mo-burst')}` });
    console.info(`per principal: first 429 after ${served} requests`);
    expect(served).toBeGreaterThanOrEqual(200);
    expect(served).toBeLessThan(400);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await problemOf(refused)).toMatchObject({ status: 429, title: 'Too many requests' });
    expect((await fetch(`${url}/api/v1/directives`, { headers: { authorization: `Bearer ${sign('mo-other')}` } })).status).toBe(200);
  });

  it('a burst from one address is refused with 429 and Retry-After, before anything else is done', async () => {
    await new Promise((r) => setTimeout(r, 4_000)); // the address's bucket full again after the burst above
    const { served, refused } = await burst('/health/live', {});
    console.info(`per address: first 429 after ${served} requests`);
    expect(served).toBeGreaterThanOrEqual(400);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expectSecurityHeaders(refused.headers);
    expect(await problemOf(refused)).toMatchObject({ status: 429, title: 'Too many requests' });
  });
});

describe('the edge: CORS for configured origins', () => {
  const fixture = new EmbeddedFixture();
  let url: string;
  beforeAll(async () => {
    await fixture.start({ edge: { corsOrigins: ['https://a.example', 'https://b.example'] } });
    url = fixture.server.url;
  });
  afterAll(() => fixture.stop());

  const preflight = (origin: string) =>
    fetch(`${url}/api/v1/directives`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });

  it('answers a configured origin’s preflight with 204, the methods and headers, Vary: Origin and no credentials', async () => {
    const answer = await preflight('https://b.example');
    expect(answer.status).toBe(204);
    expect(answer.headers.get('access-control-allow-origin')).toBe('https://b.example');
    expect(answer.headers.get('access-control-allow-methods')).toContain('POST');
    for (const header of ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-CSRF-Token', 'X-Correlation-Id'])
      expect(answer.headers.get('access-control-allow-headers')).toContain(header);
    expect(answer.headers.get('vary')).toMatch(/Origin/);
    expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('allows that origin to read an answer, and no other origin', async () => {
    const allowed = await fetch(`${url}/health/live`, { headers: { origin: 'https://a.example' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://a.example');
    expect(allowed.headers.get('vary')).toMatch(/Origin/);
    const other = await fetch(`${url}/health/live`, { headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect(other.headers.get('vary')).toMatch(/Origin/);
    const otherPreflight = await preflight('https://evil.example');
    expect(otherPreflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(otherPreflight.headers.get('access-control-allow-methods')).toBeNull();
  });
});
