import { clientAddressResolver, isTrustEntry } from './trusted-proxies';

describe('clientAddressResolver', () => {
  it('believes no header when nothing is trusted', () => {
    expect(clientAddressResolver(false)('203.0.113.9', '198.51.100.1')).toBe('203.0.113.9');
  });

  it('walks back through X-Forwarded-For while the hop is a trusted proxy', () => {
    const resolve = clientAddressResolver('loopback,10.0.0.0/8');
    expect(resolve('127.0.0.1', '198.51.100.7')).toBe('198.51.100.7');
    expect(resolve('::ffff:127.0.0.1', '198.51.100.7, 10.1.2.3')).toBe('198.51.100.7');
    // A client's own X-Forwarded-For, to the left of an untrusted hop, is not believed.
    expect(resolve('127.0.0.1', '1.1.1.1, 198.51.100.7')).toBe('198.51.100.7');
    expect(resolve('203.0.113.9', '1.1.1.1')).toBe('203.0.113.9');
    expect(resolve('127.0.0.1', undefined)).toBe('127.0.0.1');
  });

  it('takes names, addresses and CIDRs, and refuses anything else', () => {
    for (const entry of ['loopback', 'uniquelocal', 'linklocal', '10.0.0.1', '172.16.0.0/12', '::1', 'fd00::/8'])
      expect(isTrustEntry(entry)).toBe(true);
    for (const entry of ['everyone', '10.0.0.0/33', '10.0.0', 'true', '1.2.3.4/8/1']) expect(isTrustEntry(entry)).toBe(false);
    expect(() => clientAddressResolver('everyone')).toThrow();
  });
});
