import { identityInMemory } from './identity.fixtures';
import { SessionStore } from './session-store';

const HOUR = 3600_000;

describe('SessionStore', () => {
  let clock: number;
  const now = () => new Date(clock);
  const setup = async () => {
    clock = Date.parse('2017-03-01T08:00:00Z');
    const identity = identityInMemory();
    await identity.account('cb.muonglat', 'mật khẩu đủ dài');
    const sessions = new SessionStore(identity.reads, identity.directory, { absoluteMs: 12 * HOUR, idleMs: HOUR }, now);
    return { ...identity, sessions };
  };

  it('resolves a started session to the account’s caller, with its CSRF token and end', async () => {
    const { sessions } = await setup();
    const started = await sessions.start('cb.muonglat', 'password');
    expect(started.sessionId).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(started.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(started.csrfToken).not.toBe(started.sessionId);
    expect(started.expiresAt).toBe('2017-03-01T20:00:00.000Z');
    expect(await sessions.resolve(started.sessionId)).toEqual({
      principal: { sub: 'cb.muonglat', name: 'cb.muonglat', agencyId: 'h-muong-lat', roles: ['agency_officer'] },
      csrfToken: started.csrfToken,
      expiresAt: started.expiresAt,
    });
  });

  it('keeps only the SHA-256 of the id: the id read from the table signs nobody in', async () => {
    const { sessions, reads } = await setup();
    const started = await sessions.start('cb.muonglat', 'password');
    const [doc] = await reads.find('identity-sessions');
    expect(doc._id).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(doc)).not.toContain(started.sessionId);
    expect(await sessions.resolve(doc._id)).toBeNull();
    expect(await sessions.resolve('an-id-that-was-never-given-out-000000000000')).toBeNull();
  });

  it('ends a session at sign-out, and only that one', async () => {
    const { sessions } = await setup();
    const [a, b] = [await sessions.start('cb.muonglat', 'password'), await sessions.start('cb.muonglat', 'password')];
    await sessions.end(a.sessionId);
    expect(await sessions.resolve(a.sessionId)).toBeNull();
    expect(await sessions.resolve(b.sessionId)).not.toBeNull();
  });

  it('ends a session 12 hours after sign-in though it is used, and after an idle hour', async () => {
    const { sessions } = await setup();
    const used = await sessions.start('cb.muonglat', 'password');
    const idle = await sessions.start('cb.muonglat', 'password');
    for (let h = 0; h < 12; h++) {
      clock += HOUR - 1;
      expect([h, await sessions.resolve(used.sessionId)]).toEqual([h, expect.anything()]);
    }
    expect(await sessions.resolve(idle.sessionId)).toBeNull();
    clock = Date.parse(used.expiresAt);
    expect(await sessions.resolve(used.sessionId)).toBeNull();
  });

  it('still holds a session idle exactly an hour, not a millisecond more', async () => {
    const { sessions } = await setup();
    const a = await sessions.start('cb.muonglat', 'password');
    clock += HOUR;
    expect(await sessions.resolve(a.sessionId)).not.toBeNull();
    const b = await sessions.start('cb.muonglat', 'password');
    clock += HOUR + 1;
    expect(await sessions.resolve(b.sessionId)).toBeNull();
  });

  it('ends an unknown session quietly, and an ended one keeps the time it ended', async () => {
    const { sessions, reads } = await setup();
    await expect(sessions.end('an-id-that-was-never-given-out-000000000000')).resolves.toBeUndefined();
    const a = await sessions.start('cb.muonglat', 'password');
    await sessions.end(a.sessionId);
    const [first] = await reads.find('identity-sessions');
    clock += 5000;
    await sessions.end(a.sessionId);
    const [again] = await reads.find('identity-sessions');
    expect(again.endedAt).toBe(first.endedAt);
  });

  it('counts the idle hour from the last use, not from sign-in', async () => {
    const { sessions } = await setup();
    const started = await sessions.start('cb.muonglat', 'password');
    clock += 50 * 60_000;
    expect(await sessions.resolve(started.sessionId)).not.toBeNull();
    clock += 50 * 60_000;
    expect(await sessions.resolve(started.sessionId)).not.toBeNull();
    clock += HOUR + 1;
    expect(await sessions.resolve(started.sessionId)).toBeNull();
  });

  it('answers no caller for a disabled account, and ends every session of an account but the one kept', async () => {
    const { sessions, disable, account } = await setup();
    await account('tt.1', 'mật khẩu thanh tra', ['inspector'], 'thanh-tra-tinh');
    const [a, b, c] = [
      await sessions.start('cb.muonglat', 'password'),
      await sessions.start('cb.muonglat', 'password'),
      await sessions.start('tt.1', 'password'),
    ];
    expect(await sessions.endAllOf('cb.muonglat', b.sessionId)).toBe(1);
    expect(await sessions.resolve(a.sessionId)).toBeNull();
    expect(await sessions.resolve(b.sessionId)).not.toBeNull();
    expect(await sessions.resolve(c.sessionId)).not.toBeNull();
    expect(await sessions.endAllOf('cb.muonglat')).toBe(1);
    expect(await sessions.endAllOf('cb.muonglat')).toBe(0);
    const d = await sessions.start('tt.1', 'password');
    await disable('tt.1');
    expect(await sessions.resolve(d.sessionId)).toBeNull();
  });
});
