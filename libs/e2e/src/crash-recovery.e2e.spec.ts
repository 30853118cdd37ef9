import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { ApiClient, seed4308Directive } from '@dm/testing';
import { buildOnce, freePort, kill, runCli, startStandalone } from './process-harness';

/**
 * The standalone process killed with SIGKILL in the middle of a stream of
 * progress reports, then restarted: every acknowledged write is there, a
 * retry of every request writes nothing twice, and the read model equals a
 * rebuild from the event stores.
 */
describe('standalone process killed with SIGKILL and restarted', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'dm-crash-'));
  let child: ChildProcess | undefined;
  let base: string;
  const token = (args: string[]) => runCli(['token', ...args], dataDir).trim();

  beforeAll(async () => {
    buildOnce();
    base = `http://127.0.0.1:${await freePort()}`;
  });
  afterAll(async () => {
    if (child) await kill(child, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses no acknowledged event and duplicates none', async () => {
    const port = Number(new URL(base).port);
    child = await startStandalone(dataDir, port);
    const monitoring = new ApiClient(base, token(['--sub', 'mo', '--agency', 'vp-ubnd-tinh', '--role', 'monitoring_officer']));
    const issued = await monitoring.post('/api/v1/directives', seed4308Directive({ '3': '2017-06-30' }));
    expect(issued.status).toBe(201);
    const districts: Array<{ id: string; agencyId: string }> = issued.body.assignments.filter(
      (a: { taskNumber: string }) => a.taskNumber === '3',
    );
    const officers = new Map(
      districts.map((d) => [
        d.agencyId,
        new ApiClient(base, token(['--sub', `ao-${d.agencyId}`, '--agency', d.agencyId, '--role', 'agency_officer'])),
      ]),
    );

    const requests = Array.from({ length: 400 }, (_, i) => {
      const d = districts[i % districts.length];
      const day = String(1 + Math.floor(i / districts.length)).padStart(2, '0');
      return { d, key: `crash-${i}`, body: { reportedOn: `2017-03-${day}`, summary: `Báo cáo lần ${i}`, percent: i % 100 } };
    });
    const acknowledged = new Map<string, string>();
    let sent = 0;
    const worker = async () => {
      while (sent < requests.length) {
        const r = requests[sent++];
        try {
          const response = await officers
            .get(r.d.agencyId)!
            .post(`/api/v1/assignments/${r.d.id}/progress`, r.body, { 'idempotency-key': r.key });
          if (response.status === 201) acknowledged.set(r.key, response.body.eventId);
        } catch {
          return; // the process is gone
        }
        if (acknowledged.size === 150) await kill(child!, 'SIGKILL');
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    expect(acknowledged.size).toBeGreaterThanOrEqual(150);
    expect(acknowledged.size).toBeLessThan(requests.length);

    child = await startStandalone(dataDir, port);
    const inspector = new ApiClient(base, token(['--sub', 'insp', '--agency', 'thanh-tra-tinh', '--role', 'inspector']));
    const eventIds = async () => {
      const ids = new Map<string, number>();
      for (const d of districts) {
        const events = (await inspector.get(`/api/v1/audit/assignments/${d.id}/timeline`)).body.events as Array<{
          eventId: string;
          type: string;
        }>;
        for (const e of events.filter((e) => e.type === 'assignment.progress-reported')) ids.set(e.eventId, (ids.get(e.eventId) ?? 0) + 1);
      }
      return ids;
    };
    const afterCrash = await eventIds();
    for (const eventId of acknowledged.values()) expect(afterCrash.get(eventId)).toBe(1);

    for (const r of requests) {
      const response = await officers
        .get(r.d.agencyId)!
        .post(`/api/v1/assignments/${r.d.id}/progress`, r.body, { 'idempotency-key': r.key });
      expect(response.status).toBe(201);
      if (acknowledged.has(r.key)) expect(response.body.eventId).toBe(acknowledged.get(r.key));
    }
    const afterRetry = await eventIds();
    expect(afterRetry.size).toBe(requests.length);
    expect([...afterRetry.values()].every((n) => n === 1)).toBe(true);

    const answers = async () => ({
      summary: (await inspector.get('/api/v1/reports/summary?period=2017-Q1&calendar=calendar')).body,
      assignments: (await inspector.get('/api/v1/assignments?asOf=2017-04-01')).body,
      timeline: (await inspector.get(`/api/v1/audit/assignments/${districts[0].id}/timeline`)).body,
    });
    const live = await answers();
    expect(live.summary.activity.progressReports).toBe(requests.length);
    await kill(child, 'SIGTERM');
    expect(runCli(['rebuild'], dataDir)).toMatch(/rebuilt read models from \d+ events/);
    child = await startStandalone(dataDir, port);
    expect(await answers()).toEqual(live);
  }, 300_000);
});
