import { backoffWithJitter, isRetryableStatus, retryAfterMs } from './retry-policy';

describe('retry policy', () => {
  it('retries 408, 429 and 5xx, and no other status', () => {
    expect([408, 429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 409, 410, 413, 422].some(isRetryableStatus)).toBe(false);
  });

  it('doubles the wait each retry, with its second half random', () => {
    expect([1, 2, 3].map((retry) => backoffWithJitter(200, retry, () => 0))).toEqual([100, 200, 400]);
    expect([1, 2, 3].map((retry) => backoffWithJitter(200, retry, () => 1))).toEqual([200, 400, 800]);
  });

  it('reads Retry-After in seconds or as an HTTP date, capped', () => {
    const now = new Date('2017-04-03T01:00:00.000Z');
    expect(retryAfterMs('2', 30_000, now)).toBe(2000);
    expect(retryAfterMs('3600', 30_000, now)).toBe(30_000);
    expect(retryAfterMs('Mon, 03 Apr 2017 01:00:05 GMT', 30_000, now)).toBe(5000);
    expect(retryAfterMs('Mon, 03 Apr 2017 00:00:00 GMT', 30_000, now)).toBe(0);
    expect(retryAfterMs(null, 30_000, now)).toBeNull();
    expect(retryAfterMs('soon', 30_000, now)).toBeNull();
  });
});
