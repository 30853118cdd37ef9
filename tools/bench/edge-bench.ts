import { request } from 'node:http';
import { signingKeysDirOf, TokenService } from '@dm/platform';
import { percentile } from './measure';
import { freePort, startServer } from './http-bench';

interface Answer {
  status: number | string;
  ms: number;
}

/** One request on its own connection, from a chosen local address (loopback has all of 127.0.0.0/8). */
function send(port: number, path: string, headers: Record<string, string>, body?: Buffer, localAddress?: string): Promise<Answer> {
  return new Promise((resolve) => {
    const started = performance.now();
    const req = request({ host: '127.0.0.1', port, path, method: body ? 'POST' : 'GET', headers, agent: false, localAddress }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ status: error.code ?? 'error', ms: performance.now() - started }));
    req.end(body);
  });
}

const tally = (answers: Answer[]) =>
  answers.reduce<Record<string, number>>((counts, a) => ({ ...counts, [a.status]: (counts[a.status] ?? 0) + 1 }), {});

/**
 * The attack of issue 13's probe against the standalone process with its
 * default edge (rate limits on): 100 bodies of 1.9 MB of nested JSON sent at
 * once from one address, while a legitimate reader on another address reads
 * the directive list. Baseline: the same reads with no flood, in the same run.
 */
export async function edgeBench(dataDir: string, reads = 20) {
  const port = await freePort();
  const child = await startServer(dataDir, port, { RATE_LIMIT: 'on' });
  try {
    const tokens = TokenService.holdingKeys(signingKeysDirOf(dataDir));
    const reader = { authorization: `Bearer ${tokens.sign({ sub: 'bench-reader', agencyId: null, roles: ['inspector'] })}` };
    const writer = `Bearer ${tokens.sign({ sub: 'bench-writer', agencyId: 'vp-ubnd-tinh', roles: ['monitoring_officer'] })}`;
    const read = () => send(port, '/api/v1/directives', reader, undefined, '127.0.0.2');
    const baseline: number[] = [];
    for (let i = 0; i < reads; i++) baseline.push((await read()).ms);
    baseline.sort((a, b) => a - b);
    const nested = Buffer.from('['.repeat(950_000) + ']'.repeat(950_000));
    const flood = async (headers: Record<string, string>) => {
      const started = performance.now();
      const sent = Array.from({ length: 100 }, () =>
        send(port, '/api/v1/directives', { 'content-type': 'application/json', ...headers }, nested),
      );
      const during: number[] = [];
      const readsDone = (async () => {
        await new Promise((r) => setTimeout(r, 20));
        for (let i = 0; i < reads; i++) during.push((await read()).ms);
      })();
      const answers = await Promise.all(sent);
      await readsDone;
      during.sort((a, b) => a - b);
      return {
        answers: tally(answers),
        ms: Math.round(performance.now() - started),
        p50: percentile(during, 50),
        p99: percentile(during, 99),
      };
    };
    return {
      baseline: { p50: percentile(baseline, 50), p99: percentile(baseline, 99) },
      anonymous: await flood({}),
      signedIn: await flood({ authorization: writer }),
    };
  } finally {
    child.kill('SIGTERM');
  }
}
