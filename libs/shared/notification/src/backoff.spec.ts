import { defaultBackoffMs } from './backoff';

describe('defaultBackoffMs', () => {
  it('waits 30 s after the first failure and doubles, up to 6 h', () => {
    expect([1, 2, 3, 4, 8].map(defaultBackoffMs)).toEqual([30_000, 60_000, 120_000, 240_000, 3_840_000]);
    expect(defaultBackoffMs(10)).toBe(15_360_000);
    expect(defaultBackoffMs(11)).toBe(6 * 3600_000);
    expect(defaultBackoffMs(1000)).toBe(6 * 3600_000);
  });
});
