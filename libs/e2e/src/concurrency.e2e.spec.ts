import { assignmentStreamId, directiveStreamId } from '@dm/contracts';
import { seed4308Directive, type ApiResponse } from '@dm/testing';
import { EmbeddedFixture } from './fixture';

/**
 * 50 conflicting commands on one stream at once, over HTTP (issue 13, item 7):
 * the answers are 2xx or 409 only; every 2xx's effect is in the stream and
 * the read model, and nothing else is (no lost update, no duplicate effect);
 * the same Idempotency-Key is one effect. Complements contention.e2e.spec.ts
 * (50 progress reports and 45 deadline changes, all of which succeed):
 * here most of the 50 must lose, and exactly the winners' effects remain.
 */
describe('50 conflicting commands on one stream at once (embedded)', () => {
  const fx = new EmbeddedFixture();
  let directiveId: string;
  let assignments: Array<{ id: string; taskNumber: string; agencyId: string }>;
  const N = 50;
  const assignmentOf = (taskNumber: string, agencyId: string) =>
    assignments.find((a) => a.taskNumber === taskNumber && a.agencyId === agencyId)!.id;

  /** The events of a stream, read from the store (not through any read model). */
  const streamEvents = async (store: 'taskAssignment' | 'progressEvents', streamId: string) => {
    const events: Array<{ eventId: string; type: string; data: Record<string, unknown>; streamRevision: number }> = [];
    for await (const e of fx.server.runtime.stores[store].readStream(streamId))
      events.push({ eventId: e.eventId, type: e.type, data: e.data as Record<string, unknown>, streamRevision: e.streamRevision });
    return events;
  };
  const statusesOf = (answers: ApiResponse[]) => [...new Set(answers.map((a) => a.status))].sort();
  const succeeded = (answers: ApiResponse[]) => answers.filter((a) => a.status >= 200 && a.status < 300);
  /** The read model's row of an assignment (GET /api/v1/assignments), as of the end of 2017. */
  const row = async (assignmentId: string, agencyId: string) =>
    (await fx.inspector().get(`/api/v1/assignments?directiveId=${directiveId}&agencyId=${agencyId}&asOf=2017-12-31`)).body.assignments.find(
      (a: { id: string }) => a.id === assignmentId,
    );

  beforeAll(async () => {
    await fx.start();
    const issued = await fx.monitoring('vp-ubnd-tinh').post('/api/v1/directives', seed4308Directive({ '3': '2017-06-30' }));
    expect(issued.status).toBe(201);
    directiveId = issued.body.id;
    assignments = issued.body.assignments;
  });
  afterAll(() => fx.stop());

  it('50 confirmations and returns of one completion: one decision, 49 × 409, and the read model shows that decision', async () => {
    const assignment = assignmentOf('3', 'h-muong-lat');
    expect(
      (
        await fx
          .officer('h-muong-lat')
          .post(`/api/v1/assignments/${assignment}/completion`, { completedOn: '2017-05-20', summary: 'Hoàn thành' })
      ).status,
    ).toBe(201);
    const offices = Array.from({ length: 5 }, (_, i) => fx.client(`mo-ldtbxh-${i}`, 'monitoring_officer', 'so-ldtbxh'));
    const answers = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        offices[i % 5].post(
          `/api/v1/assignments/${assignment}/confirmation`,
          i % 2 ? { accepted: false, reason: `Thiếu hồ sơ ${i}`, returnedOn: '2017-05-25' } : { accepted: true, confirmedOn: '2017-05-25' },
        ),
      ),
    );
    expect(statusesOf(answers)).toEqual([200, 409]);
    const [winner] = succeeded(answers);
    expect(succeeded(answers)).toHaveLength(1);
    const decisions = (await streamEvents('progressEvents', assignmentStreamId(assignment))).filter((e) =>
      ['assignment.completion-confirmed', 'assignment.completion-returned'].includes(e.type),
    );
    expect(decisions.map((e) => e.eventId)).toEqual([winner.body.eventId]);
    const confirmed = winner.body.type === 'assignment.completion-confirmed';
    expect((await row(assignment, 'h-muong-lat')).lifecycle).toBe(confirmed ? 'completed' : 'returned');
    const state = await fx.inspector().get(`/api/v1/audit/assignments/${assignment}/state?asOf=2017-12-31`);
    expect(state.body.lifecycle ?? state.body.state?.lifecycle).toBe(confirmed ? 'completed' : 'returned');
  });

  it('50 completions of one assignment reported at once: one awaits confirmation, 49 × 409', async () => {
    const assignment = assignmentOf('3', 'h-ba-thuoc');
    const officers = Array.from({ length: 5 }, (_, i) => fx.client(`ao-bathuoc-${i}`, 'agency_officer', 'h-ba-thuoc'));
    const answers = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        officers[i % 5].post(`/api/v1/assignments/${assignment}/completion`, { completedOn: '2017-05-20', summary: `Hoàn thành ${i}` }),
      ),
    );
    expect(statusesOf(answers)).toEqual([201, 409]);
    expect(succeeded(answers)).toHaveLength(1);
    const completions = (await streamEvents('progressEvents', assignmentStreamId(assignment))).filter(
      (e) => e.type === 'assignment.completion-reported',
    );
    expect(completions.map((e) => e.eventId)).toEqual([succeeded(answers)[0].body.eventId]);
    expect((await row(assignment, 'h-ba-thuoc')).lifecycle).toBe('awaitingConfirmation');
  });

  it('50 corrections of one task text: only 2xx or 409, each 2xx one event, and the directive reads the last one written', async () => {
    const office = fx.monitoring();
    const answers = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        office.post(`/api/v1/directives/${directiveId}/tasks/2/text`, {
          text: `Nội dung sửa lần ${i}`,
          reason: 'Đính chính',
          authorizingDocument: `${i}/UBND`,
          effectiveOn: '2017-03-01',
        }),
      ),
    );
    expect(answers.filter((a) => a.status !== 200 && a.status !== 409)).toEqual([]);
    const corrections = (await streamEvents('taskAssignment', directiveStreamId(directiveId))).filter(
      (e) => e.type === 'directive.task-text-corrected',
    );
    expect(new Set(corrections.map((e) => e.eventId))).toEqual(new Set(succeeded(answers).map((a) => a.body.eventId)));
    expect(corrections.length).toBeGreaterThan(0);
    const last = corrections[corrections.length - 1].data.text;
    const directive = await fx.inspector().get(`/api/v1/directives/${directiveId}?asOf=2017-12-31`);
    expect(directive.body.tasks.find((t: { number: string }) => t.number === '2').text).toBe(last);
  });

  it('the same task number added 50 times at once: one task added, 49 × 409', async () => {
    const office = fx.monitoring();
    const answers = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        office.post(`/api/v1/directives/${directiveId}/tasks`, {
          number: '12',
          text: `Nhiệm vụ bổ sung ${i}`,
          mode: 'giao',
          lead: ['so-khdt'],
          coordinating: [],
          deadline: null,
          reportDuty: null,
          reason: 'Bổ sung',
          authorizingDocument: '13/UBND',
          effectiveOn: '2017-03-01',
        }),
      ),
    );
    expect(statusesOf(answers)).toEqual([201, 409]);
    expect(succeeded(answers)).toHaveLength(1);
    const added = (await streamEvents('taskAssignment', directiveStreamId(directiveId))).filter((e) => e.type === 'directive.task-added');
    expect(added.map((e) => e.eventId)).toEqual([succeeded(answers)[0].body.eventId]);
    const directive = await fx.inspector().get(`/api/v1/directives/${directiveId}?asOf=2017-12-31`);
    expect(directive.body.tasks.filter((t: { number: string }) => t.number === '12')).toHaveLength(1);
    expect(directive.body.assignments.filter((a: { taskNumber: string }) => a.taskNumber === '12')).toHaveLength(1);
  });

  it('50 cancellations of one task at once: one cancels, 49 × 409, and its assignments read cancelled', async () => {
    const office = fx.monitoring();
    const answers = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        office.post(`/api/v1/directives/${directiveId}/tasks/9/cancel`, { reason: `Gộp nhiệm vụ ${i}`, cancelledOn: '2017-09-01' }),
      ),
    );
    expect(statusesOf(answers)).toEqual([200, 409]);
    expect(succeeded(answers)).toHaveLength(1);
    const cancelled = (await streamEvents('taskAssignment', directiveStreamId(directiveId))).filter(
      (e) => e.type === 'directive.task-cancelled',
    );
    expect(cancelled).toHaveLength(1);
    const closed = await fx.inspector().get(`/api/v1/assignments?directiveId=${directiveId}&lifecycle=cancelled&asOf=2017-12-31`);
    const task9 = assignments.filter((a) => a.taskNumber === '9').map((a) => a.id);
    expect(task9.length).toBeGreaterThan(0);
    expect(closed.body.assignments.map((a: { id: string }) => a.id).sort()).toEqual(task9.sort());
  });

  it('50 identical issues of a directive with one Idempotency-Key: one directive, the same answer 50 times', async () => {
    const office = fx.monitoring('vp-ubnd-tinh');
    const body = { ...seed4308Directive(), number: '99/CONCURRENT' };
    const answers = await Promise.all(
      Array.from({ length: N }, () => office.post('/api/v1/directives', body, { 'idempotency-key': 'issue-99' })),
    );
    expect(statusesOf(answers)).toEqual([201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(answers.filter((a) => a.headers.get('idempotent-replayed') === 'true')).toHaveLength(N - 1);
    expect(await streamEvents('taskAssignment', directiveStreamId(answers[0].body.id))).toHaveLength(1);
    const listed = (await fx.inspector().get('/api/v1/directives')).body.directives.filter(
      (d: { number: string }) => d.number === '99/CONCURRENT',
    );
    expect(listed).toHaveLength(1);
  });

  it('50 identical confirmations with one Idempotency-Key: one decision, the same answer 50 times', async () => {
    const assignment = assignmentOf('3', 'h-ba-thuoc');
    const office = fx.monitoring();
    const answers = await Promise.all(
      Array.from({ length: N }, () =>
        office.post(
          `/api/v1/assignments/${assignment}/confirmation`,
          { accepted: true, confirmedOn: '2017-05-26' },
          { 'idempotency-key': 'confirm-bt' },
        ),
      ),
    );
    expect(statusesOf(answers)).toEqual([200]);
    expect(new Set(answers.map((a) => a.body.eventId)).size).toBe(1);
    expect(answers.filter((a) => a.headers.get('idempotent-replayed') === 'true')).toHaveLength(N - 1);
    const confirmations = (await streamEvents('progressEvents', assignmentStreamId(assignment))).filter(
      (e) => e.type === 'assignment.completion-confirmed',
    );
    expect(confirmations.map((e) => e.eventId)).toEqual([answers[0].body.eventId]);
    expect((await row(assignment, 'h-ba-thuoc')).lifecycle).toBe('completed');
  });
});
