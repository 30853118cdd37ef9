import { csrfHolds, sessionIdOf, type ResolvedSession } from './sessions';

const id = 'a'.repeat(43);
const session: ResolvedSession = {
  principal: { sub: 'cb', name: null, agencyId: 'h-muong-lat', roles: ['agency_officer'] },
  csrfToken: 'T0ken-of-this-session_0123456789abcdefghij',
  expiresAt: '2017-03-01T20:00:00.000Z',
};

describe('sessionIdOf', () => {
  it('reads the session cookie among others', () => {
    expect(sessionIdOf({ cookie: `theme=dark; dm_session=${id}; lang=vi` })).toBe(id);
    expect(sessionIdOf({ cookie: `dm_session=${id}` })).toBe(id);
  });

  it('reads none from a missing, empty, look-alike or malformed cookie', () => {
    for (const cookie of [
      undefined,
      '',
      'dm_session=',
      `x_dm_session=${id}`,
      `dm_sessions=${id}`,
      'dm_session=short',
      `dm_session=${'a'.repeat(101)}`,
      `dm_session=${'a'.repeat(42)}%00`,
    ])
      expect([cookie, sessionIdOf({ cookie })]).toEqual([cookie, null]);
  });
});

describe('csrfHolds', () => {
  it('lets reads through without a token', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS', 'get']) expect(csrfHolds(method, {}, session)).toBe(true);
  });

  it('asks every write for the session’s own token', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      expect(csrfHolds(method, {}, session)).toBe(false);
      expect(csrfHolds(method, { 'x-csrf-token': session.csrfToken }, session)).toBe(true);
      expect(csrfHolds(method, { 'x-csrf-token': session.csrfToken.slice(0, -1) + 'X' }, session)).toBe(false);
      expect(csrfHolds(method, { 'x-csrf-token': session.csrfToken + 'x' }, session)).toBe(false);
      expect(csrfHolds(method, { 'x-csrf-token': '' }, session)).toBe(false);
      expect(csrfHolds(method, { 'x-csrf-token': [session.csrfToken] as never }, session)).toBe(false);
    }
  });
});
