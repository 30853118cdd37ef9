import { randomUUID } from 'node:crypto';
import { executeDirectly } from '@dm/composition';
import { EmbeddedFixture } from './fixture';

type Answer = { status: number; body: any; headers: Headers };

/**
 * docs/security.md, "Sign-in": local accounts kept as events, a browser
 * session in an httpOnly SameSite=Strict cookie with a CSRF token for
 * writes, bearer tokens an admin issues, and sign-out that ends the session
 * on the server.
 */
describe('sign-in, sessions and accounts (embedded)', () => {
  const fx = new EmbeddedFixture();
  const adminPassword = 'mật khẩu quản trị 2017';

  const call = async (
    method: string,
    path: string,
    options: { body?: unknown; cookie?: string; csrf?: string | null; bearer?: string } = {},
  ) => {
    const headers: Record<string, string> = {};
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.cookie) headers.cookie = options.cookie;
    if (options.csrf) headers['x-csrf-token'] = options.csrf;
    if (options.bearer) headers.authorization = `Bearer ${options.bearer}`;
    const answer = await fetch(`${fx.server.url}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await answer.text();
    return { status: answer.status, body: text ? JSON.parse(text) : null, headers: answer.headers } as Answer;
  };
  const signIn = async (username: string, password: string) => {
    const answer = await call('POST', '/api/v1/auth/sign-in', { body: { username, password } });
    const cookie = answer.headers.get('set-cookie')?.split(';')[0] ?? '';
    return { ...answer, cookie, csrf: answer.body?.csrfToken as string };
  };

  beforeAll(async () => {
    await fx.start();
    const accounts = fx.server.runtime.identity.accounts(executeDirectly(fx.server.runtime.identityStore));
    await accounts.create(
      { username: 'quantri', password: adminPassword, displayName: 'Quản trị hệ thống', agencyId: null, roles: ['admin'] },
      {
        commandId: randomUUID(),
        bodyHash: '',
        keyed: false,
        actor: { userId: 'cli', agencyId: null, role: 'system' },
        correlationId: randomUUID(),
        occurredAt: new Date().toISOString(),
      },
    );
  });
  afterAll(() => fx.stop());

  it('signs in with the right password: an httpOnly, SameSite=Strict cookie and a CSRF token', async () => {
    const answer = await signIn('QuanTri', adminPassword);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('set-cookie')).toMatch(/^dm_session=[A-Za-z0-9_-]{40,}; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Strict$/);
    expect(answer.body).toEqual({
      account: { username: 'quantri', displayName: 'Quản trị hệ thống', agencyId: null, roles: ['admin'] },
      via: 'session',
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{40,}$/),
      expiresAt: expect.any(String),
    });
    const session = await call('GET', '/api/v1/auth/session', { cookie: answer.cookie });
    expect(session.body).toEqual(answer.body);
  });

  it('refuses a wrong password and an unknown user alike, as problem+json', async () => {
    const wrong = await signIn('quantri', 'not the password at all');
    const unknown = await signIn('nobody-here', 'not the password at all');
    for (const answer of [wrong, unknown]) {
      expect(answer.status).toBe(401);
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(answer.headers.get('set-cookie')).toBeNull();
    }
    expect(wrong.body.detail).toBe(unknown.body.detail);
  });

  it('names the field of a malformed sign-in', async () => {
    const answer = await call('POST', '/api/v1/auth/sign-in', { body: { username: 'quantri', password: 42 } });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([{ field: 'password', message: 'must be a string' }]);
  });

  it('lets an admin create an officer of Mường Lát, who then signs in and reads with the cookie', async () => {
    const admin = await signIn('quantri', adminPassword);
    const created = await call('POST', '/api/v1/accounts', {
      cookie: admin.cookie,
      csrf: admin.csrf,
      body: {
        username: 'muonglat.cb',
        password: 'Mường Lát 2017 báo cáo',
        displayName: 'Cán bộ UBND huyện Mường Lát',
        agencyId: 'h-muong-lat',
        roles: ['agency_officer'],
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ username: 'muonglat.cb', source: 'local', disabled: false, roles: ['agency_officer'] });
    expect(JSON.stringify(created.body)).not.toMatch(/Mường Lát 2017 báo cáo|scrypt/);
    const officer = await signIn('muonglat.cb', 'Mường Lát 2017 báo cáo');
    expect(officer.status).toBe(200);
    const mine = await call('GET', '/api/v1/assignments?agencyId=h-muong-lat', { cookie: officer.cookie });
    expect(mine.status).toBe(200);
    const others = await call('GET', '/api/v1/assignments?agencyId=h-ba-thuoc', { cookie: officer.cookie });
    expect(others.status).toBe(403);
    const list = await call('GET', '/api/v1/accounts', { cookie: officer.cookie });
    expect(list.status).toBe(403);
  });

  it('refuses a write on a session without its CSRF token, or with another session’s', async () => {
    const admin = await signIn('quantri', adminPassword);
    const other = await signIn('quantri', adminPassword);
    const body = {
      username: 'thanhtra.1',
      password: 'thanh tra tỉnh 2017',
      displayName: 'Thanh tra viên',
      agencyId: null,
      roles: ['inspector'],
    };
    for (const csrf of [null, other.csrf, 'x'.repeat(43)]) {
      const refused = await call('POST', '/api/v1/accounts', { cookie: admin.cookie, csrf, body });
      expect(refused.status).toBe(403);
    }
    expect((await call('GET', '/api/v1/accounts/thanhtra.1', { cookie: admin.cookie })).status).toBe(404);
  });

  it('ends the session on the server at sign-out: the same cookie no longer signs in', async () => {
    const admin = await signIn('quantri', adminPassword);
    expect((await call('POST', '/api/v1/auth/sign-out', { cookie: admin.cookie })).status).toBe(403);
    const out = await call('POST', '/api/v1/auth/sign-out', { cookie: admin.cookie, csrf: admin.csrf });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^dm_session=; Max-Age=0/);
    expect((await call('GET', '/api/v1/auth/session', { cookie: admin.cookie })).status).toBe(401);
  });

  it('issues a bearer token with an expiry; disabling the account ends its sessions', async () => {
    const admin = await signIn('quantri', adminPassword);
    const issued = await call('POST', '/api/v1/accounts/muonglat.cb/tokens', {
      cookie: admin.cookie,
      csrf: admin.csrf,
      body: { label: 'Phần mềm một cửa', expiresInDays: 30 },
    });
    expect(issued.status).toBe(201);
    const days = (Date.parse(issued.body.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
    const viaToken = await call('GET', '/api/v1/auth/session', { bearer: issued.body.token });
    expect(viaToken.body).toMatchObject({ via: 'token', csrfToken: null, account: { username: 'muonglat.cb', agencyId: 'h-muong-lat' } });
    const account = await call('GET', '/api/v1/accounts/muonglat.cb', { cookie: admin.cookie });
    expect(account.body.tokens).toEqual([
      {
        tokenId: issued.body.tokenId,
        label: 'Phần mềm một cửa',
        expiresAt: issued.body.expiresAt,
        issuedAt: expect.any(String),
        issuedBy: 'quantri',
      },
    ]);

    const officer = await signIn('muonglat.cb', 'Mường Lát 2017 báo cáo');
    const disabled = await call('POST', '/api/v1/accounts/muonglat.cb/disable', {
      cookie: admin.cookie,
      csrf: admin.csrf,
      body: { reason: 'Chuyển công tác' },
    });
    expect(disabled.body).toMatchObject({ disabled: true, disabledReason: 'Chuyển công tác' });
    expect((await call('GET', '/api/v1/auth/session', { cookie: officer.cookie })).status).toBe(401);
    expect((await call('GET', '/api/v1/auth/session', { bearer: issued.body.token })).status).toBe(401);
    expect((await signIn('muonglat.cb', 'Mường Lát 2017 báo cáo')).status).toBe(403);
    const self = await call('POST', '/api/v1/accounts/quantri/disable', { cookie: admin.cookie, csrf: admin.csrf, body: { reason: 'x' } });
    expect(self.status).toBe(403);
    await call('POST', '/api/v1/accounts/muonglat.cb/enable', { cookie: admin.cookie, csrf: admin.csrf });
    expect((await call('GET', '/api/v1/auth/session', { bearer: issued.body.token })).status).toBe(200);
  });

  it('resets a password: the old one is refused, the new one signs in, the account’s sessions end', async () => {
    const admin = await signIn('quantri', adminPassword);
    const before = await signIn('muonglat.cb', 'Mường Lát 2017 báo cáo');
    const reset = await call('POST', '/api/v1/accounts/muonglat.cb/password', {
      cookie: admin.cookie,
      csrf: admin.csrf,
      body: { password: 'mật khẩu mới 2018' },
    });
    expect(reset.status).toBe(200);
    expect((await call('GET', '/api/v1/auth/session', { cookie: before.cookie })).status).toBe(401);
    expect((await signIn('muonglat.cb', 'Mường Lát 2017 báo cáo')).status).toBe(401);
    const after = await signIn('muonglat.cb', 'mật khẩu mới 2018');
    expect(after.status).toBe(200);
    const own = await call('POST', '/api/v1/accounts/muonglat.cb/password', {
      cookie: after.cookie,
      csrf: after.csrf,
      body: { password: 'một mật khẩu khác nữa' },
    });
    expect([own.status, own.body.errors]).toEqual([
      400,
      [{ field: 'currentPassword', message: 'is required to change one’s own password' }],
    ]);
    const other = await call('POST', '/api/v1/accounts/quantri/password', {
      cookie: after.cookie,
      csrf: after.csrf,
      body: { password: 'một mật khẩu khác nữa', currentPassword: 'x' },
    });
    expect(other.status).toBe(403);
  });

  it('slows repeated failures: after five, even the right password waits (429, Retry-After)', async () => {
    for (let i = 0; i < 5; i++) expect((await signIn('thanhtra.2', `wrong password ${i}`)).status).toBe(401);
    const locked = await signIn('thanhtra.2', 'wrong password again');
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });
});
