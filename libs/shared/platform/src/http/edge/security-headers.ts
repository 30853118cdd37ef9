import type { IncomingHttpHeaders } from 'node:http';

/** The policy of an API answer (JSON, problem+json, files): it is never a page, so it may load nothing and be framed nowhere. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** HTTPS for a year once a browser has seen it over HTTPS (subdomains left alone: they may be other offices' sites). */
export const HSTS = 'max-age=31536000';

/**
 * The headers every answer carries (docs/security.md, "Limits and headers"):
 * no sniffing of types, no framing, no referrer sent on, the window and the
 * answer kept to this origin, and HSTS when the request came over HTTPS (a
 * proxy's X-Forwarded-Proto: https). A page that needs more sets its own
 * Content-Security-Policy (the web app, /docs), which is kept.
 */
export function securityHeaders(https: boolean): Record<string, string> {
  return {
    'content-security-policy': API_CSP,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    ...(https ? { 'strict-transport-security': HSTS } : {}),
  };
}

/** Whether the request came over HTTPS: a TLS socket, or the first X-Forwarded-Proto says https. */
export function cameOverHttps(headers: IncomingHttpHeaders, encrypted = false): boolean {
  const proto = headers['x-forwarded-proto'];
  const first = (Array.isArray(proto) ? proto[0] : proto)?.split(',')[0].trim().toLowerCase();
  return encrypted || first === 'https';
}

/** Sets each security header the answer does not already carry (`has`/`set` of a Fastify reply or a ServerResponse). */
export function applySecurityHeaders(target: { has(name: string): boolean; set(name: string, value: string): void }, https: boolean): void {
  for (const [name, value] of Object.entries(securityHeaders(https))) if (!target.has(name)) target.set(name, value);
}
