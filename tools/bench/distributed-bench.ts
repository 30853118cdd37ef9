import { Agent } from 'node:http';
import { addDays } from '@dm/periods';
import { DistributedSystem, type DistributedInfra } from '@dm/e2e';
import { seed4308Directive } from '@dm/testing';
import { percentile, postJson } from './measure';

/** Cumulative buckets of a Prometheus histogram: [upper bound in seconds, count]; +Inf last. */
async function histogram(url: string, name: string): Promise<Array<[number, number]>> {
  const text = await (await fetch(url)).text();
  return [...text.matchAll(new RegExp(`^${name}_bucket\\{le="([^"]+)"\\} (\\d+)$`, 'gm'))].map((m) => [
    m[1] === '+Inf' ? Infinity : Number(m[1]),
    Number(m[2]),
  ]);
}

/** A quantile in ms from cumulative buckets, interpolated linearly inside its bucket. */
function fromBuckets(buckets: Array<[number, number]>, q: number): number {
  const total = buckets[buckets.length - 1]?.[1] ?? 0;
  if (!total) return NaN;
  const rank = q * total;
  let lower = 0;
  let below = 0;
  for (const [le, count] of buckets) {
    if (count >= rank) {
      if (le === Infinity) return Math.round(lower * 1000);
      return Math.round((lower + ((rank - below) / Math.max(1, count - below)) * (le - lower)) * 1000);
    }
    [lower, below] = [le, count];
  }
  return NaN;
}

async function metric(url: string, name: string): Promise<number> {
  const text = await (await fetch(url)).text();
  const line = text.split('\n').find((l) => l.startsWith(name));
  return line ? Number(line.split(' ').pop()) : 0;
}

/**
 * Progress reports at a fixed rate through the gateway to the three service
 * processes (Kafka, FerretDB). Accepted → visible is what report-projection
 * measures per event: from the event's recordedAt (its append, just before the
 * 201) to its read-model batch committed (histogram projector_visible_after_seconds).
 */
export async function distributedBench(infra: DistributedInfra, ratePerSecond: number, seconds: number) {
  const system = await new DistributedSystem(infra).start();
  try {
    const monitoring = system.client('bench', 'monitoring_officer', 'vp-ubnd-tinh');
    const issued = await monitoring.post('/api/v1/directives', seed4308Directive());
    if (issued.status !== 201) throw new Error(`issue failed: ${issued.status} ${JSON.stringify(issued.body)}`);
    await monitoring.sync();
    const assignments: Array<{ id: string; agencyId: string }> = issued.body.assignments;
    const tokens = new Map(
      assignments.map((a) => [
        a.agencyId,
        system.tokens.sign({ sub: `ao-${a.agencyId}`, agencyId: a.agencyId, roles: ['agency_officer'] }),
      ]),
    );
    const agent = new Agent({ keepAlive: true, maxSockets: 512 });
    const relayUrl = system.env('progress-events').PORT;
    const projectorUrl = system.env('report-projection').PORT;
    const counters = async () => ({
      relayed: await metric(`http://127.0.0.1:${relayUrl}/metrics`, 'relay_checkpoint_position'),
      applied: await metric(`http://127.0.0.1:${projectorUrl}/metrics`, 'projector_applied_events_total'),
    });

    let accepted = 0;
    let failures = 0;
    let skipped = 0;
    let inFlight = 0;
    const requestMs: number[] = [];
    const visibleBefore = await histogram(`http://127.0.0.1:${projectorUrl}/metrics`, 'projector_visible_after_seconds');

    const before = await counters();
    const started = performance.now();
    const total = ratePerSecond * seconds;
    let sent = 0;
    await new Promise<void>((resolve) => {
      const tick = setInterval(() => {
        const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * ratePerSecond));
        for (; sent < due; sent++) {
          if (inFlight >= 512) {
            skipped++;
            continue;
          }
          const i = sent;
          const a = assignments[i % assignments.length];
          inFlight++;
          const t0 = performance.now();
          postJson(agent, `${system.url}/api/v1/assignments/${a.id}/progress`, tokens.get(a.agencyId)!, {
            reportedOn: addDays('2017-02-11', Math.floor(i / assignments.length) % 3000),
            summary: `Báo cáo tiến độ lần ${i}`,
            percent: i % 101,
          })
            .then(({ status, consistency }) => {
              requestMs.push(performance.now() - t0);
              if (status !== 201 || !consistency) return void failures++;
              accepted++;
            })
            .catch(() => void failures++)
            .finally(() => void inFlight--);
        }
        if (sent >= total) {
          clearInterval(tick);
          resolve();
        }
      }, 2);
    });
    while (inFlight > 0) await new Promise((r) => setTimeout(r, 10));
    const sendSeconds = (performance.now() - started) / 1000;
    const atLastSend = await counters();
    // Drained when report-projection has applied every accepted report (and the directive).
    const drainDeadline = Date.now() + 600_000;
    while ((await counters()).applied - before.applied < accepted && Date.now() < drainDeadline)
      await new Promise((r) => setTimeout(r, 200));
    const allSeconds = (performance.now() - started) / 1000;
    const after = await counters();
    const visibleAfter = await histogram(`http://127.0.0.1:${projectorUrl}/metrics`, 'projector_visible_after_seconds');
    const visible = visibleAfter.map(([le, count], i) => [le, count - visibleBefore[i][1]] as [number, number]);
    requestMs.sort((x, y) => x - y);
    return {
      rate: ratePerSecond,
      seconds,
      sent: total,
      accepted,
      acceptedPerSecond: Math.round(accepted / sendSeconds),
      skipped,
      failures,
      request: { p50: percentile(requestMs, 50), p99: percentile(requestMs, 99) },
      visible: { count: visible[visible.length - 1][1], p50: fromBuckets(visible, 0.5), p99: fromBuckets(visible, 0.99) },
      // While reports were being sent, and over the whole run including the drain.
      relayPerSecond: {
        sending: Math.round((atLastSend.relayed - before.relayed) / sendSeconds),
        overall: Math.round((after.relayed - before.relayed) / allSeconds),
      },
      projectorPerSecond: {
        sending: Math.round((atLastSend.applied - before.applied) / sendSeconds),
        overall: Math.round((after.applied - before.applied) / allSeconds),
      },
      drainSeconds: Number((allSeconds - sendSeconds).toFixed(1)),
    };
  } finally {
    await system.stop();
  }
}
