import { specMetadata } from '@dm/eventsourcing/testing';
import { ValidationError } from '@dm/eventsourcing';
import type { TokenService } from '@dm/platform';
import { Accounts } from './accounts';
import { identityInMemory } from './identity.fixtures';
import type { SessionStore } from './session-store';

/** Bearer tokens an admin issues: found by the fuzzer (POST /api/v1/accounts/{username}/tokens with expiresInDays 3e-25 gave 500 after recording the token). */
describe('Accounts.issueToken', () => {
  const setup = async (sign: TokenService['sign'] = () => 'signed') => {
    const identity = identityInMemory();
    await identity.account('cb.muonglat', 'mat-khau-du-dai-1');
    const tokens = { sign: jest.fn(sign) } as unknown as TokenService;
    const accounts = new Accounts(
      identity.execute,
      identity.directory,
      identity.credentials,
      {} as SessionStore,
      tokens,
      undefined,
      () => new Date('2017-03-01T00:00:00Z'),
    );
    const events = async () => await identity.events.headPosition();
    return { accounts, tokens, events };
  };

  it('issues a token of at least one hour, signed for that long', async () => {
    const { accounts, tokens, events } = await setup();
    const before = await events();
    const issued = await accounts.issueToken(
      'cb.muonglat',
      { label: 'script', expiresInDays: 1 / 24 },
      specMetadata({ commandId: 'token-1' }),
    );
    expect(issued).toMatchObject({ token: 'signed', expiresAt: '2017-03-01T01:00:00.000Z' });
    expect(tokens.sign).toHaveBeenCalledWith(expect.objectContaining({ sub: 'cb.muonglat', jti: issued.tokenId }), 3600);
    expect(await events()).toBe(before + 1);
  });

  it.each([3.1e-25, 0.04, 1 / 24 - 1e-4])('refuses %p days (under an hour) and records nothing', async (expiresInDays) => {
    const { accounts, tokens, events } = await setup();
    const before = await events();
    await expect(accounts.issueToken('cb.muonglat', { label: 'x', expiresInDays }, specMetadata({ commandId: 'token-2' }))).rejects.toThrow(
      ValidationError,
    );
    expect(tokens.sign).not.toHaveBeenCalled();
    expect(await events()).toBe(before);
  });

  it('records nothing when the token cannot be signed', async () => {
    const { accounts, events } = await setup(() => {
      throw new Error('this process holds no signing key');
    });
    const before = await events();
    await expect(
      accounts.issueToken('cb.muonglat', { label: 'x', expiresInDays: 30 }, specMetadata({ commandId: 'token-3' })),
    ).rejects.toThrow('signing key');
    expect(await events()).toBe(before);
  });
});

/** Found by the fuzzer: POST /api/v1/accounts refused (422, an Idempotency-Key reused with another body) had already written the new account's password hash. */
describe('Accounts: a refused creation or password change writes no password', () => {
  const setup = async () => {
    const identity = identityInMemory();
    const accounts = new Accounts(
      identity.execute,
      identity.directory,
      identity.credentials,
      { endAllOf: async () => undefined } as unknown as SessionStore,
      {} as TokenService,
    );
    return { identity, accounts };
  };
  const keyed = (bodyHash: string) => specMetadata({ commandId: '018f0000-0000-7000-8000-00000000000a', keyed: true, bodyHash });
  const request = (username: string, password: string) => ({
    username,
    password,
    displayName: username,
    agencyId: 'h-muong-lat',
    roles: ['agency_officer' as const],
  });

  it('a creation refused for its reused key leaves no password for the username', async () => {
    const { identity, accounts } = await setup();
    await accounts.create(request('cb.a', 'mat-khau-du-dai-1'), keyed('body-a'));
    await expect(accounts.create(request('cb.b', 'mat-khau-du-dai-2'), keyed('body-b'))).rejects.toThrow();
    expect(await identity.directory.get('cb.b')).toBeNull();
    expect(await identity.credentials.verify('cb.b', 'mat-khau-du-dai-2')).toBe(false);
    expect(await identity.credentials.verify('cb.a', 'mat-khau-du-dai-1')).toBe(true);
  });

  it('a password change refused for its reused key leaves the password as it was', async () => {
    const { identity, accounts } = await setup();
    await identity.account('cb.a', 'mat-khau-cu-du-dai');
    await accounts.setPassword('cb.a', { password: 'mat-khau-moi-du-dai-1', reset: true }, keyed('first'));
    await expect(accounts.setPassword('cb.a', { password: 'mat-khau-moi-du-dai-2', reset: true }, keyed('second'))).rejects.toThrow();
    expect(await identity.credentials.verify('cb.a', 'mat-khau-moi-du-dai-2')).toBe(false);
    expect(await identity.credentials.verify('cb.a', 'mat-khau-moi-du-dai-1')).toBe(true);
  });
});
