import { corsAnswer, withVary } from './cors';

describe('corsAnswer', () => {
  const allowed = new Set(['https://a.example', 'https://b.example']);

  it('allows nothing when no origin is configured', () => {
    expect(corsAnswer(new Set(), 'OPTIONS', 'https://a.example', true)).toEqual({ preflight: false, headers: {} });
    expect(corsAnswer(new Set(), 'GET', 'https://a.example', false)).toEqual({ preflight: false, headers: {} });
  });

  it('answers a configured origin’s preflight with the methods and headers, and no credentials', () => {
    const answer = corsAnswer(allowed, 'OPTIONS', 'https://b.example', true);
    expect(answer.preflight).toBe(true);
    expect(answer.headers['access-control-allow-origin']).toBe('https://b.example');
    expect(answer.headers['access-control-allow-methods']).toContain('POST');
    for (const header of ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-CSRF-Token', 'X-Correlation-Id'])
      expect(answer.headers['access-control-allow-headers']).toContain(header);
    expect(answer.headers.vary).toBe('Origin');
    expect(answer.headers).not.toHaveProperty('access-control-allow-credentials');
  });

  it('allows a configured origin’s request and exposes the headers a client reads', () => {
    const answer = corsAnswer(allowed, 'GET', 'https://a.example', false);
    expect(answer).toEqual({
      preflight: false,
      headers: expect.objectContaining({ 'access-control-allow-origin': 'https://a.example', vary: 'Origin' }),
    });
    expect(answer.headers['access-control-expose-headers']).toContain('X-Correlation-Id');
  });

  it.each(['https://c.example', 'http://a.example', 'https://a.example:8443', 'https://a.example.evil', 'null'])(
    'allows no other origin (%s), but still varies by it',
    (origin) => {
      expect(corsAnswer(allowed, 'OPTIONS', origin, true)).toEqual({ preflight: false, headers: { vary: 'Origin' } });
    },
  );
});

describe('withVary', () => {
  it('appends a name once', () => {
    expect(withVary(undefined, 'Origin')).toBe('Origin');
    expect(withVary('accept-encoding', 'Origin')).toBe('accept-encoding, Origin');
    expect(withVary('Accept-Encoding, origin', 'Origin')).toBe('Accept-Encoding, origin');
  });
});
