import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { securityHeaders } from './security-headers';

export const PROBLEM_TYPE = 'application/problem+json; charset=utf-8';

/** The titles the ProblemFilter gives, and those only the edge answers. */
export const EDGE_TITLES: Record<number, string> = {
  400: 'Invalid request',
  404: 'Not found',
  408: 'Request timeout',
  413: 'Payload too large',
  414: 'URI too long',
  429: 'Too many requests',
  431: 'Request header fields too large',
};

/** An RFC 9457 body; `detail` is written by the edge, never copied from the request. */
export function problemBody(status: number, detail: string): string {
  return JSON.stringify({ type: 'about:blank', title: EDGE_TITLES[status] ?? STATUS_CODES[status] ?? 'Error', status, detail });
}

/**
 * A whole problem answer written straight to a socket, then closed: for
 * requests Node could not parse (no request or response object exists).
 */
export function writeRawProblem(socket: Duplex, status: number, detail: string, https = false): void {
  const body = problemBody(status, detail);
  const headers = {
    'content-type': PROBLEM_TYPE,
    'content-length': String(Buffer.byteLength(body)),
    connection: 'close',
    ...securityHeaders(https),
  };
  const head = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\n${head}\r\n${body}`);
}
