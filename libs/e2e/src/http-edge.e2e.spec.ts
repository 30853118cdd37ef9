import { createHmac, createPublicKey, sign } from 'node:crypto';
import { connect } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { startEmbedded, type EmbeddedServer } from '@dm/composition';
import { createLogger, signingKeysDirOf, SigningKeys, TOKEN_AUDIENCE, TOKEN_ISSUER, TokenService } from '@dm/platform';
import { ApiClient, seed4308Directive } from '@dm/testing';
import { checkAnswer } from './response-schemas';

/** What every route shares at the edge: tokens, idempotency keys, correlation ids and logs, health and metrics. */
describe('the HTTP edge (embedded)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'dm-edge-'));
  const lines: string[] = [];
  let server: EmbeddedServer;
  let assignment: string;
  const client = (sub: string, role: 'agency_officer' | 'monitoring_officer' | 'inspector', agencyId: string) =>
    new ApiClient(server.url, server.runtime.tokens.sign({ sub, agencyId, roles: [role] }));
  const logged = () => lines.map((l) => JSON.parse(l));

  beforeAll(async () => {
    const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(...String(chunk).split('\n').filter(Boolean)), done()) });
    server = await startEmbedded({ dataDir, logger: createLogger('info', sink) });
    const issued = await client('vp', 'monitoring_officer', 'vp-ubnd-tinh').post('/api/v1/directives', seed4308Directive());
    assignment = issued.body.assignments.find(
      (a: { taskNumber: string; agencyId: string }) => a.taskNumber === '3' && a.agencyId === 'h-muong-lat',
    ).id;
  });
  afterAll(async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe('bearer tokens', () => {
    const now = () => Math.floor(Date.now() / 1000);
    const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const claims = { sub: 'attacker', agencyId: 'h-muong-lat', roles: ['agency_officer'] };
    const read = (token: string) => new ApiClient(server.url, token).get('/api/v1/directives');
    const ring = () => SigningKeys.load(signingKeysDirOf(dataDir));
    /** Signed with the server's own current key: only the claims or header make it wrong. */
    const signedByServer = (header: object, payload: object) => {
      const input = `${b64(header)}.${b64(payload)}`;
      return `${input}.${sign(null, Buffer.from(input), ring().current().privateKey).toString('base64url')}`;
    };
    const payload = (extra: object = {}) => ({
      ...claims,
      iss: TOKEN_ISSUER,
      aud: TOKEN_AUDIENCE,
      nbf: now(),
      exp: now() + 600,
      ...extra,
    });
    const header = () => ({ alg: 'EdDSA', typ: 'JWT', kid: ring().current().kid });

    it('takes a token the server signed, and one signed by hand with its current key', async () => {
      expect((await read(server.runtime.tokens.sign(claims as never))).status).toBe(200);
      expect((await read(signedByServer(header(), payload()))).status).toBe(200);
    });

    it.each([
      [
        'signed by another key ring (an unknown kid)',
        () => TokenService.holdingKeys(mkdtempSync(join(tmpdir(), 'dm-other-keys-'))).sign(claims as never),
      ],
      ['for another audience', () => signedByServer(header(), payload({ aud: 'another-api' }))],
      ['of another issuer', () => signedByServer(header(), payload({ iss: 'elsewhere' }))],
      ['expired', () => signedByServer(header(), payload({ exp: now() - 60 }))],
      ['without exp', () => signedByServer(header(), payload({ exp: undefined }))],
      ['not valid yet (nbf)', () => signedByServer(header(), payload({ nbf: now() + 300 }))],
      ['without a kid', () => signedByServer({ alg: 'EdDSA', typ: 'JWT' }, payload())],
      ['unsigned (alg none)', () => `${b64({ alg: 'none', typ: 'JWT', kid: ring().current().kid })}.${b64(payload())}.`],
      [
        'with its claims changed after signing',
        () => {
          const [h, , signature] = server.runtime.tokens.sign(claims as never).split('.');
          return `${h}.${b64(payload({ roles: ['admin'] }))}.${signature}`;
        },
      ],
      [
        'HS256 keyed with the served public key (key confusion)',
        () => {
          const jwk = server.runtime.tokens.publicKeys()!.keys[0];
          const input = `${b64({ alg: 'HS256', typ: 'JWT', kid: jwk.kid })}.${b64(payload())}`;
          const pem = createPublicKey({ key: jwk, format: 'jwk' }).export({ type: 'spki', format: 'pem' });
          return `${input}.${createHmac('sha256', pem).update(input).digest('base64url')}`;
        },
      ],
    ])('refuses a token %s with 401 problem+json', async (_name, token) => {
      const answer = await read(token());
      expect(answer.status).toBe(401);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
    });

    it('serves its public keys as a JWKS, without any private part', async () => {
      const answer = await new ApiClient(server.url).get('/.well-known/jwks.json');
      expect(answer.status).toBe(200);
      expect(answer.body.keys).toEqual([
        expect.objectContaining({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig', kid: ring().current().kid }),
      ]);
      expect(JSON.stringify(answer.body)).not.toMatch(/"d"/);
    });

    it("after a rotation (the CLI's keys rotate, another process), signs with the new key and still takes the old one's tokens", async () => {
      const before = server.runtime.tokens.sign(claims as never, '1h');
      const rotated = SigningKeys.load(signingKeysDirOf(dataDir)).rotate();
      const after = server.runtime.tokens.sign(claims as never, '1h');
      expect(JSON.parse(Buffer.from(after.split('.')[0], 'base64url').toString()).kid).toBe(rotated.kid);
      expect((await read(before)).status).toBe(200);
      expect((await read(after)).status).toBe(200);
      const served = await new ApiClient(server.url).get('/.well-known/jwks.json');
      expect(served.body.keys.map((k: { kid: string }) => k.kid)).toEqual([...rotated.retired, rotated.kid]);
    });

    it("answers a write with a bad token before reading its body: 4 MB declared (within the route's limit), a few bytes sent", async () => {
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect(Number(new URL(server.url).port), '127.0.0.1');
        let text = '';
        socket.on('data', (chunk) => {
          text += chunk;
          if (text.includes('\r\n\r\n')) {
            socket.destroy();
            resolve(text);
          }
        });
        socket.on('error', reject);
        socket.setTimeout(5000, () => reject(new Error('no answer within 5 s: the body was awaited')));
        socket.write(
          `POST /api/v1/assignments/${assignment}/progress HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer x.y.z\r\n` +
            `Content-Type: application/json\r\nContent-Length: ${4 * 1024 * 1024}\r\n\r\n{"summary":`,
        );
      });
      expect(answer).toMatch(/^HTTP\/1\.1 401/);
      expect(answer.toLowerCase()).toContain('content-type: application/problem+json');
    });
  });

  describe('idempotency keys', () => {
    const body = { reportedOn: '2017-03-01', summary: 'Báo cáo', percent: 10 };
    const progress = (as: ApiClient, key: string, payload: object = body) =>
      as.post(`/api/v1/assignments/${assignment}/progress`, payload, { 'idempotency-key': key });

    it('answers a repeat by the same user on the same route with the first result', async () => {
      const officer = client('officer-a', 'agency_officer', 'h-muong-lat');
      const first = await progress(officer, 'k-same');
      const again = await progress(officer, 'k-same');
      expect([first.status, again.status]).toEqual([201, 201]);
      expect(again.body.eventId).toBe(first.body.eventId);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
    });

    it('takes the same key from another user as another command', async () => {
      const first = await progress(client('officer-b', 'agency_officer', 'h-muong-lat'), 'k-user');
      const other = await progress(client('officer-c', 'agency_officer', 'h-muong-lat'), 'k-user');
      expect([first.status, other.status]).toEqual([201, 201]);
      expect(other.body.eventId).not.toBe(first.body.eventId);
      expect(other.headers.get('idempotent-replayed')).toBeNull();
    });

    it('scopes a key to the route and its decoded parameters, not to how the URL was spelled', async () => {
      const officer = client('officer-h', 'agency_officer', 'h-muong-lat');
      const plain = await progress(officer, 'k-spelling');
      const encoded = await officer.post(`/api/v1/assignments/${encodeURIComponent(assignment).replace(/-/g, '%2D')}/progress`, body, {
        'idempotency-key': 'k-spelling',
      });
      expect([plain.status, encoded.status]).toEqual([201, 201]);
      expect(encoded.body.eventId).toBe(plain.body.eventId);
      expect(encoded.headers.get('idempotent-replayed')).toBe('true');
    });

    it('takes the same key on another route as another command', async () => {
      const officer = client('officer-d', 'agency_officer', 'h-muong-lat');
      const first = await progress(officer, 'k-route');
      const completion = await officer.post(
        `/api/v1/assignments/${assignment}/completion`,
        { completedOn: '2017-05-01', summary: 'Xong' },
        { 'idempotency-key': 'k-route' },
      );
      expect([first.status, completion.status]).toEqual([201, 201]);
      expect(completion.body.type).toBe('assignment.completion-reported');
      expect(completion.headers.get('idempotent-replayed')).toBeNull();
    });

    it('refuses the same key with another body with 422 naming Idempotency-Key', async () => {
      const officer = client('officer-e', 'agency_officer', 'h-muong-lat');
      await progress(officer, 'k-body');
      const changed = await progress(officer, 'k-body', { ...body, percent: 11 });
      expect(changed.status).toBe(422);
      expect(changed.body.detail).toBe('This Idempotency-Key was already used with a different body');
      expect(changed.body.errors).toEqual([{ field: 'Idempotency-Key', message: 'reused with a different body' }]);
    });
  });

  describe('correlation ids and logs', () => {
    it("echoes the client's X-Correlation-Id and logs one JSON line per request with it, never the token", async () => {
      const inspector = client('inspector', 'inspector', 'thanh-tra-tinh');
      const answer = await inspector.get('/api/v1/directives', { 'x-correlation-id': 'trace-4308' });
      expect(answer.headers.get('x-correlation-id')).toBe('trace-4308');
      const line = logged().find((l) => l.correlationId === 'trace-4308');
      expect(line).toMatchObject({ msg: 'request', method: 'GET', url: '/api/v1/directives', status: 200, level: 30 });
      expect(logged().filter((l) => l.correlationId === 'trace-4308')).toHaveLength(1);
      const token = (inspector as unknown as { token: string }).token;
      expect(lines.some((l) => l.includes(token))).toBe(false);
    });

    it('makes a correlation id when the client sends none or a bad one, and records it on the events written', async () => {
      const none = await client('inspector', 'inspector', 'thanh-tra-tinh').get('/api/v1/directives');
      expect(none.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
      const bad = await client('inspector', 'inspector', 'thanh-tra-tinh').get('/api/v1/directives', {
        'x-correlation-id': 'x'.repeat(201),
      });
      expect(bad.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
      const spaced = await client('inspector', 'inspector', 'thanh-tra-tinh').get('/api/v1/directives', {
        'x-correlation-id': 'dot 1 / 2017',
      });
      expect(spaced.headers.get('x-correlation-id')).toBe('dot 1 / 2017');
      const officer = client('officer-f', 'agency_officer', 'h-muong-lat');
      await officer.post(
        `/api/v1/assignments/${assignment}/progress`,
        { reportedOn: '2017-03-05', summary: 'Có mã theo dõi' },
        { 'x-correlation-id': 'trace-progress' },
      );
      const timeline = (await client('inspector', 'inspector', 'thanh-tra-tinh').get(`/api/v1/audit/assignments/${assignment}/timeline`))
        .body.events;
      expect(timeline.at(-1)).toMatchObject({
        type: 'assignment.progress-reported',
        data: expect.objectContaining({ summary: 'Có mã theo dõi' }),
      });
      const stored = [];
      for await (const event of server.runtime.stores.progressEvents.readStream(`assignment-${assignment}`)) stored.push(event);
      expect(stored.at(-1)?.correlationId).toBe('trace-progress');
    });
  });

  it('answers every command with a body the OpenAPI document describes', async () => {
    const office = client('vp-2', 'monitoring_officer', 'vp-ubnd-tinh');
    const monitoring = client('mo-2', 'monitoring_officer', 'so-ldtbxh');
    const officer = client('officer-g', 'agency_officer', 'so-yt');
    const issued = await office.post('/api/v1/directives', { ...seed4308Directive(), number: '77/UBND-VX' });
    const id = issued.body.id;
    const mine = issued.body.assignments.find(
      (a: { taskNumber: string; agencyId: string }) => a.taskNumber === '4' && a.agencyId === 'so-yt',
    ).id;
    const calls: Array<[string, string, Promise<{ status: number; body: unknown }>]> = [
      ['POST', '/api/v1/directives', Promise.resolve(issued)],
      [
        'POST',
        `/api/v1/directives/${id}/tasks/4/deadline`,
        monitoring.post(`/api/v1/directives/${id}/tasks/4/deadline`, {
          deadline: '2017-12-31',
          reason: 'Gia hạn',
          authorizingDocument: '1/UBND',
        }),
      ],
      [
        'POST',
        `/api/v1/directives/${id}/tasks/9/cancel`,
        monitoring.post(`/api/v1/directives/${id}/tasks/9/cancel`, { reason: 'Gộp', cancelledOn: '2017-03-01' }),
      ],
      [
        'POST',
        `/api/v1/assignments/${mine}/progress`,
        officer.post(`/api/v1/assignments/${mine}/progress`, { reportedOn: '2017-03-01', summary: 'x' }),
      ],
    ];
    for (const [method, url, call] of calls) {
      const answer = await call;
      expect([url, answer.status < 300]).toEqual([url, true]);
      expect(checkAnswer(method, url, answer.body)).toEqual([]);
    }
    const completion = await officer.post(`/api/v1/assignments/${mine}/completion`, { completedOn: '2017-03-02', summary: 'Xong' });
    expect(checkAnswer('POST', `/api/v1/assignments/${mine}/completion`, completion.body)).toEqual([]);
    const confirmation = await monitoring.post(`/api/v1/assignments/${mine}/confirmation`, { accepted: true, confirmedOn: '2017-03-03' });
    expect(checkAnswer('POST', `/api/v1/assignments/${mine}/confirmation`, confirmation.body)).toEqual([]);
  });

  describe('health and metrics', () => {
    const anonymous = () => new ApiClient(server.url);

    it('is live, and ready once every store answers', async () => {
      expect((await anonymous().get('/health/live')).body).toEqual({ status: 'up' });
      const ready = await anonymous().get('/health/ready');
      expect(ready.status).toBe(200);
      expect(Object.keys(ready.body.checks).sort()).toEqual([
        'event-store:audit',
        'event-store:identity',
        'event-store:progress-events',
        'event-store:reporting',
        'event-store:task-assignment',
        'read-store:audit',
        'read-store:identity',
        'read-store:progress-events',
        'read-store:report-projection',
        'read-store:task-assignment',
      ]);
      expect(ready.body.checks['event-store:task-assignment']).toMatchObject({ status: 'up', head: expect.any(Number) });
      expect((await anonymous().get('/health')).body).toEqual(ready.body);
    });

    it('serves Prometheus text with the process metrics (event-loop lag, heap, GC) and the request counts', async () => {
      const metrics = (await anonymous().get('/metrics')).body as string;
      for (const name of [
        'nodejs_eventloop_lag_seconds',
        'nodejs_heap_size_used_bytes',
        'nodejs_gc_duration_seconds',
        'http_requests_total',
        'event_store_head_position',
        'relay_checkpoint_position',
      ]) {
        expect(metrics).toContain(`# TYPE ${name}`);
      }
      expect(metrics).toMatch(/http_requests_total\{method="GET",route="\/api\/v1\/directives",status="200"\} \d+/);
    });

    it('is no longer ready when a store stops answering (run last: it closes the report store)', async () => {
      await server.runtime.reportStore.close();
      const ready = await anonymous().get('/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body.checks['read-store:report-projection']).toMatchObject({ status: 'down', error: expect.any(String) });
      expect(ready.body.checks['event-store:task-assignment'].status).toBe('up');
      expect((await anonymous().get('/health/live')).status).toBe(200);
    });
  });
});
