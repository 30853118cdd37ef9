import { IdempotencyKeys, newIdempotencyKey } from './idempotency';

describe('idempotency keys', () => {
  let n = 0;
  const keys = () => new IdempotencyKeys(() => `k${++n}`);

  it('sends the same key when the same body is retried', () => {
    const k = keys();
    expect(k.keyFor({ a: 1 })).toBe(k.keyFor({ a: 1 }));
  });

  it('sends a new key for a changed body, and after the server took one', () => {
    const k = keys();
    const first = k.keyFor({ a: 1 });
    expect(k.keyFor({ a: 2 })).not.toBe(first);
    const second = k.keyFor({ a: 2 });
    k.settled();
    expect(k.keyFor({ a: 2 })).not.toBe(second);
  });
});

describe('a new key', () => {
  it('is 128 random bits in hex, never the same twice', () => {
    const [a, b] = [newIdempotencyKey(), newIdempotencyKey()];
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(a).not.toBe(b);
  });
});
