import { join } from 'node:path';
import { Agent, request } from 'node:http';
import { LogVerifier } from '@dm/audit';
import type { NewEvent } from '@dm/contracts';
import { SqliteEventStore, startEmbedded } from '@dm/composition';
import { ApiClient, seed4308Directive } from '@dm/testing';
import { v7 as uuidv7 } from 'uuid';
import { percentile, rate, seconds } from './measure';

const progressEvent = (i: number): NewEvent => ({
  eventId: uuidv7(),
  type: 'assignment.progress-reported',
  schemaVersion: 1,
  occurredAt: '2017-03-01T00:00:00+07:00',
  actor: { userId: `ao-${i % 100}`, agencyId: `h-${i % 100}`, role: 'agency_officer' },
  correlationId: uuidv7(),
  causationId: null,
  data: { assignmentId: `a-${i % 1000}`, reportedOn: '2017-03-01', percent: i % 100, summary: 'Đã rà soát hộ nghèo, hộ cận nghèo' },
  metadata: { commandId: uuidv7(), bodyHash: 'f'.repeat(64) },
});

/**
 * Verification of a store of `count` events (1,000 streams): reading the log
 * alone (the baseline) beside reading it with every check (positions,
 * chains, hashes, the Merkle tree).
 */
export async function verifyBench(dir: string, count: number) {
  const store = new SqliteEventStore({ name: 'bench', file: join(dir, 'verify.events.db') });
  try {
    const build = await seconds(async () => {
      for (let done = 0; done < count; done += 1000) {
        const n = Math.min(1000, count - done);
        await store.appendBatch(
          Array.from({ length: 10 }, (_, s) => ({
            streamId: `assignment-${(done / 1000) % 100}-${s}`,
            events: Array.from({ length: n / 10 }, (_, i) => progressEvent(done + s * 100 + i)),
          })),
        );
      }
    });
    let read = 0;
    const readOnly = await seconds(async () => {
      for await (const page of store.readLog()) for (const event of page) if (event.globalPosition > 0) read += 1;
    });
    let report: ReturnType<LogVerifier['finish']> | null = null;
    const verified = await seconds(async () => {
      const verifier = new LogVerifier('bench');
      for await (const page of store.readLog()) for (const event of page) verifier.add(event);
      report = verifier.finish();
    });
    if (!report!.ok || read !== count) throw new Error(`verification failed: ${JSON.stringify(report)}`);
    return {
      count,
      buildPerSecond: rate(count, build),
      readPerSecond: rate(read, readOnly),
      verifyPerSecond: rate(count, verified),
      verifyOverRead: Math.round((readOnly / verified) * 100) / 100,
      seconds: Math.round(verified * 10) / 10,
    };
  } finally {
    await store.close();
  }
}

function get(agent: Agent, url: string, token: string): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }));
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * One assignment with `reports` progress events (the embedded system, in
 * process): its state as of a date, and as known at a time, over HTTP,
 * beside the health route (the baseline of an HTTP round trip); then the
 * size per event of an export of all events and of the directive.
 */
export async function stateBench(dir: string, reports: number, reads: number) {
  const server = await startEmbedded({ dataDir: join(dir, 'state'), logger: false });
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const sign = (sub: string, role: 'monitoring_officer' | 'agency_officer' | 'inspector', agencyId: string) =>
      server.runtime.tokens.sign({ sub, agencyId, roles: [role] });
    const monitoring = new ApiClient(server.url, sign('bench', 'monitoring_officer', 'vp-ubnd-tinh'));
    const issued = await monitoring.post('/api/v1/directives', seed4308Directive());
    if (issued.status !== 201) throw new Error(`issue failed: ${issued.status}`);
    const target = issued.body.assignments.find((a: { taskNumber: string; role: string }) => a.taskNumber === '3' && a.role === 'lead');
    const officer = new ApiClient(server.url, sign(`ao-${target.agencyId}`, 'agency_officer', target.agencyId));
    let middle = '';
    for (let i = 0; i < reports; i++) {
      const day = new Date(Date.UTC(2017, 1, 10) + Math.floor(i / 4) * 86_400_000).toISOString().slice(0, 10);
      const answer = await officer.post(`/api/v1/assignments/${target.id}/progress`, {
        reportedOn: day,
        summary: `Báo cáo ${i}`,
        percent: i % 100,
      });
      if (answer.status !== 201) throw new Error(`report ${i} failed: ${answer.status} ${JSON.stringify(answer.body)}`);
      if (i === Math.floor(reports / 2)) middle = new Date().toISOString();
    }
    const inspector = sign('inspector', 'inspector', 'thanh-tra-tinh');
    const time = async (path: string) => {
      const ms: number[] = [];
      for (let i = 0; i < reads; i++) {
        const start = process.hrtime.bigint();
        const { status } = await get(agent, `${server.url}${path}`, inspector);
        ms.push(Number(process.hrtime.bigint() - start) / 1e6);
        if (status !== 200) throw new Error(`${path}: ${status}`);
      }
      ms.sort((a, b) => a - b);
      return { p50: percentile(ms, 50), p99: percentile(ms, 99) };
    };
    const health = await time('/health/live');
    const asOf = await time(`/api/v1/audit/assignments/${target.id}/state?asOf=2017-06-30`);
    const knownAt = await time(`/api/v1/audit/assignments/${target.id}/state?asOf=2017-06-30&knownAt=${encodeURIComponent(middle)}`);
    const all = await get(agent, `${server.url}/api/v1/audit/export?all=true`, inspector);
    const directive = await get(agent, `${server.url}/api/v1/audit/export?directiveId=${issued.body.id}`, inspector);
    const events =
      (await server.runtime.stores.taskAssignment.headPosition()) + (await server.runtime.stores.progressEvents.headPosition());
    const directiveEvents = reports + 1;
    return {
      reports,
      reads,
      health,
      asOf,
      knownAt,
      exportAll: { bytes: all.bytes, events, perEvent: Math.round(all.bytes / events) },
      exportDirective: { bytes: directive.bytes, events: directiveEvents, perEvent: Math.round(directive.bytes / directiveEvents) },
    };
  } finally {
    agent.destroy();
    await server.close();
  }
}
