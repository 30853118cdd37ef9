import { retryAfterSeconds } from './retry-after';

describe('Retry-After', () => {
  it('reads seconds', () => expect(retryAfterSeconds('30')).toBe(30));
  it('reads an HTTP date', () => expect(retryAfterSeconds('Wed, 21 Oct 2015 07:28:30 GMT', new Date('2015-10-21T07:28:00Z'))).toBe(30));
  it('reads nothing else', () => {
    expect(retryAfterSeconds(null)).toBeNull();
    expect(retryAfterSeconds('soon')).toBeNull();
  });
});
