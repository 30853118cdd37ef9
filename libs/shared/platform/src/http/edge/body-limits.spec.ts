import { Readable } from 'node:stream';
import { bodyClassOf, BodyTooLarge, declaredOver, hasBody, LimitedBody } from './body-limits';

describe('body limits', () => {
  it.each([
    ['POST', '/api/v1/assignments/:id/progress', 'attachment'],
    ['POST', '/api/v1/assignments/:id/completion', 'attachment'],
    ['POST', '/api/v1/reporting/regimes/:directiveId/submissions', 'attachment'],
    ['POST', '/api/v1/directives', 'large'],
    ['POST', '/api/v1/directives/import', 'text'],
    ['PUT', '/api/v1/directives/imports/:draftId', 'large'],
    ['POST', '/api/v1/directives/imports/:draftId/issue', 'normal'],
    ['POST', '/api/v1/registry/import', 'large'],
    ['POST', '/api/v1/agencies/groups', 'large'],
    ['POST', '/api/v1/agencies/groups/:id/members', 'large'],
    ['POST', '/api/v1/assignments/:id/confirmation', 'normal'],
    ['POST', '/api/v1/directives/:id/tasks', 'normal'],
    ['GET', '/api/v1/assignments/:id/progress', 'normal'],
    ['POST', '/api/v1/auth/sign-in', 'normal'],
  ])('%s %s takes the %s limits', (method, route, kind) => {
    expect(bodyClassOf(method, route)).toBe(kind);
  });

  it('knows a request with a body', () => {
    expect(hasBody({})).toBe(false);
    expect(hasBody({ 'content-length': '0' })).toBe(false);
    expect(hasBody({ 'content-length': '3' })).toBe(true);
    expect(hasBody({ 'transfer-encoding': 'chunked' })).toBe(true);
    expect(declaredOver({ 'content-length': '11' }, 10)).toBe(true);
    expect(declaredOver({ 'content-length': '10' }, 10)).toBe(false);
  });

  const read = async (chunks: string[], limit: number) => {
    const out: Buffer[] = [];
    for await (const chunk of Readable.from(chunks.map((c) => Buffer.from(c))).pipe(new LimitedBody(limit))) out.push(chunk);
    return Buffer.concat(out).toString();
  };

  it('passes a body up to the limit unchanged', async () => {
    expect(await read(['abc', 'def'], 6)).toBe('abcdef');
  });

  it('fails one byte over the limit, naming it', async () => {
    await expect(read(['abc', 'defg'], 6)).rejects.toEqual(expect.any(BodyTooLarge));
    await expect(read(['abc', 'defg'], 6)).rejects.toMatchObject({ status: 413, detail: expect.stringContaining('at most 6 bytes') });
  });
});
