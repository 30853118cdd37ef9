import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publicKeyFromPem, verifyExport } from '@dm/audit';
import { delay, seed4308Directive } from '@dm/testing';
import { EmbeddedFixture } from './fixture';
import { buildOnce } from './process-harness';

type Body = Record<string, any>;
const ROOT = join(__dirname, '../../..');
const FIELDS = [
  'period',
  'from',
  'to',
  'asOf',
  'filter',
  'assigned',
  'counts',
  'carriedOver',
  'lifecycle',
  'rates',
  'activity',
  'requests',
  'coordinating',
];
const figuresOf = (body: Body) => Object.fromEntries(FIELDS.map((f) => [f, body[f]]));

/**
 * The 2017-Q1 summary as issued at T names the checkpoints it was computed
 * at; late reports for the quarter recorded afterwards change the present
 * view, not the view as known at T, which names the same checkpoints. An
 * export of the directive carries the figures as known at its checkpoint,
 * and the offline verifier recomputes them from the exported events alone
 * (docs/audit.md, "The offline verifier"), in process and through the CLI.
 */
describe('issued figures, their checkpoints, and the offline verifier (embedded)', () => {
  const fx = new EmbeddedFixture();
  const files = mkdtempSync(join(tmpdir(), 'dm-verify-'));
  let directiveId: string;
  let issued: Body;
  let T: string;
  let exported: string;
  let pem: string;
  const lead = (assignments: Body[], task: string, agency: string) =>
    assignments.find((a) => a.taskNumber === task && a.agencyId === agency && a.role === 'lead')!.id;
  const lines = async function* (text: string) {
    yield* text.split('\n');
  };

  beforeAll(async () => {
    buildOnce();
    await fx.start();
    const answer = await fx.monitoring('vp-ubnd-tinh').post('/api/v1/directives', seed4308Directive({ '3': '2017-03-10' }));
    expect(answer.status).toBe(201);
    directiveId = answer.body.id;
    const assignments = answer.body.assignments;
    const report = (agency: string, reportedOn: string) =>
      fx
        .officer(agency)
        .post(`/api/v1/assignments/${lead(assignments, '3', agency)}/progress`, { reportedOn, summary: 'Tiến độ', percent: 40 });
    expect((await report('h-muong-lat', '2017-02-20')).status).toBe(201);
    const done = await fx
      .officer('h-quan-hoa')
      .post(`/api/v1/assignments/${lead(assignments, '3', 'h-quan-hoa')}/completion`, { completedOn: '2017-03-01', summary: 'Xong' });
    expect(done.status).toBe(201);

    expect((await fx.inspector().post('/api/v1/audit/checkpoints', {})).status).toBe(201);
    issued = (await fx.inspector().get('/api/v1/reports/summary?period=2017-Q1')).body;
    T = new Date().toISOString();
    await delay(20);

    const late = await fx.officer('h-ba-thuoc').post(`/api/v1/assignments/${lead(assignments, '3', 'h-ba-thuoc')}/completion`, {
      completedOn: '2017-03-05',
      summary: 'Xong (báo cáo muộn)',
    });
    expect(late.status).toBe(201);
    expect((await report('h-lang-chanh', '2017-03-02')).status).toBe(201);
    expect((await fx.inspector().post('/api/v1/audit/checkpoints', {})).status).toBe(201);

    pem = (await fx.inspector().get('/api/v1/audit/public-key')).body.pem;
    const response = await fx.inspector().get<string>(`/api/v1/audit/export?directiveId=${directiveId}&period=2017-Q1`);
    expect(response.status).toBe(200);
    exported = response.body;
  });
  afterAll(async () => {
    await fx.stop();
    rmSync(files, { recursive: true, force: true });
  });

  it('reproduces the issued summary as known at T, naming the same checkpoints; the present view differs and names later ones', async () => {
    expect(issued.checkpoints.map((c: Body) => c.store).sort()).toEqual([
      'audit',
      'identity',
      'progress-events',
      'reporting',
      'task-assignment',
    ]);
    const then = (await fx.inspector().get(`/api/v1/reports/summary?period=2017-Q1&knownAt=${encodeURIComponent(T)}`)).body;
    expect(figuresOf(then)).toEqual(figuresOf(issued));
    expect(then.checkpoints).toEqual(issued.checkpoints);
    const now = (await fx.inspector().get('/api/v1/reports/summary?period=2017-Q1')).body;
    expect(figuresOf(now)).not.toEqual(figuresOf(issued));
    expect(now.activity.progressReports).toBe(issued.activity.progressReports + 1);
    const progress = (answer: Body) => answer.checkpoints.find((c: Body) => c.store === 'progress-events');
    expect(progress(now).treeSize).toBeGreaterThan(progress(issued).treeSize);
    expect(progress(now).time > T).toBe(true);
  });

  it('verifies the export offline: checkpoints, chains, inclusion proofs, and the figures recomputed from its events', async () => {
    const report = await verifyExport(lines(exported), publicKeyFromPem(pem));
    expect(report).toMatchObject({ ok: true, fault: null, scope: { directiveId } });
    expect(report.figures).toEqual([{ directiveId, period: '2017-Q1', knownAt: expect.any(String), matches: true }]);
    expect(report.events).toBeGreaterThan(4);
  });

  it("exports a year's directives with their assignments, verifiable the same way", async () => {
    const year = await fx.inspector().get<string>('/api/v1/audit/export?year=2017');
    expect(year.headers.get('content-disposition')).toContain('audit-2017.jsonl');
    const report = await verifyExport(lines(year.body), publicKeyFromPem(pem));
    expect(report).toMatchObject({ ok: true, scope: { year: 2017 } });
    expect(report.events).toBe((await verifyExport(lines(exported), publicKeyFromPem(pem))).events);
    expect(
      await verifyExport(lines((await fx.inspector().get<string>('/api/v1/audit/export?year=2016')).body), publicKeyFromPem(pem)),
    ).toMatchObject({
      ok: true,
      events: 0,
    });
    expect((await fx.inspector().get('/api/v1/audit/export?year=2017&all=true')).status).toBe(400);
  });

  it('names figures that do not follow from the events', async () => {
    let assigned = 0;
    const forged = exported
      .split('\n')
      .map((line) => {
        if (!line.includes('"kind":"figures"')) return line;
        const figures = JSON.parse(line);
        assigned = figures.summary.assigned;
        figures.summary.assigned += 1;
        return JSON.stringify(figures);
      })
      .join('\n');
    const report = await verifyExport(lines(forged), publicKeyFromPem(pem));
    expect(report.fault).toMatchObject({ kind: 'figures' });
    expect(report.fault?.message).toContain(`at assigned: issued ${assigned + 1}, recomputed ${assigned}`);
  });

  it('names an exported event whose content was changed, and one left out of its stream', async () => {
    const changed = exported.replace('Xong (báo cáo muộn)', 'Xong (đúng hạn)');
    expect((await verifyExport(lines(changed), publicKeyFromPem(pem))).fault).toMatchObject({ kind: 'hash', store: 'progress-events' });
    const all = exported.split('\n');
    const i = all.findIndex((l) => l.includes('"Xong"'));
    const dropped = [...all.slice(0, i), ...all.slice(i + 1)].join('\n');
    expect((await verifyExport(lines(dropped), publicKeyFromPem(pem))).fault?.kind).toMatch(/truncated|revision|figures/);
  });

  it('runs as npm run cli -- verify: JSON on stdout, exit 0; a fault on stderr, exit 1; wrong use, exit 2', () => {
    writeFileSync(join(files, 'export.jsonl'), exported);
    writeFileSync(join(files, 'forged.jsonl'), exported.replace('Xong (báo cáo muộn)', 'Xong (đúng hạn)'));
    writeFileSync(join(files, 'audit.pub'), pem);
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['dist/tools/cli/main.js', 'verify', ...args], { cwd: ROOT, encoding: 'utf8' });
    const good = run(join(files, 'export.jsonl'), '--public-key', join(files, 'audit.pub'));
    expect(good.status).toBe(0);
    expect(JSON.parse(good.stdout)).toMatchObject({ ok: true });
    expect(good.stderr).toMatch(/verified: \d+ events/);
    const bad = run(join(files, 'forged.jsonl'), '--public-key', join(files, 'audit.pub'));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/NOT VERIFIED: progress-events: the event at position \d+ does not hash/);
    expect(run(join(files, 'export.jsonl')).status).toBe(2);
  });
});
