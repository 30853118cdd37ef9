import { TokenBuckets } from './token-bucket';

describe('TokenBuckets', () => {
  let clock = 0;
  const buckets = (burst: number, perSecond: number, maxKeys?: number) => new TokenBuckets({ burst, perSecond }, maxKeys, () => clock);
  beforeEach(() => (clock = 0));

  it('lets a burst through, then refuses with the whole seconds until the next token', () => {
    const b = buckets(3, 0.5);
    expect([1, 2, 3].map(() => b.take('a').ok)).toEqual([true, true, true]);
    expect(b.take('a')).toEqual({ ok: false, retryAfterSeconds: 2 });
    clock += 1000;
    expect(b.take('a')).toEqual({ ok: false, retryAfterSeconds: 1 });
    clock += 1000;
    expect(b.take('a')).toEqual({ ok: true });
  });

  it('never says to retry after less than one second', () => {
    const b = buckets(1, 1000);
    b.take('a');
    expect(b.take('a')).toEqual({ ok: false, retryAfterSeconds: 1 });
  });

  it('refills at its rate up to the burst, and no further', () => {
    const b = buckets(2, 10);
    b.take('a');
    b.take('a');
    clock += 60_000;
    expect([1, 2, 3].map(() => b.take('a').ok)).toEqual([true, true, false]);
  });

  it('keeps each key apart', () => {
    const b = buckets(1, 1);
    expect(b.take('a').ok).toBe(true);
    expect(b.take('b').ok).toBe(true);
    expect(b.take('a').ok).toBe(false);
  });

  it('holds at most maxKeys keys, forgetting the one used least recently', () => {
    const b = buckets(1, 0.001, 2);
    b.take('a');
    b.take('b');
    b.take('a'); // a used last: b goes first
    b.take('c');
    expect(b.size).toBe(2);
    expect(b.take('a').ok).toBe(false); // still remembered, still empty
    expect(b.take('b').ok).toBe(true); // forgotten, so full again
  });

  it('refuses a rate that could never let anything through', () => {
    expect(() => buckets(0, 1)).toThrow();
    expect(() => buckets(1, 0)).toThrow();
  });
});
