import { ProblemError } from '@dm/platform';
import { CreateAccount, SignInThrottle } from '@dm/identity-domain';
import { specMetadata } from '@dm/eventsourcing/testing';
import { identityInMemory } from './identity.fixtures';
import { SessionStore } from './session-store';
import { PasswordSignIn } from './sign-in';

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: ProblemError) => ({ status: error.status, detail: error.detail, headers: error.headers }),
  );

describe('PasswordSignIn', () => {
  let clock = 0;
  const setup = async () => {
    clock = Date.parse('2017-03-01T08:00:00Z');
    const identity = identityInMemory();
    await identity.account('cb.muonglat', 'mật khẩu đủ dài');
    const sessions = new SessionStore(identity.reads, identity.directory);
    return {
      ...identity,
      sessions,
      signIn: new PasswordSignIn(identity.directory, identity.credentials, sessions, new SignInThrottle(), () => clock),
    };
  };

  it('signs in with the right password, whatever the username’s case and spaces, and starts a session', async () => {
    const { signIn, sessions } = await setup();
    const signed = await signIn.signIn('  CB.MuongLat ', 'mật khẩu đủ dài', '10.0.0.1');
    expect(signed.account.username).toBe('cb.muonglat');
    expect((await sessions.resolve(signed.sessionId))?.principal.sub).toBe('cb.muonglat');
  });

  it('answers a wrong password and an unknown username with the same 401', async () => {
    const { signIn } = await setup();
    const wrong = await refusal(signIn.signIn('cb.muonglat', 'sai mật khẩu', '10.0.0.1'));
    const unknown = await refusal(signIn.signIn('khong.co', 'sai mật khẩu', '10.0.0.1'));
    expect(wrong).toEqual({ status: 401, detail: 'The username or the password is wrong', headers: {} });
    expect(unknown).toEqual(wrong);
  });

  it('refuses a disabled account with the right password (403), without counting a failure', async () => {
    const { signIn, disable } = await setup();
    await disable('cb.muonglat');
    for (let i = 0; i < 7; i++) expect((await refusal(signIn.signIn('cb.muonglat', 'mật khẩu đủ dài', '10.0.0.1')))?.status).toBe(403);
  });

  it('after five failures answers 429 with Retry-After, the right password included, until the lock passes', async () => {
    const { signIn } = await setup();
    for (let i = 0; i < 5; i++) expect((await refusal(signIn.signIn('cb.muonglat', `sai ${i}`, '10.0.0.1')))?.status).toBe(401);
    expect(await refusal(signIn.signIn('cb.muonglat', 'mật khẩu đủ dài', '10.0.0.2'))).toEqual({
      status: 429,
      detail: 'Too many failed sign-ins; try again in 1 s',
      headers: { 'retry-after': '1' },
    });
    clock += 1000;
    expect((await signIn.signIn('cb.muonglat', 'mật khẩu đủ dài', '10.0.0.2')).account.username).toBe('cb.muonglat');
    expect((await refusal(signIn.signIn('cb.muonglat', 'sai', '10.0.0.2')))?.status).toBe(401);
  });

  it('does not sign in an account of the identity provider with a password', async () => {
    const { signIn, credentials, execute } = await setup();
    await execute(
      new CreateAccount({ username: 'oidc.x', displayName: 'X', agencyId: null, roles: ['inspector'], source: 'oidc' }, specMetadata()),
    );
    await credentials.set('oidc.x', 'a password set somehow', new Date());
    expect((await refusal(signIn.signIn('oidc.x', 'a password set somehow', '10.0.0.1')))?.status).toBe(401);
  });
});
