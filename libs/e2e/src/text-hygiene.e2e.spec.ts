import { request as httpRequest } from 'node:http';
import { seed4308Directive, type ApiClient, type ApiResponse } from '@dm/testing';
import { EmbeddedFixture } from './fixture';

/** What the server answers for raw bytes it is sent: its status, content type and body text. */
interface RawAnswer {
  status: number;
  type: string;
  text: string;
}

/**
 * Text at the edge (docs/security.md, "Text and JSON bodies"): every string
 * of a JSON body, a path parameter or a query parameter is well-formed
 * Unicode without control characters (tab and newline aside; CRLF read as
 * LF), and is stored in NFC; a text left empty once its invisible
 * characters are taken out counts as empty; a JSON body is UTF-8, at most 32
 * levels deep, without a key named twice in one object. Every refusal is a
 * 400 problem+json naming the field, that wrote nothing and does not echo
 * the body back.
 */
describe('text hygiene at the edge (embedded)', () => {
  const fx = new EmbeddedFixture();
  let office: ApiClient;
  let directiveId: string;
  let muongLat: string;
  let n = 0;

  /** Every event both writing stores hold. */
  const events = async () => {
    let total = 0;
    for (const store of Object.values(fx.server.runtime.stores)) total += await store.headPosition();
    return total;
  };
  /** The bearer token for a request sent as raw bytes: Mường Lát's officer on an assignment, else the issuing office. */
  const tokenFor = (path: string) =>
    ((path.startsWith('/api/v1/assignments/') ? fx.officer('h-muong-lat') : office) as unknown as { token: string }).token;

  /** Sends `body` as raw bytes over node:http, with a content-length or chunked. */
  const raw = (method: string, path: string, body: Buffer | null, headers: Record<string, string> = {}, chunked = false) =>
    new Promise<RawAnswer>((resolve, reject) => {
      const url = new URL(path, fx.server.url);
      const req = httpRequest(
        {
          method,
          host: url.hostname,
          port: url.port,
          path,
          headers: {
            authorization: `Bearer ${tokenFor(path)}`,
            ...(body ? { 'content-type': 'application/json' } : {}),
            ...(body && !chunked ? { 'content-length': String(body.length) } : {}),
            ...(chunked ? { 'transfer-encoding': 'chunked' } : {}),
            ...headers,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              type: String(res.headers['content-type'] ?? ''),
              text: Buffer.concat(chunks).toString('utf8'),
            }),
          );
        },
      );
      req.on('error', reject);
      if (body && chunked) {
        // Cut the body in two inside a multi-byte sequence, as a chunked sender may.
        const cut = Math.max(1, body.length - 3);
        req.write(body.subarray(0, cut));
        req.write(body.subarray(cut));
      } else if (body) req.write(body);
      req.end();
    });

  /** A one-task directive of ubnd-tinh, its number unique to the test unless given. */
  const directive = (over: Record<string, unknown> = {}, task: Record<string, unknown> = {}) => ({
    ...seed4308Directive(),
    number: `${++n}/HYG`,
    tasks: [
      { number: '1', text: 'Báo cáo kết quả', mode: 'giao', lead: ['so-tc'], coordinating: [], deadline: null, reportDuty: null, ...task },
    ],
    ...over,
  });

  const expectRefused = (answer: ApiResponse | RawAnswer, field?: string) => {
    expect(answer.status).toBe(400);
    const type = 'type' in answer ? answer.type : answer.headers.get('content-type');
    expect(type).toContain('application/problem+json');
    const body = 'text' in answer ? JSON.parse(answer.text) : answer.body;
    expect(body).toMatchObject({ status: 400, title: 'Invalid request' });
    if (field) expect(body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    return body as { detail?: string; errors?: Array<{ field: string; message: string }> };
  };

  beforeAll(async () => {
    await fx.start();
    office = fx.monitoring('vp-ubnd-tinh');
    const issued = await office.post('/api/v1/directives', seed4308Directive());
    expect(issued.status).toBe(201);
    directiveId = issued.body.id;
    muongLat = issued.body.assignments.find(
      (a: { taskNumber: string; agencyId: string }) => a.taskNumber === '3' && a.agencyId === 'h-muong-lat',
    ).id;
  });
  afterAll(() => fx.stop());

  describe('control characters and lone surrogates, sent JSON-escaped', () => {
    it.each([
      ['NUL', 'A\u0000B'],
      ['a C0 control (ESC)', 'A\u001bB'],
      ['a C1 control (U+0085)', 'A\u0085B'],
      ['DEL', 'A\u007fB'],
      ['a lone CR', 'A\rB'],
      ['a lone high surrogate', 'A\uD800B'],
      ['a lone low surrogate', 'A\uDC00B'],
    ])('refuses %s in a directive number, naming it, and writes nothing', async (_name, bad) => {
      const before = await events();
      expectRefused(await office.post('/api/v1/directives', directive({ number: bad })), 'number');
      expectRefused(await office.post('/api/v1/directives', directive({}, { number: bad })), 'tasks[0].number');
      expectRefused(await office.post('/api/v1/directives', directive({}, { text: bad })), 'tasks[0].text');
      expectRefused(
        await fx.officer('h-muong-lat').post(`/api/v1/assignments/${muongLat}/progress`, { reportedOn: '2017-03-01', summary: bad }),
        'summary',
      );
      expect(await events()).toBe(before);
    });

    it('names a field deep in the body by its path, the way validation errors do', async () => {
      const answer = await office.post('/api/v1/directives', { ...directive(), signer: { name: 'x\u0000', title: 'PHÓ CHỦ TỊCH' } });
      const body = expectRefused(answer, 'signer.name');
      expect(body.errors?.[0].message).toMatch(/control character/);
    });

    it('takes tab, newline and CRLF (stored as LF)', async () => {
      const answer = await fx
        .officer('h-muong-lat')
        .post(`/api/v1/assignments/${muongLat}/progress`, { reportedOn: '2017-03-02', summary: 'Dòng 1\r\nDòng 2\n\tmục a' });
      expect(answer.status).toBe(201);
      const timeline = (await fx.inspector().get(`/api/v1/audit/assignments/${muongLat}/timeline`)).body.events;
      expect(timeline.at(-1).data.summary).toBe('Dòng 1\nDòng 2\n\tmục a');
    });
  });

  describe('invalid UTF-8', () => {
    // "Báo cáo" with its "á" cut to a lone lead byte, and an overlong "/".
    const invalid = Buffer.concat([
      Buffer.from('{"reportedOn":"2017-03-03","summary":"B'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('o cáo"}'),
    ]);
    const overlong = Buffer.concat([Buffer.from('{"reportedOn":"2017-03-03","summary":"a'), Buffer.from([0xc0, 0xaf]), Buffer.from('"}')]);

    it.each([
      ['with a content-length', invalid, false],
      ['chunked', invalid, true],
      ['overlong, chunked', overlong, true],
    ])('refuses a body %s with 400 problem+json, and writes nothing', async (_name, bytes, chunked) => {
      const before = await events();
      const answer = await raw('POST', `/api/v1/assignments/${muongLat}/progress`, bytes, {}, chunked);
      const body = expectRefused(answer, '(body)');
      expect(body.errors?.[0].message).toMatch(/UTF-8/);
      expect(await events()).toBe(before);
    });

    it('refuses a JSON body declared in another charset', async () => {
      const bytes = Buffer.from(JSON.stringify({ reportedOn: '2017-03-03', summary: 'Bao cao' }));
      const answer = await raw('POST', `/api/v1/assignments/${muongLat}/progress`, bytes, {
        'content-type': 'application/json; charset=latin1',
      });
      expect(answer.status).toBe(415);
      expect(answer.type).toContain('application/problem+json');
    });

    it('takes a JSON body declared as UTF-8, and one cut inside a multi-byte character when chunked', async () => {
      const bytes = Buffer.from(JSON.stringify({ reportedOn: '2017-03-04', summary: 'Báo cáo tiến độ ở Mường Lát' }));
      const declared = await raw('POST', `/api/v1/assignments/${muongLat}/progress`, bytes, {
        'content-type': 'application/json; charset=UTF-8',
      });
      expect(declared.status).toBe(201);
      const chunked = await raw('POST', `/api/v1/assignments/${muongLat}/progress`, bytes, {}, true);
      expect(chunked.status).toBe(201);
    });

    it('answers a path or query parameter of invalid UTF-8 (a lone surrogate, %ED%A0%80) with 400 problem+json, never 500', async () => {
      const path = await raw('GET', `/api/v1/audit/directives/${directiveId}/tasks/%ED%A0%80/timeline`, null);
      expect([path.status, path.type]).toEqual([400, expect.stringContaining('application/problem+json')]);
      const query = await raw('GET', `/api/v1/directives?agencyId=%ED%A0%80`, null);
      expectRefused(query, 'agencyId');
    });

    it('answers a control character in a path or query parameter with 400 naming it', async () => {
      expectRefused(await raw('GET', `/api/v1/audit/directives/${directiveId}/tasks/3%00/timeline`, null), 'taskNo');
      expectRefused(await raw('GET', `/api/v1/agencies/groups/ubnd-huyen?asOf=2017-03-01%1B`, null), 'asOf');
      const before = await events();
      const cancel = await raw(
        'POST',
        `/api/v1/directives/${directiveId}/tasks/3%0D/cancel`,
        Buffer.from('{"reason":"x","authorizingDocument":"1/QĐ"}'),
      );
      expectRefused(cancel, 'taskNo');
      expect(await events()).toBe(before);
    });
  });

  describe('NFC', () => {
    it('stores a task number typed in NFD as NFC, so the number typed in NFC reaches the same task', async () => {
      const nfd = 'Ạ1'.normalize('NFD');
      expect(nfd).not.toBe('Ạ1'.normalize('NFC'));
      const issued = await office.post('/api/v1/directives', directive({}, { number: nfd }));
      expect(issued.status).toBe(201);
      expect(issued.body.assignments[0].taskNumber).toBe('Ạ1'.normalize('NFC'));
      const nfc = encodeURIComponent('Ạ1'.normalize('NFC'));
      const timeline = await fx.inspector().get(`/api/v1/audit/directives/${issued.body.id}/tasks/${nfc}/timeline`);
      expect(timeline.status).toBe(200);
      const byNfd = await fx.inspector().get(`/api/v1/audit/directives/${issued.body.id}/tasks/${encodeURIComponent(nfd)}/timeline`);
      expect(byNfd.status).toBe(200);
      expect(byNfd.body).toEqual(timeline.body);
    });

    it('takes a directive number in NFD and NFC as the same directive', async () => {
      const number = `${++n}/ỦBND-VX`;
      const first = await office.post('/api/v1/directives', directive({ number: number.normalize('NFD') }));
      expect(first.status).toBe(201);
      const again = await office.post('/api/v1/directives', directive({ number: number.normalize('NFC') }));
      expect(again.status).toBe(409);
    });
  });

  describe('text that is empty once invisible characters are taken out', () => {
    it.each([
      ['zero-width spaces', '\u200b\u200b'],
      ['a right-to-left mark and spaces', ' \u200f '],
      ['a byte order mark and a word joiner', '\ufeff\u2060'],
      ['a Hangul filler and a braille blank', '\u3164\u2800'],
      ['a soft hyphen and RTL embedding', '\u00ad\u202b\u202c'],
    ])('refuses %s as an empty text, naming the field', async (_name, blank) => {
      const before = await events();
      expectRefused(await office.post('/api/v1/directives', directive({ subject: blank })), 'subject');
      expectRefused(
        await fx.officer('h-muong-lat').post(`/api/v1/assignments/${muongLat}/progress`, { reportedOn: '2017-03-01', summary: blank }),
        'summary',
      );
      expect(await events()).toBe(before);
    });

    it('keeps a zero-width joiner inside a real text', async () => {
      const answer = await fx
        .officer('h-muong-lat')
        .post(`/api/v1/assignments/${muongLat}/progress`, { reportedOn: '2017-03-05', summary: 'Báo\u200dcáo' });
      expect(answer.status).toBe(201);
    });
  });

  describe('JSON bodies', () => {
    it('refuses 100,000 nested arrays fast, before parsing them', async () => {
      const before = await events();
      const deep = Buffer.from('['.repeat(100_000) + ']'.repeat(100_000));
      const started = performance.now();
      const answer = await raw('POST', `/api/v1/assignments/${muongLat}/progress`, deep);
      const ms = performance.now() - started;
      process.stdout.write(`100,000 nested arrays (200 kB) refused in ${ms.toFixed(1)} ms\n`);
      const body = expectRefused(answer, '(body)');
      expect(body.errors?.[0].message).toMatch(/deeper than 32/);
      expect(ms).toBeLessThan(200);
      expect(await events()).toBe(before);
    });

    it('refuses 1.9 MB of nested arrays on a route that takes 5 MB (a progress report) in a fraction of the time parsing took', async () => {
      const before = await events();
      const deep = Buffer.alloc(1_900_000, '[');
      const started = performance.now();
      const answer = await raw('POST', `/api/v1/assignments/${muongLat}/progress`, deep);
      const ms = performance.now() - started;
      process.stdout.write(`1.9 MB of '[' refused in ${ms.toFixed(1)} ms\n`);
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.text).errors[0].message).toMatch(/deeper than 32/);
      // Sending 1.9 MB over loopback included; parsing it held the event loop ~0.6 s before (issue 13).
      expect(ms).toBeLessThan(500);
      expect(await events()).toBe(before);
    });

    it('reads a body 32 levels deep (the schema answers it), and refuses one of 33', async () => {
      const nested = (depth: number) => ({
        reportedOn: '2017-03-06',
        summary: 'Sâu',
        percent: JSON.parse('['.repeat(depth - 1) + ']'.repeat(depth - 1)),
      });
      const at32 = expectRefused(
        await raw('POST', `/api/v1/assignments/${muongLat}/progress`, Buffer.from(JSON.stringify(nested(32)))),
        'percent',
      );
      expect(at32.detail).toBe('The request has invalid fields');
      const at33 = expectRefused(
        await raw('POST', `/api/v1/assignments/${muongLat}/progress`, Buffer.from(JSON.stringify(nested(33)))),
        '(body)',
      );
      expect(at33.detail).toBe('The body is nested too deeply');
    });

    it('refuses a key named twice in one object, at any depth, naming it', async () => {
      const before = await events();
      const twice = Buffer.from('{"reportedOn":"2017-03-07","summary":"Một","summary":"Hai"}');
      const body = expectRefused(await raw('POST', `/api/v1/assignments/${muongLat}/progress`, twice), 'summary');
      expect(body.errors?.[0].message).toMatch(/more than once/);
      const escaped = Buffer.from('{"reportedOn":"2017-03-07","summary":"Một","summ\\u0061ry":"Hai"}');
      expectRefused(await raw('POST', `/api/v1/assignments/${muongLat}/progress`, escaped), 'summary');
      const deep = Buffer.from(JSON.stringify(directive()).replace('"number":"1"', '"number":"1","number":"2"'));
      expectRefused(await raw('POST', '/api/v1/directives', deep), 'tasks[0].number');
      expect(await events()).toBe(before);
    });

    it('never echoes a malformed body back, only where it broke', async () => {
      const secret = 'bí-mật-không-được-lặp-lại';
      const answer = await raw('POST', `/api/v1/assignments/${muongLat}/progress`, Buffer.from(`{"summary": "${secret}", oops}`));
      const body = expectRefused(answer, '(body)');
      expect(answer.text).not.toContain(secret);
      expect(answer.text).not.toContain('oops');
      expect(body.errors?.[0].message).toMatch(/^is not valid JSON \(at character \d+\)$/);
    });

    it('caps what an error may quote of a value', async () => {
      const huge = 'x'.repeat(100_000);
      for (const body of [
        directive({ type: huge, monitoringAgency: huge }),
        directive({}, { lead: [huge] }),
        directive({}, { lead: ['so-tc'], coordinating: Array.from({ length: 400 }, (_, i) => `khong-co-${i}-${'y'.repeat(200)}`) }),
        directive({}, { mode: huge }),
      ]) {
        const answer = await office.post('/api/v1/directives', body);
        expect(answer.status).toBe(400);
        expect(JSON.stringify(answer.body).length).toBeLessThan(20_000);
        expect(JSON.stringify(answer.body)).not.toContain('x'.repeat(200));
      }
    });

    it('refuses __proto__ and constructor as keys of a body, and pollutes nothing', async () => {
      const before = await events();
      const proto = Buffer.from(JSON.stringify(directive()).replace('{', '{"__proto__":{"isAdmin":true},'));
      expectRefused(await raw('POST', '/api/v1/directives', proto), '__proto__');
      const ctor = Buffer.from(JSON.stringify(directive()).replace('{', '{"constructor":{"prototype":{"isAdmin":true}},'));
      expectRefused(await raw('POST', '/api/v1/directives', ctor), 'constructor');
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
      expect(await events()).toBe(before);
    });
  });

  describe('keys an object has from its prototype', () => {
    // "constructor" is a well-formed agency id (a-z, 0-9, -): every lookup of one must be an own property.
    it.each(['constructor', '__proto__', 'tostring', 'valueof'])(
      'answers %s as an agency id in a body or a query with 4xx problem+json, never 5xx',
      async (key) => {
        const before = await events();
        const bodies = [
          directive({ issuer: key }),
          directive({ monitoringAgency: key }),
          directive({ addressees: [key] }),
          directive({}, { lead: [key] }),
          directive({}, { lead: ['so-tc'], coordinating: [key] }),
        ];
        for (const body of bodies) {
          const answer = await office.post('/api/v1/directives', body);
          expect([answer.status >= 400 && answer.status < 500, answer.headers.get('content-type')]).toEqual([
            true,
            expect.stringContaining('application/problem+json'),
          ]);
        }
        for (const path of [
          `/api/v1/directives?agencyId=${key}`,
          `/api/v1/assignments?agencyId=${key}`,
          `/api/v1/reports/summary?period=2017-Q1&agencyId=${key}`,
          `/api/v1/reports/agencies?period=2017-Q1&agencyId=${key}`,
          `/api/v1/reporting/compliance?agencyId=${key}`,
          `/api/v1/reporting/submissions?agencyId=${key}`,
          `/api/v1/reminders?agencyId=${key}`,
          `/api/v1/reports/annual-review?year=2017&agencyId=${key}`,
          `/api/v1/audit/timeline?agencyId=${key}`,
          `/api/v1/agencies/${key}`,
          `/api/v1/agencies/groups/${key}`,
        ]) {
          const answer = await fx.inspector().get(path);
          expect([path, answer.status < 500]).toEqual([path, true]);
          if (answer.status >= 400) expect(answer.headers.get('content-type')).toContain('application/problem+json');
        }
        expect(await events()).toBe(before);
      },
    );

    it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'])(
      'answers %s as a group, an agency, a directive, an assignment and a task with 404 problem+json',
      async (key) => {
        for (const path of [
          `/api/v1/agencies/groups/${key}`,
          `/api/v1/agencies/${key}`,
          `/api/v1/agencies/groups/${key}?asOf=2017-03-01`,
          `/api/v1/audit/directives/${directiveId}/tasks/${key}/timeline`,
        ]) {
          const answer = await fx.inspector().get(path);
          expect([path, answer.status]).toEqual([path, 404]);
          expect(answer.headers.get('content-type')).toContain('application/problem+json');
        }
      },
    );
  });
});
