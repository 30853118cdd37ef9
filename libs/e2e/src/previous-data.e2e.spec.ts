import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { ApiClient, recordDemoAnswers, seed4308Directive, type RecordedAnswer } from '@dm/testing';
import { startEmbedded, type EmbeddedServer } from '@dm/composition';
import { EmbeddedRuntime } from '@dm/composition';
import { rebuildReadModels } from '@dm/composition';
import { READ_MODEL_VERSION, READ_MODEL_VERSION_CHECKPOINT } from '@dm/composition';
import { ROOT } from './process-harness';
import { ASSIGNMENT_FACTS, ASSIGNMENTS, type AssignmentDoc, type OwnFactDoc } from '@dm/reporting-domain';
import type { Document } from '@dm/read-store';
import { checkAnswer } from './response-schemas';

/**
 * A data directory written by version 0.1.0 (`npm run cli -- demo` on the
 * main of 28/11/2026, files gzipped) and the answers this version gives on it
 * (libs/e2e/fixtures, recorded with `tools/fixtures/record-demo-answers.ts`).
 * The domain-rules issue changed what the answers say on purpose (deadlines in
 * force by date, requests and coordinating assignments outside the official
 * counts, no status before issue), so the answers were recorded again then;
 * the registry issue did again (the registry over time, from 2016 to the 2025
 * reform; linked legal bases), and the knownAt issue did (every reporting answer echoes `knownAt`,
 * null when not asked; nothing else changed); 0.1.0's own are in git history. This version must load the old directory,
 * rebuild its read models (their documents changed shape), and answer the same
 * every time.
 */
const FIXTURE = join(ROOT, 'libs/e2e/fixtures/demo-data-0.1.0');
const ANSWERS: Record<string, RecordedAnswer> = JSON.parse(gunzipSync(readFileSync(`${FIXTURE}.answers.json.gz`)).toString('utf8'));

function unpackFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dm-previous-'));
  for (const name of readdirSync(FIXTURE)) {
    if (name.endsWith('.gz')) writeFileSync(join(dir, name.slice(0, -3)), gunzipSync(readFileSync(join(FIXTURE, name))));
    else copyFileSync(join(FIXTURE, name), join(dir, name));
  }
  return dir;
}

const inspectorOf = (server: EmbeddedServer) =>
  new ApiClient(server.url, server.runtime.tokens.sign({ sub: 'inspector-1', agencyId: 'thanh-tra-tinh', roles: ['inspector'] }));

/** The lists among the recorded reads: recorded whole, without the `next` a page has (recordDemoAnswers), so checked as a last page. */
const PAGED_LISTS = /^\/api\/v1\/(agencies|directives|assignments|reports\/agencies)(\?|$)/;

function expectSameAnswers(answers: Record<string, RecordedAnswer>) {
  expect(Object.keys(answers).sort()).toEqual(Object.keys(ANSWERS).sort());
  for (const [path, answer] of Object.entries(ANSWERS)) expect({ path, ...answers[path] }).toEqual({ path, ...answer });
}

describe('data written by version 0.1.0', () => {
  let dataDir: string;
  let server: EmbeddedServer | undefined;

  beforeEach(() => {
    dataDir = unpackFixture();
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(`rebuilds the read models of 0.1.0 once on start, then answers the ${Object.keys(ANSWERS).length} recorded reads`, async () => {
    const old = new EmbeddedRuntime(dataDir);
    try {
      expect(await old.reportStore.getCheckpoint(READ_MODEL_VERSION_CHECKPOINT)).toBeNull();
    } finally {
      await old.close();
    }
    server = await startEmbedded({ dataDir, logger: false });
    expect(await server.runtime.reportStore.getCheckpoint(READ_MODEL_VERSION_CHECKPOINT)).toBe(READ_MODEL_VERSION);
    const docs = await server.runtime.reportStore.find<AssignmentDoc & Document>(ASSIGNMENTS, {});
    const own = await server.runtime.reportStore.find<OwnFactDoc & Document>(ASSIGNMENT_FACTS, {});
    const facts = [...docs.flatMap((d) => Object.values(d.facts.d ?? {})), ...own.map((row) => row.fact)];
    expect(own.length).toBeGreaterThan(0);
    expect(facts.length).toBeGreaterThan(docs.length);
    expect(facts.filter((f) => typeof f.recordedAt !== 'string')).toEqual([]);
    expectSameAnswers(await recordDemoAnswers(inspectorOf(server)));
    await server.close();
    server = await startEmbedded({ dataDir, logger: false });
    expectSameAnswers(await recordDemoAnswers(inspectorOf(server)));
  });

  it('answers each read with a body the OpenAPI document describes', () => {
    const problems = Object.entries(ANSWERS)
      .filter(([, answer]) => answer.status === 200)
      .flatMap(([path, answer]) =>
        checkAnswer('GET', path, PAGED_LISTS.test(path) ? { ...(answer.body as object), next: null } : answer.body),
      );
    expect(problems).toEqual([]);
    expect(checkAnswer('GET', '/api/v1/directives', { directives: [], undocumented: 1 })).not.toEqual([]);
  });

  it('answers them the same after the read models are rebuilt from its events', async () => {
    const runtime = new EmbeddedRuntime(dataDir);
    try {
      expect((await rebuildReadModels(runtime)).events).toBe(194);
    } finally {
      await runtime.close();
    }
    server = await startEmbedded({ dataDir, logger: false });
    expectSameAnswers(await recordDemoAnswers(inspectorOf(server)));
  });

  it('replays a keyed command of the demo as the same write, and takes new ones on old streams', async () => {
    server = await startEmbedded({ dataDir, logger: false });
    const sign = (sub: string, agencyId: string, role: 'monitoring_officer' | 'agency_officer') =>
      new ApiClient(server!.url, server!.runtime.tokens.sign({ sub, agencyId, roles: [role] }));
    const monitoring = sign('demo-ldtbxh', 'so-ldtbxh', 'monitoring_officer');
    const directiveId = 'd2670a8b-d20d-58d7-82aa-2a2282fe4bed';
    const deadline = {
      deadline: '2017-12-14',
      reason: 'Báo cáo kết quả năm theo kỳ chốt số liệu của Nghị định 09/2019/NĐ-CP (minh họa)',
      authorizingDocument: 'Thông báo kết luận của Chủ tịch UBND tỉnh (minh họa)',
      changedOn: '2017-03-01',
    };
    const again = await monitoring.post(`/api/v1/directives/${directiveId}/tasks/11/deadline`, deadline, {
      'idempotency-key': 'demo-deadline-11',
    });
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toMatchObject({ directiveId, taskNumber: '11', deadline: '2017-12-14' });
    // The defect fixed since 0.1.0: the monitoring agency may no longer issue in the province's name.
    const issue = await monitoring.post('/api/v1/directives', seed4308Directive(), { 'idempotency-key': 'demo-issue-4308' });
    expect(issue.status).toBe(403);

    const inspector = inspectorOf(server);
    const assignment = (await inspector.get('/api/v1/assignments?agencyId=h-muong-lat&asOf=2017-12-31')).body.assignments.find(
      (a: { taskNumber: string }) => a.taskNumber === '3',
    );
    const before = (await inspector.get(`/api/v1/audit/assignments/${assignment.id}/timeline`)).body.events;
    const officer = sign('demo-h-muong-lat', 'h-muong-lat', 'agency_officer');
    const report = await officer.post(`/api/v1/assignments/${assignment.id}/progress`, {
      reportedOn: '2017-12-10',
      summary: 'Báo cáo bổ sung',
      percent: 95,
    });
    expect(report.status).toBe(201);
    const ownEvents = before.filter((e: { source: string }) => e.source === 'a').length;
    expect(report.body.revision).toBe(ownEvents);
    const after = (await inspector.get(`/api/v1/audit/assignments/${assignment.id}/timeline`)).body.events;
    expect(after).toHaveLength(before.length + 1);
  });
});
