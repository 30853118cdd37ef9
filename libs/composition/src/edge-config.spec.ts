import { ConfigError } from './config';
import { edgeOptionsOf } from './edge-config';

describe('edgeOptionsOf', () => {
  it('has the defaults at the edge: rate limits on, 64 connections per address, CORS closed, nothing forwarded believed', () => {
    expect(edgeOptionsOf({}, 'edge')).toEqual({
      rateLimit: { principal: { burst: 200, perSecond: 50 }, address: { burst: 400, perSecond: 100 } },
      maxConnectionsPerAddress: 64,
      corsOrigins: [],
      trustProxy: false,
    });
  });

  it('behind the gateway: no connection limit, and the gateway believed from loopback and private networks', () => {
    expect(edgeOptionsOf({}, 'behind-gateway')).toMatchObject({ maxConnectionsPerAddress: 0, trustProxy: ['loopback', 'uniquelocal'] });
  });

  it('reads every setting', () => {
    expect(
      edgeOptionsOf(
        {
          RATE_LIMIT_PRINCIPAL: '20/5',
          RATE_LIMIT_ADDRESS: '1000/250',
          MAX_CONNECTIONS_PER_ADDRESS: '0',
          CORS_ORIGINS: 'https://a.example, https://b.example:8443',
          TRUST_PROXY: '10.0.0.0/8,loopback',
        },
        'edge',
      ),
    ).toEqual({
      rateLimit: { principal: { burst: 20, perSecond: 5 }, address: { burst: 1000, perSecond: 250 } },
      maxConnectionsPerAddress: 0,
      corsOrigins: ['https://a.example', 'https://b.example:8443'],
      trustProxy: ['10.0.0.0/8', 'loopback'],
    });
    expect(edgeOptionsOf({ RATE_LIMIT: 'off' }, 'edge').rateLimit).toBe(false);
    expect(edgeOptionsOf({ TRUST_PROXY: 'off' }, 'behind-gateway').trustProxy).toBe(false);
  });

  it.each([
    ['RATE_LIMIT', 'no'],
    ['RATE_LIMIT_PRINCIPAL', '200'],
    ['RATE_LIMIT_PRINCIPAL', '0/5'],
    ['RATE_LIMIT_ADDRESS', '10/-1'],
    ['MAX_CONNECTIONS_PER_ADDRESS', '-1'],
    ['CORS_ORIGINS', '*'],
    ['CORS_ORIGINS', 'https://a.example/app'],
    ['CORS_ORIGINS', 'a.example'],
    ['TRUST_PROXY', 'true'],
    ['TRUST_PROXY', '10.0.0.0/40'],
  ])('refuses %s=%s, naming it', (key, value) => {
    expect(() => edgeOptionsOf({ [key]: value }, 'edge')).toThrow(ConfigError);
    expect(() => edgeOptionsOf({ [key]: value }, 'edge')).toThrow(key);
  });
});
