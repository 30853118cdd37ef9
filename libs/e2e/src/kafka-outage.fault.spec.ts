import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConsistencySession, eventually, seed4308Directive, skipTier } from '@dm/testing';
import { distributedInfra, DistributedSystem } from './distributed-system';
import { buildOnce, ROOT } from './process-harness';

// Stops and starts the broker that infra/local/up.sh runs, so it runs alone (jest project "faults", after the others).
const infra = distributedInfra();
const kafkaPid = join(ROOT, 'infra/local/.run/pids/kafka.pid');
const reason =
  'skipped' in infra
    ? infra.skipped
    : existsSync(kafkaPid)
      ? null
      : 'KAFKA_BROKERS is not a broker infra/local/up.sh started (this test stops and starts it)';
const script = (name: string, ...args: string[]) => execFileSync(join(ROOT, 'infra/local', name), args, { cwd: ROOT, encoding: 'utf8' });
/** Without blocking the writers. */
const scriptAsync = (name: string, ...args: string[]) => promisify(execFile)(join(ROOT, 'infra/local', name), args, { cwd: ROOT });

if (reason || 'skipped' in infra) {
  skipTier('Kafka outage fault', 'skipped' in infra ? infra.variable : 'KAFKA_BROKERS', reason ?? '');
} else {
  describe('Kafka broker stopped and restarted during a stream of progress reports', () => {
    let system: DistributedSystem;

    beforeAll(async () => {
      buildOnce();
      system = await new DistributedSystem(infra).start();
    }, 180_000);

    afterAll(async () => {
      script('up.sh');
      await system?.stop();
    });

    it('loses nothing: every accepted report is in the read models once the broker is back', async () => {
      const session = new ConsistencySession();
      const mo = system.client('mo-vp-ubnd-tinh', 'monitoring_officer', 'vp-ubnd-tinh', session);
      const issued = await mo.post('/api/v1/directives', { ...seed4308Directive(), number: '4320/UBND-VX' });
      expect(issued.status).toBe(201);
      const districts = issued.body.assignments.filter((a: { taskNumber: string }) => a.taskNumber === '3').slice(0, 12);
      await mo.sync();

      const TOTAL = 600;
      const accepted: string[] = [];
      let outage: Promise<void> | null = null;
      let brokerDown = 0;
      let brokerUp = 0;
      const writers = Array.from({ length: 4 }, async (_, w) => {
        for (let i = w; i < TOTAL; i += 4) {
          const a = districts[i % districts.length];
          const officer = system.client(`ao-${a.agencyId}`, 'agency_officer', a.agencyId, session);
          const summary = `Báo cáo trong lúc Kafka dừng ${i}`;
          const answer = await officer.post(
            `/api/v1/assignments/${a.id}/progress`,
            { reportedOn: '2017-04-10', summary, percent: i % 100 },
            { 'idempotency-key': `outage-${i}` },
          );
          expect(answer.status).toBe(201);
          accepted.push(summary);
          if (i === 40) {
            outage = (async () => {
              await scriptAsync('down.sh', '--only=kafka');
              brokerDown = accepted.length;
              await new Promise((r) => setTimeout(r, 5_000));
              await scriptAsync('up.sh');
              brokerUp = accepted.length;
            })();
          }
          await new Promise((r) => setTimeout(r, 25));
        }
      });
      await Promise.all(writers);
      await outage;
      expect(accepted).toHaveLength(TOTAL);
      // Reports were accepted while the broker was down.
      expect(brokerUp - brokerDown).toBeGreaterThan(20);

      const inspector = system.client('inspector-1', 'inspector', null, undefined);
      await eventually(async () => {
        const seen: string[] = [];
        for (const a of districts) {
          const timeline = await inspector.get(`/api/v1/audit/assignments/${a.id}/timeline`);
          for (const e of timeline.body.events ?? [])
            if (e.data.summary?.startsWith('Báo cáo trong lúc Kafka dừng')) seen.push(e.data.summary);
        }
        expect(seen.sort()).toEqual([...accepted].sort());
      }, 180_000);
    }, 420_000);
  });
}
