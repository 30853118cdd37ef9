import { Agent, request } from 'node:http';

export async function seconds(run: () => Promise<void>): Promise<number> {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

export const rate = (count: number, secs: number) => Math.round(count / secs);

export function percentile(sortedMs: number[], p: number): number {
  if (sortedMs.length === 0) return NaN;
  const index = Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1);
  return Number(sortedMs[Math.max(0, index)].toFixed(2));
}

/** A keep-alive HTTP/1.1 JSON POST: lighter on the client than fetch, so the server is what is measured. */
export function postJson(agent: Agent, url: string, token: string, body: unknown): Promise<{ status: number; consistency: string | null }> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), authorization: `Bearer ${token}` },
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, consistency: (res.headers['x-consistency-token'] as string | undefined) ?? null }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
