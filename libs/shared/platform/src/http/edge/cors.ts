/** The methods the API answers, and the request headers a page of an allowed origin may send. */
export const CORS_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE';
export const CORS_REQUEST_HEADERS = 'Authorization, Content-Type, Idempotency-Key, X-CSRF-Token, X-Correlation-Id, X-Consistency-Token';
/** The answer's headers a page may read. */
export const CORS_EXPOSED_HEADERS = 'X-Correlation-Id, X-Consistency-Token, Retry-After, Location, Content-Disposition';

export interface CorsAnswer {
  /** A preflight this policy answers itself (204 with these headers). */
  preflight: boolean;
  headers: Record<string, string>;
}

/**
 * Cross-origin reads and writes, closed unless origins are configured: then
 * exactly those (compared whole: scheme, host and port), no credentials (the
 * session cookie is SameSite=Strict; another site's page sends a bearer
 * token), and `Vary: Origin` on every answer, since the answer depends on it.
 */
export function corsAnswer(allowed: ReadonlySet<string>, method: string, origin: string | undefined, requestsMethod: boolean): CorsAnswer {
  if (allowed.size === 0) return { preflight: false, headers: {} };
  const vary = { vary: 'Origin' };
  if (!origin || !allowed.has(origin)) return { preflight: false, headers: vary };
  if (method === 'OPTIONS' && requestsMethod)
    return {
      preflight: true,
      headers: {
        ...vary,
        'access-control-allow-origin': origin,
        'access-control-allow-methods': CORS_METHODS,
        'access-control-allow-headers': CORS_REQUEST_HEADERS,
        'access-control-max-age': '600',
      },
    };
  return {
    preflight: false,
    headers: { ...vary, 'access-control-allow-origin': origin, 'access-control-expose-headers': CORS_EXPOSED_HEADERS },
  };
}

/** Appends to a Vary header without repeating a name. */
export function withVary(current: string | undefined, name: string): string {
  const names = (current ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return names.some((n) => n.toLowerCase() === name.toLowerCase() || n === '*') ? names.join(', ') : [...names, name].join(', ');
}
