import { AssignerProtocol, Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { TOPICS } from '@dm/contracts';
import { ApiClient, ConsistencySession, eventually, seed4308Directive, skipTier } from '@dm/testing';
import { distributedInfra, DistributedSystem, type DistributedInfra } from './distributed-system';
import { buildOnce } from './process-harness';

const infra = distributedInfra();
/** The report read models; the merkle logs and checkpoints are each process's own business. */
const READ_MODELS = ['assignments', 'assignment_facts', 'directives', 'timeline', 'registry-events'];

/** What differs between two writers of the same events only by when they wrote. */
function normalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalize);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, v]) => [key, normalize(v)]),
    );
  }
  return value;
}

async function readAll(mongoUrl: string, database: string, collections: string[], suffix = '') {
  const client = await MongoClient.connect(mongoUrl);
  try {
    const out: Record<string, unknown[]> = {};
    for (const name of collections) {
      const docs = await client.db(database).collection(`${name}${suffix}`).find({}).toArray();
      out[name] = docs.map(normalize).sort((a, b) => ((a as { _id: string })._id < (b as { _id: string })._id ? -1 : 1));
    }
    return out;
  } finally {
    await client.close();
  }
}

async function metric(port: number, name: string): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(name));
  return line ? Number(line.split(' ').pop()) : 0;
}

if ('skipped' in infra) {
  skipTier('Scale-out e2e', infra.variable, infra.skipped);
} else {
  const real: DistributedInfra = infra;

  describe('report-projection as two processes of one consumer group over six partitions', () => {
    let system: DistributedSystem;

    beforeAll(async () => {
      buildOnce();
      system = await new DistributedSystem(real, { partitions: 6, projectors: 2 }).start();
    }, 180_000);

    afterAll(async () => {
      await system?.stop();
      await system?.dropDatabases(real.mongoUrl).catch(() => undefined);
    });

    it('their read models, written by both at once and across a crash of one, equal a rebuild by one process from the same topics', async () => {
      const session = new ConsistencySession();
      const issuer = system.client('mo-vp-ubnd-tinh', 'monitoring_officer', 'vp-ubnd-tinh', session);
      const monitor = system.client('mo-so-ldtbxh', 'monitoring_officer', 'so-ldtbxh', session);
      const issued = await issuer.post('/api/v1/directives', seed4308Directive());
      expect(issued.status).toBe(201);
      const directiveId = issued.body.id as string;
      const assignments = issued.body.assignments as Array<{ id: string; agencyId: string; taskNumber: string }>;
      expect(assignments.length).toBeGreaterThan(100);

      // Reports over every assignment (keys on all six partitions of the progress topic), sent at once from the issue on,
      // while the directive's own stream (on the directives topic) changes the deadlines of two tasks' assignments:
      // one assignment document is written from both topics, by whichever process holds each partition.
      // Half way, the second process is killed (what it applied but had not committed goes to the first) and started again.
      const reports = Array.from({ length: 360 }, (_, i) => i);
      let accepted = 0;
      const writers = Array.from({ length: 6 }, async (_, w) => {
        for (let i = w; i < reports.length; i += 6) {
          if (i === 180) {
            await system.kill('report-projection#2', 'SIGKILL');
            await system.startProcess('report-projection#2');
          }
          const a = assignments[i % assignments.length];
          const officer = system.client(`ao-${a.agencyId}`, 'agency_officer', a.agencyId, session);
          const answer = await officer.post(
            `/api/v1/assignments/${a.id}/progress`,
            { reportedOn: '2017-04-10', summary: `Báo cáo lần ${i}`, percent: (i * 7) % 100 },
            { 'idempotency-key': `scale-${i}` },
          );
          expect(answer.status).toBe(201);
          accepted++;
        }
      });
      const changes = (async () => {
        for (const [task, deadline] of [
          ['3', '2017-12-15'],
          ['4', '2017-11-30'],
          ['3', '2017-12-31'],
        ]) {
          const changed = await monitor.post(`/api/v1/directives/${directiveId}/tasks/${task}/deadline`, {
            deadline,
            reason: 'Gia hạn',
            authorizingDocument: '1/UBND',
          });
          expect(changed.status).toBe(200);
        }
      })();
      await Promise.all([...writers, changes]);
      expect(accepted).toBe(reports.length);

      // A write's token holds on either process: the gateway takes them in turn, and both wait for it.
      const a = assignments[0];
      const officer = system.client(`ao-${a.agencyId}`, 'agency_officer', a.agencyId);
      const last = await officer.post(`/api/v1/assignments/${a.id}/progress`, {
        reportedOn: '2017-04-11',
        summary: 'Lần cuối',
        percent: 99,
      });
      expect(last.status).toBe(201);
      const token = last.headers.get('x-consistency-token')!;
      for (let i = 0; i < 2; i++) {
        const timeline = await officer.get(`/api/v1/audit/assignments/${a.id}/timeline`, { 'x-consistency-token': token });
        expect(timeline.status).toBe(200);
        expect(timeline.body.events.map((e: { data: { summary?: string } }) => e.data.summary)).toContain('Lần cuối');
      }
      // Every write applied (the partitions of the killed process wait for its session to expire, then for the restart's join).
      await eventually(async () => {
        await issuer.sync();
        expect(session.size).toBe(0);
      }, 180_000);

      // Both processes took part: each holds partitions of the progress topic, and each applied events.
      const kafka = new Kafka({ clientId: 'scale-out-spec', brokers: real.brokers.split(','), logLevel: logLevel.NOTHING });
      const admin = kafka.admin();
      await admin.connect();
      try {
        const {
          groups: [group],
        } = await admin.describeGroups([`${system.namespace}.report-projection`]);
        expect(group.members).toHaveLength(2);
        for (const member of group.members) {
          const assignment = AssignerProtocol.MemberAssignment.decode(member.memberAssignment)!.assignment;
          expect(assignment[`${system.namespace}.${TOPICS.progress}`]?.length ?? 0).toBeGreaterThan(0);
        }
      } finally {
        await admin.disconnect();
      }
      for (const p of system.projectors) expect(await metric(system.port(p), 'projector_applied_events_total')).toBeGreaterThan(0);

      const database = system.database('report-projection');
      const live = await readAll(real.mongoUrl, database, READ_MODELS);
      const summaries = (live.timeline as Array<{ entry: { data: { summary?: string } } }>).filter((t) =>
        t.entry.data.summary?.startsWith('Báo cáo lần'),
      );
      expect(summaries).toHaveLength(reports.length);

      // The reference: one process alone replays the topics into a new generation (the second stopped first,
      // since a rebuild is one process's affair: see docs/scaling.md).
      await system.kill('report-projection#2', 'SIGTERM');
      const admin1 = new ApiClient(
        `http://127.0.0.1:${system.port('report-projection')}`,
        system.sign({ sub: 'admin-1', agencyId: null, roles: ['admin'] }),
      );
      const started = await admin1.post('/api/v1/admin/rebuild', {});
      expect(started.status).toBe(202);
      const generation = started.body.generation as number;
      await eventually(async () => {
        const status = await admin1.get('/api/v1/admin/rebuild');
        expect(status.body).toMatchObject({ servedGeneration: generation, rebuild: { state: 'switched' } });
      }, 180_000);
      const rebuilt = await readAll(real.mongoUrl, database, READ_MODELS, `_g${generation}`);
      for (const name of READ_MODELS) expect({ name, docs: live[name] }).toEqual({ name, docs: rebuilt[name] });
      expect(live.assignments).toHaveLength(assignments.length);
    }, 600_000);
  });
}
