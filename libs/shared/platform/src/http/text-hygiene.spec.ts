import Fastify, { type FastifyInstance } from 'fastify';
import { cleanJsonValue, cleanParameters, installTextHygiene, undecodableQueryParameter } from './text-hygiene';

describe('cleanJsonValue', () => {
  it('rewrites every string in place, in NFC with CRLF as LF, and answers null', () => {
    const root = { value: { a: ['Ạ'.normalize('NFD'), { b: 'x\r\ny' }], n: 1, t: true, z: null } as unknown };
    expect(cleanJsonValue(root)).toBeNull();
    expect(root.value).toEqual({ a: ['Ạ', { b: 'x\ny' }], n: 1, t: true, z: null });
  });

  it('takes a bare string as the whole body', () => {
    const root = { value: 'Ạ'.normalize('NFD') as unknown };
    expect(cleanJsonValue(root)).toBeNull();
    expect(root.value).toBe('Ạ');
    expect(cleanJsonValue({ value: '\u0000' })).toEqual({ field: '(body)', message: expect.stringMatching(/control character/) });
  });

  it('names the first field at fault the way validation errors do', () => {
    expect(cleanJsonValue({ value: { signer: { name: 'A\u0085' } } })).toEqual({
      field: 'signer.name',
      message: 'must not contain a control character (U+0085 at character 1)',
    });
    expect(cleanJsonValue({ value: { tasks: [{}, { text: 'x\ry' }] } })?.field).toBe('tasks[1].text');
  });
});

describe('undecodableQueryParameter', () => {
  it('passes a query that percent-decodes to UTF-8', () => {
    expect(undecodableQueryParameter('asOf=2017-03-01&q=M%C6%B0%E1%BB%9Dng+L%C3%A1t&flag')).toBeNull();
  });

  it('names a parameter whose value does not decode (a surrogate in CESU-8, a cut sequence, a bare %)', () => {
    expect(undecodableQueryParameter('asOf=2017&agencyId=%ED%A0%80')).toEqual({
      field: 'agencyId',
      message: 'does not percent-decode to UTF-8',
    });
    expect(undecodableQueryParameter('q=%E1%BA')?.field).toBe('q');
    expect(undecodableQueryParameter('q=100%')?.field).toBe('q');
    expect(undecodableQueryParameter('%ff=1')?.field).toBe('(query)');
  });
});

describe('cleanParameters', () => {
  it('puts path and query parameters in NFC in place', () => {
    const request = {
      url: `/x/${encodeURIComponent('Ạ'.normalize('NFD'))}?q=1&r=2`,
      params: { taskNo: 'Ạ1'.normalize('NFD') },
      query: { q: 'Mường'.normalize('NFD'), r: ['Lát'.normalize('NFD'), 'x'] },
    };
    expect(cleanParameters(request)).toBeNull();
    expect(request.params.taskNo).toBe('Ạ1');
    expect(request.query).toEqual({ q: 'Mường', r: ['Lát', 'x'] });
  });

  it('refuses a control character in a path or query parameter, naming it', () => {
    expect(cleanParameters({ url: '/x', params: { taskNo: '1\u0000' }, query: {} })).toEqual({
      field: 'taskNo',
      message: 'must not contain a control character (U+0000 at character 1)',
    });
    expect(cleanParameters({ url: '/x?asOf=%1B', params: {}, query: { asOf: '\u001b' } })?.field).toBe('asOf');
  });
});

describe('installTextHygiene on a Fastify server', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = Fastify();
    installTextHygiene(app);
    app.get('/tasks/:taskNo', async (request) => ({ params: request.params, query: request.query }));
    await app.ready();
  });
  afterAll(() => app.close());

  it('hands the route its parameters in NFC', async () => {
    const nfd = encodeURIComponent('Ạ1'.normalize('NFD'));
    const answer = await app.inject({ method: 'GET', url: `/tasks/${nfd}?q=${nfd}` });
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toEqual({ params: { taskNo: 'Ạ1' }, query: { q: 'Ạ1' } });
  });

  it.each([
    ['a NUL in the path', '/tasks/1%00', 'taskNo'],
    ['a C1 control in the path', '/tasks/1%C2%85', 'taskNo'],
    ['a lone CR in the query', '/tasks/1?note=a%0Db', 'note'],
    ['a query value that does not decode', '/tasks/1?agencyId=%ED%A0%80', 'agencyId'],
  ])('answers %s with 400 problem+json naming the parameter', async (_name, url, field) => {
    const answer = await app.inject({ method: 'GET', url });
    expect(answer.statusCode).toBe(400);
    expect(answer.headers['content-type']).toContain('application/problem+json');
    expect(answer.json()).toMatchObject({
      status: 400,
      title: 'Invalid request',
      detail: 'The URL has a parameter that is not text',
      errors: [{ field, message: expect.any(String) }],
    });
  });
});
