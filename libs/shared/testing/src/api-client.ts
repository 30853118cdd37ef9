/** A small client of API v1 for the CLI, the benchmark and the end-to-end tests. */
export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/**
 * Causal consistency for a caller of the distributed form: remembers the
 * consistency token of each write (the latest per stream) and sends them all
 * with the next read, which then waits until report-projection has applied
 * them; tokens a read waited for are dropped. Share one session among the
 * clients whose writes a reader must see.
 */
export class ConsistencySession {
  private readonly pending = new Map<string, string>();

  /** Records a write's `X-Consistency-Token` (`<source>:<position>:<streamId>:<revision>`). */
  wrote(token: string | null) {
    const streamId = token?.split(':')[2];
    if (token && streamId) this.pending.set(streamId, token);
  }

  get size() {
    return this.pending.size;
  }

  /** The header value for the next read, or null when there is nothing to wait for. */
  header(): string | null {
    return this.pending.size ? [...this.pending.values()].join(',') : null;
  }

  /** After a read that waited for `sent`: those writes are visible now. */
  seen(sent: string) {
    const done = new Set(sent.split(','));
    for (const [stream, token] of this.pending) if (done.has(token)) this.pending.delete(stream);
  }
}

/** Reads routed to report-projection: the ones that honour X-Consistency-Token. */
const isProjectedRead = (method: string, path: string) =>
  method === 'GET' && path.startsWith('/api/v1/') && !path.startsWith('/api/v1/agencies');
const FLUSH_AT = 100;

export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private readonly token?: string,
    readonly session?: ConsistencySession,
  ) {}

  as(token: string): ApiClient {
    return new ApiClient(this.baseUrl, token, this.session);
  }

  /** Waits until every write of the session is visible to reads. */
  async sync(): Promise<void> {
    if (this.session?.size) await this.get('/api/v1/directives?limit=1');
  }

  get<T = any>(path: string, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    return this.request<T>('GET', path, undefined, headers);
  }

  /**
   * A list read whole (docs/security.md, "Pages of a list"): each page's `next` followed
   * until null, the named arrays of every page joined, the other fields the
   * first page's and `next` null. A page that is not 200 is answered as it is.
   */
  async getAll<T = any>(path: string, arrays: string[], headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const first = await this.get(path, headers);
    if (first.status !== 200 || typeof first.body !== 'object' || first.body === null || !('next' in first.body)) return first;
    const body: Record<string, any> = { ...first.body };
    const seen = new Set<string>();
    for (let next: string | null = body.next; next !== null;) {
      if (seen.has(next)) throw new Error(`GET ${path}: the cursor ${next} came back`);
      seen.add(next);
      const page = await this.get(`${path}${path.includes('?') ? '&' : '?'}after=${encodeURIComponent(next)}`, headers);
      if (page.status !== 200) return page;
      for (const name of arrays) body[name] = [...body[name], ...page.body[name]];
      next = page.body.next;
    }
    return { ...first, body: { ...body, next: null } as T };
  }

  post<T = any>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    return this.request<T>('POST', path, body, headers);
  }

  put<T = any>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    return this.request<T>('PUT', path, body, headers);
  }

  /** Sends a raw body text (for malformed-JSON and media-type cases). */
  postRaw<T = any>(path: string, text: string, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    return this.request<T>('POST', path, text, headers, true);
  }

  private async request<T>(
    method: string,
    path: string,
    body: unknown,
    headers: Record<string, string>,
    raw = false,
  ): Promise<ApiResponse<T>> {
    const waitFor = isProjectedRead(method, path) ? this.session?.header() : null;
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...(waitFor ? { 'x-consistency-token': waitFor } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : raw ? (body as string) : JSON.stringify(body),
    });
    const text = await response.text();
    if (waitFor && response.ok) this.session?.seen(waitFor);
    if (method !== 'GET' && response.ok) {
      this.session?.wrote(response.headers.get('x-consistency-token'));
      if ((this.session?.size ?? 0) >= FLUSH_AT) await this.sync();
    }
    const type = response.headers.get('content-type') ?? '';
    return { status: response.status, headers: response.headers, body: (/[/+]json\b/.test(type) && text ? JSON.parse(text) : text) as T };
  }
}
