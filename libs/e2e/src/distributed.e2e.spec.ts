import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { publicKeyFromPem, verifyExport } from '@dm/audit';
import { TOPICS } from '@dm/contracts';
import { ApiClient, ConsistencySession, eventually, runDemo, seed4308Directive, skipTier } from '@dm/testing';
import { startEmbedded, type EmbeddedServer } from '@dm/composition';
import { distributedInfra, DistributedSystem, type DistributedInfra } from './distributed-system';
import { buildOnce, ROOT } from './process-harness';
import { join } from 'node:path';
import { SigningKeys, TokenService } from '@dm/platform';

const infra = distributedInfra();

/** Drops what legitimately differs between two runs of the same commands: server clocks, positions, the hashes over them, and the checkpoints each deployment signs. */
function normalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalize);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !['recordedAt', 'globalPosition', 'hash', 'prevHash', 'position', 'checkpoints'].includes(key))
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, v]) => [key, normalize(v)]),
    );
  }
  return value;
}

/** Every answer a reader of the seed year would look at. */
async function answers(client: ApiClient, directiveId: string): Promise<Record<string, unknown>> {
  const paths = [
    `/api/v1/directives/${directiveId}?asOf=2017-06-30`,
    `/api/v1/directives/${directiveId}?asOf=2017-12-31`,
    `/api/v1/assignments?directiveId=${directiveId}&asOf=2017-09-30`,
    '/api/v1/reports/summary?period=2017-Q1&calendar=decree09',
    '/api/v1/reports/summary?period=2017-Q1&calendar=calendar',
    '/api/v1/reports/summary?period=2017&calendar=decree09',
    '/api/v1/reports/agencies?period=2017&calendar=decree09',
  ];
  const out: Record<string, unknown> = {};
  for (const path of paths) {
    const response = await client.get(path);
    expect({ path, status: response.status }).toEqual({ path, status: 200 });
    out[path] = normalize(response.body);
  }
  const assignments = (await client.get(`/api/v1/assignments?directiveId=${directiveId}&asOf=2017-12-31`)).body.assignments as Array<{
    id: string;
  }>;
  for (const { id } of assignments.slice(0, 40)) {
    out[`timeline ${id}`] = normalize((await client.get(`/api/v1/audit/assignments/${id}/timeline`)).body);
    out[`state ${id}`] = normalize((await client.get(`/api/v1/audit/assignments/${id}/state?asOf=2017-11-30`)).body);
  }
  return out;
}

async function readAll(mongoUrl: string, database: string, collections: string[]) {
  const client = await MongoClient.connect(mongoUrl);
  try {
    const out: Record<string, unknown[]> = {};
    for (const name of collections) {
      const docs = await client.db(database).collection(name).find({}).toArray();
      out[name] = docs.map((d) => normalize(d)).sort((a, b) => ((a as { _id: string })._id < (b as { _id: string })._id ? -1 : 1));
    }
    return out;
  } finally {
    await client.close();
  }
}

if ('skipped' in infra) {
  skipTier('Distributed e2e', infra.variable, infra.skipped);
} else {
  const real: DistributedInfra = infra;

  describe('Distributed form: three service processes and the gateway on Kafka and FerretDB', () => {
    let system: DistributedSystem;
    let embedded: EmbeddedServer;
    let embeddedDir: string;
    let directiveId: string;
    const admin = () => system.client('admin-1', 'admin', null);

    beforeAll(async () => {
      buildOnce();
      system = await new DistributedSystem(real).start();
      embeddedDir = `${system.dataDir}/embedded`;
      embedded = await startEmbedded({ dataDir: embeddedDir, logger: false });
    }, 180_000);

    afterAll(async () => {
      await embedded?.close();
      await system?.stop();
    });

    it('the seed year through the gateway, read with consistency tokens, gives the same answers as the embedded form', async () => {
      const distributed = await runDemo(system.url, system.sign);
      const local = await runDemo(embedded.url, (claims) => embedded.runtime.tokens.sign(claims));
      expect(distributed.directiveId).toBe(local.directiveId);
      expect(distributed.writes).toBe(local.writes);
      directiveId = distributed.directiveId;
      const reader = system.client('inspector-1', 'inspector', 'thanh-tra-tinh');
      const embeddedReader = new ApiClient(
        embedded.url,
        embedded.runtime.tokens.sign({ sub: 'inspector-1', agencyId: 'thanh-tra-tinh', roles: ['inspector'] }),
      );
      const [theirs, ours] = [await answers(reader, directiveId), await answers(embeddedReader, directiveId)];
      expect(Object.keys(theirs).length).toBeGreaterThan(40);
      expect(theirs).toEqual(ours);
    }, 300_000);

    it('a write answers a token; a read with it waits until report-projection has applied the write', async () => {
      const session = new ConsistencySession();
      const mo = system.client('mo-vp-ubnd-tinh', 'monitoring_officer', 'vp-ubnd-tinh', session);
      const issued = await mo.post('/api/v1/directives', { ...seed4308Directive(), number: '4309/UBND-VX' });
      expect(issued.status).toBe(201);
      const token = issued.headers.get('x-consistency-token')!;
      expect(token).toMatch(/^task-assignment:\d+:directive-[0-9a-f-]+:0$/);
      const read = await system
        .client('inspector-1', 'inspector', null, undefined)
        .get(`/api/v1/directives/${issued.body.id}`, { 'x-consistency-token': token });
      expect(read.status).toBe(200);
      expect(read.body.assignments).toHaveLength(issued.body.assignments.filter((a: { role: string }) => a.role === 'lead').length);

      const district = issued.body.assignments.find((a: { taskNumber: string }) => a.taskNumber === '3');
      const officer = system.client(`ao-${district.agencyId}`, 'agency_officer', district.agencyId, session);
      const progress = await officer.post(`/api/v1/assignments/${district.id}/progress`, {
        reportedOn: '2017-03-10',
        summary: 'Đã triển khai',
        percent: 10,
      });
      expect(progress.status).toBe(201);
      const timeline = await officer.get(`/api/v1/audit/assignments/${district.id}/timeline`);
      expect(timeline.body.events.map((e: { type: string }) => e.type)).toContain('assignment.progress-reported');

      // task-assignment learns the report's date from the progress topic (a few hundred ms behind the write):
      // a cancellation dated before it is then refused
      await new Promise((resolve) => setTimeout(resolve, 3000));
      const refused = await mo.post(`/api/v1/directives/${issued.body.id}/tasks/3/cancel`, {
        agencyId: district.agencyId,
        reason: 'Sáp nhập',
        cancelledOn: '2017-03-01',
      });
      expect([refused.status, refused.body.errors?.[0]?.field]).toEqual([422, 'cancelledOn']);

      const bad = await officer.get('/api/v1/directives', { 'x-consistency-token': 'nonsense' });
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].field).toBe('X-Consistency-Token');
    }, 120_000);

    it('report-projection killed with SIGKILL mid-stream and restarted: its read models equal a rebuild from the topics', async () => {
      const session = new ConsistencySession();
      const mo = system.client('mo-vp-ubnd-tinh', 'monitoring_officer', 'vp-ubnd-tinh', session);
      const issued = await mo.post('/api/v1/directives', { ...seed4308Directive(), number: '4310/UBND-VX' });
      const districts = issued.body.assignments.filter((a: { taskNumber: string }) => a.taskNumber === '3').slice(0, 20);
      let accepted = 0;
      const report = async (i: number) => {
        const a = districts[i % districts.length];
        const officer = system.client(`ao-${a.agencyId}`, 'agency_officer', a.agencyId, session);
        const answer = await officer.post(
          `/api/v1/assignments/${a.id}/progress`,
          { reportedOn: '2017-04-10', summary: `Báo cáo lần ${i}`, percent: i % 100 },
          { 'idempotency-key': `kill-${i}` },
        );
        expect(answer.status).toBe(201);
        accepted++;
      };
      const writers = Array.from({ length: 4 }, async (_, w) => {
        for (let i = w; i < 200; i += 4) {
          await report(i);
          if (i === 61) await system.kill('report-projection', 'SIGKILL');
        }
      });
      await Promise.all(writers);
      expect(accepted).toBe(200);
      await system.startProcess('report-projection');
      await mo.sync();

      const database = system.database('report-projection');
      const before = await readAll(real.mongoUrl, database, ['assignments', 'directives', 'timeline']);
      const progressEntries = (before.timeline as Array<{ entry: { type: string; data: { summary?: string } } }>).filter((t) =>
        t.entry.data.summary?.startsWith('Báo cáo lần'),
      );
      expect(progressEntries).toHaveLength(200);

      const started = await admin().post('/api/v1/admin/rebuild', {});
      expect(started.status).toBe(202);
      const generation = started.body.generation as number;
      await eventually(async () => {
        const status = await admin().get('/api/v1/admin/rebuild');
        expect(status.body).toMatchObject({ servedGeneration: generation, rebuild: { state: 'switched' } });
      }, 120_000);
      const after = await readAll(
        real.mongoUrl,
        database,
        ['assignments', 'directives', 'timeline'].map((c) => `${c}_g${generation}`),
      );
      expect(after[`assignments_g${generation}`]).toEqual(before.assignments);
      expect(after[`directives_g${generation}`]).toEqual(before.directives);
      expect(after[`timeline_g${generation}`]).toEqual(before.timeline);
    }, 300_000);

    it('a malformed message on a topic lands in the dead-letter topic and the consumer goes on', async () => {
      const kafka = new Kafka({ brokers: real.brokers.split(','), clientId: 'e2e-poison', logLevel: logLevel.NOTHING });
      const producer = kafka.producer();
      await producer.connect();
      const marker = randomUUID();
      await producer.send({
        topic: `${system.namespace}.${TOPICS.progress}`,
        messages: [
          { key: 'assignment-poison', value: `{"not json ${marker}` },
          { key: 'assignment-poison', value: JSON.stringify({ eventId: marker, type: 'assignment.progress-reported', data: {} }) },
        ],
      });
      await producer.disconnect();

      const session = new ConsistencySession();
      const mo = system.client('mo-vp-ubnd-tinh', 'monitoring_officer', 'vp-ubnd-tinh', session);
      const issued = await mo.post('/api/v1/directives', { ...seed4308Directive(), number: '4311/UBND-VX' });
      const a = issued.body.assignments.find((x: { taskNumber: string }) => x.taskNumber === '3');
      const officer = system.client(`ao-${a.agencyId}`, 'agency_officer', a.agencyId, session);
      expect(
        (await officer.post(`/api/v1/assignments/${a.id}/progress`, { reportedOn: '2017-03-10', summary: 'Sau thư hỏng', percent: 5 }))
          .status,
      ).toBe(201);
      const timeline = await officer.get(`/api/v1/audit/assignments/${a.id}/timeline`);
      expect(timeline.status).toBe(200);
      expect(timeline.body.events.some((e: { data: { summary?: string } }) => e.data.summary === 'Sau thư hỏng')).toBe(true);

      // The dead-letter topic of the group feeding the served generation (a rebuild has its own group).
      const generation = (await admin().get('/api/v1/admin/rebuild')).body.servedGeneration as number;
      const group = generation ? `report-projection.g${generation}` : 'report-projection';
      const reader = kafka.consumer({ groupId: `e2e-dlq-${marker}` });
      await reader.connect();
      await reader.subscribe({ topics: [`${system.namespace}.${group}.dlq`], fromBeginning: true });
      const parked: Array<{ reason: string; value: string }> = [];
      await reader.run({
        eachMessage: async ({ message }) =>
          void parked.push({ reason: String(message.headers?.reason ?? ''), value: message.value?.toString() ?? '' }),
      });
      await eventually(async () => {
        expect(parked.filter((p) => p.value.includes(marker))).toHaveLength(2);
      }, 30_000);
      await reader.disconnect();
      expect(parked.filter((p) => p.value.includes(marker)).every((p) => p.reason.length > 0)).toBe(true);
    }, 120_000);

    it('every event delivered twice leaves the read models as they were', async () => {
      const database = system.database('report-projection');
      const generation = (await admin().get('/api/v1/admin/rebuild')).body.servedGeneration as number;
      const names = ['assignments', 'directives', 'timeline'].map((c) => (generation ? `${c}_g${generation}` : c));
      const before = await readAll(real.mongoUrl, database, names);

      const kafka = new Kafka({ brokers: real.brokers.split(','), clientId: 'e2e-duplicate', logLevel: logLevel.NOTHING });
      const producer = kafka.producer();
      await producer.connect();
      const copier = kafka.consumer({ groupId: `e2e-copy-${randomUUID()}` });
      await copier.connect();
      const topics = [TOPICS.directives, TOPICS.progress].map((t) => `${system.namespace}.${t}`);
      const kafkaAdmin = kafka.admin();
      await kafkaAdmin.connect();
      let expected = 0;
      for (const topic of topics) for (const p of await kafkaAdmin.fetchTopicOffsets(topic)) expected += Number(p.high) - Number(p.low);
      await kafkaAdmin.disconnect();
      await copier.subscribe({ topics, fromBeginning: true });
      let copied = 0;
      await copier.run({
        eachBatch: async ({ batch }) => {
          await producer.send({
            topic: batch.topic,
            messages: batch.messages.map((m) => ({ key: m.key, value: m.value, headers: m.headers })),
          });
          copied += batch.messages.length;
        },
      });
      await eventually(async () => expect(copied).toBeGreaterThanOrEqual(expected), 60_000);
      await copier.disconnect();
      await producer.disconnect();

      // A write after the copies: once it is visible, the copies before it in its partition were applied too.
      const session = new ConsistencySession();
      const mo = system.client('mo-vp-ubnd-tinh', 'monitoring_officer', 'vp-ubnd-tinh', session);
      await mo.post('/api/v1/directives', { ...seed4308Directive(), number: '4312/UBND-VX' });
      await mo.sync();
      await eventually(async () => {
        const lag = await new Kafka({ brokers: real.brokers.split(','), logLevel: logLevel.NOTHING }).admin();
        await lag.connect();
        try {
          const group = generation ? `${system.namespace}.report-projection.g${generation}` : `${system.namespace}.report-projection`;
          for (const topic of topics) {
            const ends = await lag.fetchTopicOffsets(topic);
            const [committed] = await lag.fetchOffsets({ groupId: group, topics: [topic] });
            for (const end of ends) expect(committed.partitions.find((p) => p.partition === end.partition)?.offset).toBe(end.high);
          }
        } finally {
          await lag.disconnect();
        }
      }, 120_000);
      const after = await readAll(real.mongoUrl, database, names);
      const without4312 = (docs: unknown[]) => docs.filter((d) => !JSON.stringify(d).includes('4312/UBND-VX'));
      for (const name of names) expect(without4312(after[name])).toEqual(before[name]);
    }, 300_000);

    it('the audit trail through the gateway: report-projection follows both stores, verifies them and its access log, exports what verifies offline', async () => {
      const inspector = system.client('inspector-audit', 'inspector', 'thanh-tra-tinh');
      await inspector.get(`/api/v1/reports/summary?period=2017&directiveId=${directiveId}`);
      expect((await inspector.post('/api/v1/audit/checkpoints', {})).status).toBe(201);
      const verified = await inspector.get('/api/v1/audit/verify');
      expect(verified.status).toBe(200);
      expect(verified.body).toMatchObject({ ok: true, firstFault: null });
      const stores = verified.body.stores.map((s: { store: string; events: number; checkpointsChecked: number }) => [
        s.store,
        s.events > 0,
        s.checkpointsChecked > 0,
      ]);
      // The reporting store is audited too; nothing was issued nor urged here, so it is empty.
      expect(stores).toEqual([
        ['task-assignment', true, true],
        ['progress-events', true, true],
        ['reporting', false, true],
        ['audit', true, true],
      ]);
      const log = await inspector.get('/api/v1/audit/access-log?userId=inspector-audit');
      expect(log.body.entries.map((e: { route: string }) => e.route)).toEqual(['/api/v1/reports/summary', '/api/v1/audit/verify']);
      expect(log.body.entries[0].query).toEqual({ period: '2017', directiveId });
      const summary = await inspector.get(`/api/v1/reports/summary?period=2017&directiveId=${directiveId}`);
      expect(summary.body.checkpoints.map((c: { store: string }) => c.store).sort()).toEqual([
        'audit',
        'progress-events',
        'reporting',
        'task-assignment',
      ]);
      const events = await inspector.get(`/api/v1/audit/events?directiveId=${directiveId}&type=assignment.&limit=5`);
      expect(events.body.events).toHaveLength(5);
      const pem = (await inspector.get('/api/v1/audit/public-key')).body.pem;
      const exported = await inspector.get<string>(`/api/v1/audit/export?directiveId=${directiveId}&period=2017-Q1`);
      expect(exported.status).toBe(200);
      const report = await verifyExport(
        (async function* () {
          yield* exported.body.split('\n');
        })(),
        publicKeyFromPem(pem),
      );
      expect(report).toMatchObject({ ok: true, fault: null, figures: [{ directiveId, period: '2017-Q1', matches: true }] });
    }, 120_000);

    it("an ended agency's work moved to its successor through the gateway: progress-events learns it from the topic, history stays put", async () => {
      const session = new ConsistencySession();
      const registry = await admin().get('/api/v1/registry/timeline?limit=5');
      expect(registry.status).toBe(200);
      expect(registry.body.entries[0]).toMatchObject({ type: 'registry.group-created', actor: { userId: 'system' } });
      const moved = await system.client('admin-1', 'admin', null, session).post('/api/v1/registry/agencies/so-ldtbxh/transfer', {
        to: 'so-nnmt',
        transferredOn: '2025-03-01',
        directiveIds: [directiveId],
        reason: 'Sở Lao động - Thương binh và Xã hội kết thúc hoạt động',
        authorizingDocument: '45/2025/NĐ-CP',
      });
      expect(moved.status).toBe(200);
      expect(moved.body.directives[0].monitoring).toBe(true);
      const [held] = moved.body.directives[0].assignmentIds as string[];
      const successor = system.client('ao-so-nnmt', 'agency_officer', 'so-nnmt', session);
      await eventually(async () => {
        const report = await successor.post(`/api/v1/assignments/${held}/progress`, {
          reportedOn: '2025-03-10',
          summary: 'Tiếp nhận',
          percent: 90,
        });
        expect(report.status).toBe(201);
      }, 30_000);
      const old = await system.client('ao-so-ldtbxh', 'agency_officer', 'so-ldtbxh').post(`/api/v1/assignments/${held}/progress`, {
        reportedOn: '2025-03-11',
        summary: 'x',
      });
      expect(old.status).toBe(403);
      await successor.sync();
      const reader = system.client('inspector-1', 'inspector', 'thanh-tra-tinh', session);
      const then = (await reader.get(`/api/v1/reports/agencies?period=2017&directiveId=${directiveId}`)).body.agencies;
      expect(then.map((a: { agencyId: string }) => a.agencyId)).toContain('so-ldtbxh');
      const state = await reader.get(`/api/v1/audit/assignments/${held}/state?asOf=2025-12-31`);
      expect(state.body).toMatchObject({ agencyId: 'so-nnmt', latestPercent: 90 });
    }, 120_000);

    it('signs in behind the gateway: an account made with the CLI on task-assignment’s stores, its session read and written by every service, ended at sign-out', async () => {
      execFileSync(
        process.execPath,
        ['dist/tools/cli/main.js', 'admin', 'create', '--username', 'cb.muonglat', '--agency', 'h-muong-lat', '--role', 'agency_officer'],
        {
          cwd: ROOT,
          env: system.env('task-assignment'),
          input: 'mật khẩu Mường Lát 2017\n',
        },
      );
      const signIn = await fetch(`${system.url}/api/v1/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'cb.muonglat', password: 'mật khẩu Mường Lát 2017' }),
      });
      expect(signIn.status).toBe(200);
      const cookie = signIn.headers.get('set-cookie')!.split(';')[0];
      const { csrfToken } = (await signIn.json()) as { csrfToken: string };
      const browser = (path: string, init: RequestInit = {}) =>
        fetch(`${system.url}${path}`, { ...init, headers: { cookie, 'content-type': 'application/json', ...(init.headers ?? {}) } });
      // The seed directive, unless an earlier test issued it (then 409).
      await system.client('mo-vp-ubnd-tinh', 'monitoring_officer', 'vp-ubnd-tinh').post('/api/v1/directives', seed4308Directive());
      let held = { id: '' };
      await eventually(async () => {
        const mine = await browser('/api/v1/assignments?agencyId=h-muong-lat');
        expect(mine.status).toBe(200);
        [held] = ((await mine.json()) as { assignments: Array<{ id: string }> }).assignments;
        expect(held).toBeDefined();
      }, 30_000);
      expect((await browser('/api/v1/assignments?agencyId=h-ba-thuoc')).status).toBe(403);
      const body = JSON.stringify({ reportedOn: '2017-12-20', summary: 'Báo cáo từ trình duyệt', percent: 95 });
      expect((await browser(`/api/v1/assignments/${held.id}/progress`, { method: 'POST', body })).status).toBe(403);
      const written = await browser(`/api/v1/assignments/${held.id}/progress`, {
        method: 'POST',
        body,
        headers: { 'x-csrf-token': csrfToken },
      });
      expect(written.status).toBe(201);
      expect((await browser('/api/v1/auth/sign-out', { method: 'POST', headers: { 'x-csrf-token': csrfToken } })).status).toBe(204);
      for (const path of ['/api/v1/auth/session', '/api/v1/assignments?agencyId=h-muong-lat', '/api/v1/directives'])
        expect([path, (await browser(path)).status]).toEqual([path, 401]);
    }, 120_000);

    it('tokens signed by task-assignment alone: every service and the gateway verify with its JWKS, a rotation is picked up, a forged token stops at the gateway', async () => {
      const jwks = await fetch(`${system.url}/.well-known/jwks.json`);
      expect(jwks.status).toBe(200);
      const admin = { sub: 'admin-keys', agencyId: null, roles: ['admin' as const] };
      const before = new ApiClient(system.url, system.sign(admin));
      expect((await before.get('/api/v1/directives')).status).toBe(200);
      const rotated = SigningKeys.load(system.keysDir).rotate();
      const afterToken = system.sign(admin);
      expect(JSON.parse(Buffer.from(afterToken.split('.')[0], 'base64url').toString()).kid).toBe(rotated.kid);
      const after = new ApiClient(system.url, afterToken);
      // A verifier fetches the JWKS again when a token names a key it has not seen (at most every 5 s).
      await eventually(async () => {
        for (const path of ['/api/v1/directives', '/api/v1/agencies', '/api/v1/audit/public-key'])
          expect([path, (await after.get(path)).status]).toEqual([path, 200]);
        // progress-events: an attachment that does not exist, asked by a caller it verified.
        expect((await after.get(`/api/v1/assignments/${randomUUID()}/attachments/${'0'.repeat(64)}`)).status).toBe(404);
      }, 15_000);
      expect((await before.get('/api/v1/directives')).status).toBe(200);
      const stranger = TokenService.holdingKeys(join(system.dataDir, 'stranger-keys')).sign({ sub: 'x', agencyId: null, roles: ['admin'] });
      const refused = await fetch(`${system.url}/api/v1/directives`, { headers: { authorization: `Bearer ${stranger}` } });
      expect(refused.status).toBe(401);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
    }, 60_000);
  });
}
