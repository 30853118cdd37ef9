import { Agent, request } from 'node:http';
import { MongoClient } from 'mongodb';
import { addDays } from '@dm/periods';
import { DistributedSystem, type DistributedInfra } from '@dm/standalone';
import { seed4308Directive } from '@dm/testing';
import { percentile } from './measure';

interface Accepted {
  assignmentId: string;
  revision: number;
  acceptedAt: number;
  visibleAt?: number;
}

function post(agent: Agent, url: string, token: string, body: unknown): Promise<{ status: number; consistency: string | null }> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), authorization: `Bearer ${token}` } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, consistency: (res.headers['x-consistency-token'] as string | undefined) ?? null }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

async function metric(url: string, name: string): Promise<number> {
  const text = await (await fetch(url)).text();
  const line = text.split('\n').find((l) => l.startsWith(name));
  return line ? Number(line.split(' ').pop()) : 0;
}

/**
 * Progress reports at a fixed rate through the gateway to the three service
 * processes (Kafka, FerretDB), and the time from a report's acceptance to its
 * revision in report-projection's assignment document (polled by _id every 20 ms).
 */
export async function distributedBench(infra: DistributedInfra, ratePerSecond: number, seconds: number) {
  const system = await new DistributedSystem(infra).start();
  const mongo = await MongoClient.connect(infra.mongoUrl);
  try {
    const monitoring = system.client('bench', 'monitoring_officer', 'so-ldtbxh');
    const issued = await monitoring.post('/api/v1/directives', seed4308Directive());
    if (issued.status !== 201) throw new Error(`issue failed: ${issued.status} ${JSON.stringify(issued.body)}`);
    await monitoring.sync();
    const assignments: Array<{ id: string; agencyId: string }> = issued.body.assignments;
    const tokens = new Map(assignments.map((a) => [a.agencyId, system.tokens.sign({ sub: `ao-${a.agencyId}`, agencyId: a.agencyId, roles: ['agency_officer'] })]));
    const docs = mongo.db(system.database('report-projection')).collection<{ _id: string; rev?: { a?: number } }>('assignments');
    const agent = new Agent({ keepAlive: true, maxSockets: 512 });
    const relayUrl = system.env('progress-events').PORT;
    const projectorUrl = system.env('report-projection').PORT;
    const counters = async () => ({
      relayed: await metric(`http://127.0.0.1:${relayUrl}/metrics`, 'relay_checkpoint_position'),
      applied: await metric(`http://127.0.0.1:${projectorUrl}/metrics`, 'projector_applied_events_total'),
    });

    const accepted: Accepted[] = [];
    const pending = new Map<string, Accepted[]>();
    let failures = 0;
    let skipped = 0;
    let inFlight = 0;
    const requestMs: number[] = [];
    let polling = true;
    const poller = (async () => {
      while (polling || pending.size) {
        const ids = [...pending.keys()];
        for (let i = 0; i < ids.length; i += 32) {
          const chunk = ids.slice(i, i + 32);
          const found = await Promise.all(chunk.map((id) => docs.findOne({ _id: id }, { projection: { rev: 1 } })));
          const now = performance.now();
          found.forEach((doc, k) => {
            const waiting = pending.get(chunk[k]) ?? [];
            const left = waiting.filter((a) => {
              if ((doc?.rev?.a ?? -1) < a.revision) return true;
              a.visibleAt = now;
              return false;
            });
            if (left.length) pending.set(chunk[k], left);
            else pending.delete(chunk[k]);
          });
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    })();

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
          post(agent, `${system.url}/api/v1/assignments/${a.id}/progress`, tokens.get(a.agencyId)!, {
            reportedOn: addDays('2017-02-11', Math.floor(i / assignments.length) % 3000),
            summary: `Báo cáo tiến độ lần ${i}`,
            percent: i % 101,
          })
            .then(({ status, consistency }) => {
              const now = performance.now();
              requestMs.push(now - t0);
              if (status !== 201 || !consistency) return void failures++;
              const entry: Accepted = { assignmentId: a.id, revision: Number(consistency.split(':').pop()), acceptedAt: now };
              accepted.push(entry);
              pending.set(a.id, [...(pending.get(a.id) ?? []), entry]);
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
    polling = false;
    const drainDeadline = Date.now() + 300_000;
    while (pending.size && Date.now() < drainDeadline) await new Promise((r) => setTimeout(r, 50));
    const allSeconds = (performance.now() - started) / 1000;
    const after = await counters();
    polling = false;
    pending.clear();
    await poller;
    const visible = accepted.filter((a) => a.visibleAt !== undefined).map((a) => a.visibleAt! - a.acceptedAt).sort((x, y) => x - y);
    requestMs.sort((x, y) => x - y);
    return {
      rate: ratePerSecond,
      seconds,
      sent: total,
      accepted: accepted.length,
      acceptedPerSecond: Math.round(accepted.length / sendSeconds),
      skipped,
      failures,
      request: { p50: percentile(requestMs, 50), p99: percentile(requestMs, 99) },
      visible: { count: visible.length, p50: percentile(visible, 50), p99: percentile(visible, 99), max: percentile(visible, 100) },
      relayPerSecond: Math.round((after.relayed - before.relayed) / allSeconds),
      projectorPerSecond: Math.round((after.applied - before.applied) / allSeconds),
      drainSeconds: Number((allSeconds - sendSeconds).toFixed(1)),
    };
  } finally {
    await mongo.close();
    await system.stop();
  }
}
