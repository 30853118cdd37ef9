import { CSRF_HEADER } from '../logic/session-constants';
import { readProblem } from '../logic/problem';
import { retryAfterSeconds } from '../logic/retry-after';
import { reportConnection } from './connection';
import { ApiError, ConnectionError } from './errors';

/**
 * The API over plain fetch: same-origin cookies, the session's CSRF token on
 * every write, problem+json read into ApiError, a lost connection or a 503
 * into ConnectionError (and the connection banner), 401 to the sign-in page.
 */

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** A plain-text body (text/plain; charset=utf-8) instead of JSON: a document's text. */
  text?: string;
  idempotencyKey?: string;
  /** A 401 is the answer itself (the session check, the sign-in), not a reason to leave the page. */
  expectUnauthenticated?: boolean;
  signal?: AbortSignal;
}

let csrfToken: string | null = null;
let unauthenticated: () => void = () => undefined;

/** The token the session answer gave, sent back in X-CSRF-Token with every write. */
export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};

/** What to do when the server no longer knows who is asking (the session expired). */
export const onUnauthenticated = (handler: () => void) => {
  unauthenticated = handler;
};

export function urlOf(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {}))
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export async function request<T>(method: 'GET' | 'POST' | 'PUT', path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (options.text !== undefined) headers['content-type'] = 'text/plain; charset=utf-8';
  else if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers[CSRF_HEADER] = csrfToken;
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;

  let response: Response;
  try {
    response = await fetch(urlOf(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.text ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      signal: options.signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    reportConnection('offline');
    throw new ConnectionError('offline');
  }

  if (response.status === 503) {
    reportConnection('unavailable');
    throw new ConnectionError('unavailable');
  }
  reportConnection(null);
  if (response.ok) return (response.status === 204 ? undefined : await readBody(response)) as T;

  const problem = readProblem(response.status, await readBody(response));
  if (response.status === 401 && !options.expectUnauthenticated) unauthenticated();
  throw new ApiError(problem, retryAfterSeconds(response.headers.get('retry-after')));
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export const get = <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal });
export const post = <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'body'> = {}) =>
  request<T>('POST', path, { ...options, body: body ?? {} });
export const put = <T>(path: string, body: unknown, options: Omit<RequestOptions, 'body'> = {}) =>
  request<T>('PUT', path, { ...options, body });
/** A text sent as it is (text/plain; charset=utf-8), not as JSON. */
export const postText = <T>(path: string, text: string, options: Omit<RequestOptions, 'body' | 'text'> = {}) =>
  request<T>('POST', path, { ...options, text });
