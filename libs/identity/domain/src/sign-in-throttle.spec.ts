import { DEFAULT_THROTTLE, SignInThrottle } from './sign-in-throttle';

const keys = { username: 'muonglat.cb', address: '10.0.0.1' };
const failTimes = (throttle: SignInThrottle, n: number, at: number, k = keys) => {
  for (let i = 0; i < n; i++) throttle.failed(k, at);
};

describe('SignInThrottle', () => {
  it('lets the first failures through, then locks the username for 1 s, 2 s, 4 s …', () => {
    const throttle = new SignInThrottle();
    failTimes(throttle, 4, 0);
    expect(throttle.retryAfter(keys, 0)).toBe(0);
    throttle.failed(keys, 0);
    expect(throttle.retryAfter(keys, 0)).toBe(1);
    expect(throttle.retryAfter(keys, 1000)).toBe(0);
    throttle.failed(keys, 1000);
    expect(throttle.retryAfter(keys, 1000)).toBe(2);
    throttle.failed(keys, 3000);
    expect(throttle.retryAfter(keys, 3000)).toBe(4);
    expect(throttle.retryAfter(keys, 6999)).toBe(1);
  });

  it('locks the username whatever address the guesses come from', () => {
    const throttle = new SignInThrottle();
    for (let i = 0; i < 5; i++) throttle.failed({ username: keys.username, address: `10.0.0.${i}` }, 0);
    expect(throttle.retryAfter({ username: keys.username, address: '192.168.1.1' }, 0)).toBe(1);
    expect(throttle.retryAfter({ username: 'someone.else', address: '192.168.1.1' }, 0)).toBe(0);
  });

  it('locks an address that guesses across many usernames, after a larger allowance', () => {
    const throttle = new SignInThrottle();
    for (let i = 0; i < DEFAULT_THROTTLE.address.freeFailures - 1; i++) throttle.failed({ username: `user${i}`, address: keys.address }, 0);
    expect(throttle.retryAfter({ username: 'fresh', address: keys.address }, 0)).toBe(0);
    throttle.failed({ username: 'another', address: keys.address }, 0);
    expect(throttle.retryAfter({ username: 'fresh', address: keys.address }, 0)).toBe(1);
  });

  it('caps the lock, and forgets failures older than the window', () => {
    const throttle = new SignInThrottle();
    failTimes(throttle, 40, 0);
    expect(throttle.retryAfter(keys, 0)).toBe(DEFAULT_THROTTLE.username.maxLockMs / 1000);
    const later = DEFAULT_THROTTLE.username.windowMs + 1;
    throttle.failed(keys, later);
    expect(throttle.retryAfter({ ...keys, address: 'elsewhere' }, later)).toBe(0);
  });

  it('counts a failure exactly one window after the first as a new window', () => {
    const throttle = new SignInThrottle();
    const window = DEFAULT_THROTTLE.username.windowMs;
    failTimes(throttle, 4, 0);
    throttle.failed(keys, window - 1);
    expect(throttle.retryAfter(keys, window - 1)).toBe(1);
    const fresh = new SignInThrottle();
    failTimes(fresh, 4, 0);
    fresh.failed(keys, window);
    expect(fresh.retryAfter(keys, window)).toBe(0);
  });

  it('forgets an address’s failures after its window, and locks only that address', () => {
    const throttle = new SignInThrottle();
    const { freeFailures, windowMs } = DEFAULT_THROTTLE.address;
    for (let i = 0; i < freeFailures - 1; i++) throttle.failed({ username: `user${i}`, address: keys.address }, 0);
    throttle.failed({ username: 'late', address: keys.address }, windowMs);
    expect(throttle.retryAfter({ username: 'fresh', address: keys.address }, windowMs)).toBe(0);
    for (let i = 0; i < freeFailures; i++) throttle.failed({ username: `again${i}`, address: '10.9.9.9' }, windowMs);
    expect(throttle.retryAfter({ username: 'fresh', address: '10.9.9.9' }, windowMs)).toBe(1);
    expect(throttle.retryAfter({ username: 'fresh', address: keys.address }, windowMs)).toBe(0);
  });

  it('clears the username’s failures on a success, not the address’s', () => {
    const throttle = new SignInThrottle({
      username: { freeFailures: 2, windowMs: 60_000, maxLockMs: 60_000 },
      address: { freeFailures: 3, windowMs: 60_000, maxLockMs: 60_000 },
    });
    failTimes(throttle, 2, 0);
    throttle.succeeded(keys);
    expect(throttle.retryAfter({ ...keys, address: 'elsewhere' }, 0)).toBe(0);
    throttle.failed(keys, 0);
    expect(throttle.retryAfter({ username: 'x', address: keys.address }, 0)).toBe(1);
  });

  it('keeps at most maxKeys keys, forgetting the oldest', () => {
    const throttle = new SignInThrottle(DEFAULT_THROTTLE, 4);
    failTimes(throttle, 5, 0);
    for (let i = 0; i < 3; i++) throttle.failed({ username: `u${i}`, address: `a${i}` }, 0);
    expect(throttle.retryAfter({ username: keys.username, address: 'new' }, 0)).toBe(0);
    const exact = new SignInThrottle(DEFAULT_THROTTLE, 4);
    failTimes(exact, 5, 0);
    exact.failed({ username: 'u', address: 'a' }, 0);
    expect(exact.retryAfter({ username: keys.username, address: 'new' }, 0)).toBe(1);
  });
});
