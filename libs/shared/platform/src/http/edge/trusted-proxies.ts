import { BlockList, isIP } from 'node:net';

/** proxy-addr's names (what Fastify's trustProxy takes) as ranges. */
const NAMED: Record<string, Array<[string, number, 'ipv4' | 'ipv6']>> = {
  loopback: [
    ['127.0.0.0', 8, 'ipv4'],
    ['::1', 128, 'ipv6'],
  ],
  linklocal: [
    ['169.254.0.0', 16, 'ipv4'],
    ['fe80::', 10, 'ipv6'],
  ],
  uniquelocal: [
    ['10.0.0.0', 8, 'ipv4'],
    ['172.16.0.0', 12, 'ipv4'],
    ['192.168.0.0', 16, 'ipv4'],
    ['fc00::', 7, 'ipv6'],
  ],
};

/** Whether an entry of a trust list is a name above, an address, or address/prefix. */
export function isTrustEntry(entry: string): boolean {
  if (entry in NAMED) return true;
  const [address, prefix, extra] = entry.split('/');
  const family = isIP(address);
  if (!family || extra !== undefined) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

const plain = (address: string) => (address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address);

/**
 * The client's address where only the listed proxies are believed: from the
 * socket's peer, back through X-Forwarded-For, while each hop is trusted
 * (what Fastify's trustProxy does, for the gateway's plain Node server).
 */
export function clientAddressResolver(
  trust: boolean | string | string[],
): (peer: string, forwardedFor: string | string[] | undefined) => string {
  if (trust === false) return (peer) => peer;
  const entries = trust === true ? null : (Array.isArray(trust) ? trust : trust.split(',')).map((e) => e.trim()).filter(Boolean);
  const list = new BlockList();
  for (const entry of entries ?? []) {
    if (!isTrustEntry(entry)) throw new Error(`not an address, a CIDR or loopback/linklocal/uniquelocal: ${entry}`);
    for (const [address, prefix, type] of NAMED[entry] ?? [
      [
        entry.split('/')[0],
        Number(entry.split('/')[1] ?? (isIP(entry.split('/')[0]) === 4 ? 32 : 128)),
        isIP(entry.split('/')[0]) === 4 ? 'ipv4' : 'ipv6',
      ],
    ])
      list.addSubnet(address, prefix, type);
  }
  const trusted = (address: string) => {
    if (entries === null) return true;
    const a = plain(address);
    const family = isIP(a);
    return family !== 0 && list.check(a, family === 4 ? 'ipv4' : 'ipv6');
  };
  return (peer, forwardedFor) => {
    const hops = [forwardedFor]
      .flat()
      .filter(Boolean)
      .join(',')
      .split(',')
      .map((h) => h.trim())
      .filter(Boolean);
    let address = peer;
    while (trusted(address) && hops.length) address = hops.pop()!;
    return address;
  };
}
