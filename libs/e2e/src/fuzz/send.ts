import { Agent, request } from 'node:http';
import type { FuzzRequest } from './requests';

/** What came back, or that nothing did in time (`hung`), or that the connection broke first (`error`). */
export interface Answer {
  status: number;
  contentType: string;
  /** The body's first 64 KB. */
  text: string;
  ms: number;
  hung?: boolean;
  error?: string;
}

const KEEP = 64 * 1024;

/** Keep-alive HTTP to the server under test, each request abandoned after `timeoutMs`. */
export class Sender {
  private readonly agent: Agent;

  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs = 10_000,
    sockets = 8,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: sockets });
  }

  send(req: FuzzRequest, correlationId: string): Promise<Answer> {
    const started = performance.now();
    const url = new URL(this.baseUrl);
    const headers: Record<string, string | number> = { ...req.headers, 'x-correlation-id': correlationId };
    if (req.body !== undefined) headers['content-length'] = Buffer.byteLength(req.body);
    return new Promise<Answer>((done) => {
      let settled = false;
      const finish = (answer: Omit<Answer, 'ms'>) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        done({ ...answer, ms: performance.now() - started });
      };
      const outgoing = request(
        { host: url.hostname, port: url.port, method: req.method, path: req.path, headers, agent: this.agent },
        (incoming) => {
          const chunks: Buffer[] = [];
          let kept = 0;
          incoming.on('data', (chunk: Buffer) => {
            if (kept < KEEP) chunks.push(chunk);
            kept += chunk.length;
          });
          incoming.on('end', () =>
            finish({
              status: incoming.statusCode ?? 0,
              contentType: String(incoming.headers['content-type'] ?? ''),
              text: Buffer.concat(chunks).subarray(0, KEEP).toString('utf8'),
            }),
          );
          incoming.on('error', (error) => finish({ status: incoming.statusCode ?? 0, contentType: '', text: '', error: error.message }));
        },
      );
      const timer = setTimeout(() => {
        finish({ status: 0, contentType: '', text: '', hung: true });
        outgoing.destroy(new Error('fuzz timeout'));
      }, this.timeoutMs);
      outgoing.on('error', (error) => finish({ status: 0, contentType: '', text: '', error: error.message }));
      if (req.body !== undefined) outgoing.end(req.body);
      else outgoing.end();
    });
  }

  close() {
    this.agent.destroy();
  }
}
