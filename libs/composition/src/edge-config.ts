import { z } from 'zod';
import { isTrustEntry, type EdgeOptions } from '@dm/platform';
import { ConfigError } from './config';

/** "burst/perSecond", e.g. 200/50. */
const rate = z
  .string()
  .regex(/^[1-9]\d{0,6}\/[1-9]\d{0,6}$/, 'must be burst/per-second, e.g. 200/50')
  .transform((s) => {
    const [burst, perSecond] = s.split('/').map(Number);
    return { burst, perSecond };
  });

const origin = (o: string) => {
  if (!/^https?:\/\/[^/?#\s]+$/.test(o) || !URL.canParse(o)) return false;
  return new URL(o).origin === o;
};

/**
 * The settings of the HTTP edge (docs/security.md, "Limits and headers"),
 * read by the embedded server, each service and the gateway.
 */
export const edgeEnvShape = {
  /** `off` turns both rate limits off (benchmarks, load tests). */
  RATE_LIMIT: z.enum(['on', 'off']).default('on'),
  RATE_LIMIT_PRINCIPAL: rate.default('200/50'),
  RATE_LIMIT_ADDRESS: rate.default('400/100'),
  /** 0: no limit. Default 64 at the edge (embedded, gateway), none behind the gateway. */
  MAX_CONNECTIONS_PER_ADDRESS: z
    .string()
    .regex(/^\d{1,6}$/, 'must be a whole number (0: no limit)')
    .transform(Number)
    .optional(),
  /** Comma-separated origins (https://a.example,https://b.example); unset: CORS closed. */
  CORS_ORIGINS: z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .refine((list) => list.every(origin), 'must be origins (scheme://host[:port], no path), separated by commas')
    .optional(),
  /** Whose X-Forwarded-For is believed: `off`, or addresses, CIDRs, loopback, linklocal, uniquelocal. */
  TRUST_PROXY: z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((e) => e.trim())
        .filter(Boolean),
    )
    .refine(
      (list) => (list.length === 1 && list[0] === 'off') || (list.length > 0 && list.every(isTrustEntry)),
      'must be off, or addresses, CIDRs, loopback, linklocal or uniquelocal, separated by commas',
    )
    .optional(),
};

export type EdgeEnv = z.output<z.ZodObject<typeof edgeEnvShape>>;

/**
 * `edge`: the embedded server and the gateway, which clients reach; nothing
 * forwarded is believed unless TRUST_PROXY says so. `behind-gateway`: a service
 * of the distributed form, which sees only the gateway: no connection limit
 * (every client comes through the gateway's few connections) and the
 * gateway's X-Forwarded-For believed from loopback and private networks.
 */
export function edgeOptionsOf(env: NodeJS.ProcessEnv, where: 'edge' | 'behind-gateway', name = ''): EdgeOptions {
  const parsed = z.object(edgeEnvShape).safeParse(env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; '), name);
  const e = parsed.data;
  const trust = e.TRUST_PROXY ?? (where === 'edge' ? ['off'] : ['loopback', 'uniquelocal']);
  return {
    rateLimit: e.RATE_LIMIT === 'off' ? false : { principal: e.RATE_LIMIT_PRINCIPAL, address: e.RATE_LIMIT_ADDRESS },
    maxConnectionsPerAddress: e.MAX_CONNECTIONS_PER_ADDRESS ?? (where === 'edge' ? 64 : 0),
    corsOrigins: e.CORS_ORIGINS ?? [],
    trustProxy: trust[0] === 'off' ? false : trust,
  };
}
