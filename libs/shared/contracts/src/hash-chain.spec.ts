import { canonicalJson, eventHash, GENESIS_HASH } from './hash-chain';

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[2,{"y":2,"z":1}]},"b":1}');
  });
});

describe('eventHash', () => {
  const event = {
    eventId: 'e1',
    type: 't',
    schemaVersion: 1,
    streamId: 's',
    streamRevision: 0,
    occurredAt: '2017-01-01T00:00:00+07:00',
    recordedAt: '2026-01-01T00:00:00.000Z',
    actor: { userId: 'u', agencyId: null, role: 'system' as const },
    correlationId: 'c',
    causationId: null,
    data: { x: 1 },
    metadata: {},
  };
  it('changes when the previous hash or any field changes', () => {
    const h = eventHash(GENESIS_HASH, event);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(eventHash(GENESIS_HASH, { ...event })).toBe(h);
    expect(eventHash('1'.repeat(64), event)).not.toBe(h);
    expect(eventHash(GENESIS_HASH, { ...event, data: { x: 2 } })).not.toBe(h);
  });
});
