import { spawn } from 'node:child_process';
import { Agent } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ApiClient, seed4308Directive } from '@dm/testing';
import { signingKeysDirOf, TokenService } from '@dm/platform';
import { addDays } from '@dm/periods';
import { percentile, postJson } from './measure';

const ROOT = join(__dirname, '../../..');

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export async function startServer(dataDir: string, port: number, env: NodeJS.ProcessEnv = {}) {
  // BENCH_PROFILE_DIR: the server writes a V8 CPU profile there when it stops (summarised by tools/profile/top-frames.mjs).
  const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
  const child = spawn(process.execPath, [...profile, 'dist/services/standalone/src/main.js'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', MONITOR_DATA_DIR: dataDir, ...env },
    stdio: 'ignore',
  });
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return child;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  child.kill('SIGKILL');
  throw new Error('the standalone server did not start');
}

/**
 * Progress reports over HTTP against the standalone process (a separate
 * process, as in production), at a fixed number of requests in flight.
 */
export async function httpBench(dataDir: string, total: number, concurrency: number, sync: 'full' | 'normal' = 'full') {
  const port = await freePort();
  const child = await startServer(dataDir, port, { SQLITE_SYNC: sync });
  try {
    const base = `http://127.0.0.1:${port}`;
    const tokens = TokenService.holdingKeys(signingKeysDirOf(dataDir));
    const monitoring = new ApiClient(base, tokens.sign({ sub: 'bench', agencyId: 'vp-ubnd-tinh', roles: ['monitoring_officer'] }));
    const issued = await monitoring.post('/api/v1/directives', seed4308Directive());
    if (issued.status !== 201) throw new Error(`issue failed: ${issued.status}`);
    const leads: Array<{ id: string; agencyId: string }> = issued.body.assignments.filter((a: { role: string }) => a.role === 'lead');
    const officerTokens = new Map(
      leads.map((a) => [a.agencyId, tokens.sign({ sub: `ao-${a.agencyId}`, agencyId: a.agencyId, roles: ['agency_officer'] })]),
    );
    const agent = new Agent({ keepAlive: true, maxSockets: concurrency });

    const run = async (count: number, offset: number) => {
      const latencies: number[] = [];
      let next = 0;
      let failures = 0;
      const worker = async () => {
        while (next < count) {
          const i = offset + next++;
          const a = leads[i % leads.length];
          const started = performance.now();
          const { status } = await postJson(agent, `${base}/api/v1/assignments/${a.id}/progress`, officerTokens.get(a.agencyId)!, {
            reportedOn: addDays('2017-02-11', Math.floor(i / leads.length) % 3000),
            summary: `Báo cáo tiến độ lần ${i}`,
            percent: i % 101,
          });
          latencies.push(performance.now() - started);
          if (status !== 201) failures++;
        }
      };
      const started = performance.now();
      await Promise.all(Array.from({ length: concurrency }, worker));
      const secs = (performance.now() - started) / 1000;
      latencies.sort((x, y) => x - y);
      return {
        count,
        seconds: Number(secs.toFixed(2)),
        perSecond: Math.round(count / secs),
        p50ms: percentile(latencies, 50),
        p99ms: percentile(latencies, 99),
        failures,
      };
    };
    await run(Math.min(1000, total), 0);
    return { concurrency, sync, ...(await run(total, 1000)) };
  } finally {
    child.kill('SIGTERM');
  }
}
