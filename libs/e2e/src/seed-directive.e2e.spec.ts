import { seed4308Directive } from '@dm/testing';
import { EmbeddedFixture } from './fixture';

/**
 * The seed letter 4308/UBND-VX walked through API v1 on the embedded system.
 * The letter sets no deadline; this scenario gives tasks 3, 5 and 11 one.
 */
describe('seed directive 4308/UBND-VX over HTTP (embedded)', () => {
  const fx = new EmbeddedFixture();
  let directiveId: string;
  let assignments: Array<{ id: string; taskNumber: string; agencyId: string; role: string; mode?: string }>;
  /** Lead assignments that are requests (đề nghị): task 10's, and the Party committees' of task 1. */
  const isRequest = (a: { role: string; taskNumber: string; mode?: string }) =>
    a.role === 'lead' && (a.taskNumber === '10' || a.mode === 'de-nghi');
  const lead = (task: string, agency: string) => {
    const found = assignments.find((a) => a.taskNumber === task && a.agencyId === agency && a.role === 'lead');
    if (!found) throw new Error(`no lead assignment of task ${task} for ${agency}`);
    return found.id;
  };
  const stateOf = async (id: string, asOf: string) => (await fx.inspector().get(`/api/v1/audit/assignments/${id}/state?asOf=${asOf}`)).body;
  const timelineOf = async (id: string) => (await fx.inspector().get(`/api/v1/audit/assignments/${id}/timeline`)).body.events;

  beforeAll(async () => {
    await fx.start();
  });
  afterAll(() => fx.stop());

  it('issues the directive; task 3 fans out to all 27 district committees', async () => {
    const response = await fx
      .monitoring('vp-ubnd-tinh')
      .post('/api/v1/directives', seed4308Directive({ '3': '2017-06-30', '5': '2017-04-30', '11': '2017-12-14' }));
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe(`/api/v1/directives/${response.body.id}`);
    directiveId = response.body.id;
    assignments = response.body.assignments;
    expect(response.body.tasks).toHaveLength(11);
    const task3 = assignments.filter((a) => a.taskNumber === '3');
    expect(task3).toHaveLength(27);
    expect(new Set(task3.map((a) => a.agencyId)).size).toBe(27);
    expect(task3.every((a) => a.role === 'lead')).toBe(true);
    expect(new Set(assignments.map((a) => a.id)).size).toBe(assignments.length);
    expect(
      assignments
        .filter((a) => a.role === 'coordinating')
        .map((a) => a.agencyId)
        .sort(),
    ).toEqual(['ban-dan-toc', 'so-khdt', 'so-ldtbxh', 'so-tc']);
  });

  it('reads the directive back at once (read-your-writes)', async () => {
    const response = await fx.inspector().get(`/api/v1/directives/${directiveId}?asOf=2017-03-01`);
    expect(response.status).toBe(200);
    expect(response.body.number).toBe('4308/UBND-VX');
    expect(response.body.assignments).toHaveLength(assignments.filter((a) => a.role === 'lead').length);
    const coordinating = await fx.inspector().get(`/api/v1/directives/${directiveId}?asOf=2017-03-01&role=coordinating`);
    expect(coordinating.body.assignments.map((a: { agencyId: string }) => a.agencyId).sort()).toEqual([
      'ban-dan-toc',
      'so-khdt',
      'so-ldtbxh',
      'so-tc',
    ]);
    const list = await fx.officer('h-muong-lat').get('/api/v1/directives');
    expect(list.body.directives.map((d: { id: string }) => d.id)).toContain(directiveId);
  });

  it('answers 409 to the same number from the same issuer in the same year', async () => {
    const again = await fx.monitoring('vp-ubnd-tinh').post('/api/v1/directives', seed4308Directive());
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toContain('application/problem+json');
  });

  it('refuses callers without the right, whatever they send', async () => {
    const muongLat = lead('3', 'h-muong-lat');
    expect((await fx.anonymous().post(`/api/v1/assignments/${muongLat}/progress`, {})).status).toBe(401);
    const other = await fx
      .officer('h-ba-thuoc')
      .post(`/api/v1/assignments/${muongLat}/progress`, { reportedOn: '2017-03-01', summary: 'x' });
    expect(other.status).toBe(403);
    expect(other.body.title).toBe('Forbidden');
    expect((await fx.officer('h-ba-thuoc').postRaw(`/api/v1/assignments/${muongLat}/progress`, '{not json')).status).toBe(403);
    expect(
      (
        await fx
          .officer('h-ba-thuoc')
          .postRaw(`/api/v1/assignments/${muongLat}/progress`, 'a=b', { 'content-type': 'application/x-www-form-urlencoded' })
      ).status,
    ).toBe(403);
    expect((await fx.anonymous().postRaw(`/api/v1/assignments/${muongLat}/progress`, 'a=b', { 'content-type': 'text/plain' })).status).toBe(
      401,
    );
    expect((await fx.inspector().post(`/api/v1/assignments/${muongLat}/progress`, { reportedOn: '2017-03-01', summary: 'x' })).status).toBe(
      403,
    );
    expect((await fx.officer('so-ldtbxh').post('/api/v1/directives', {})).status).toBe(403);
    expect((await fx.monitoring('so-yt').post('/api/v1/directives', { ...seed4308Directive(), number: '9/UBND-VX' })).status).toBe(403);
    // Naming oneself the monitoring agency gives no right to issue in the province's name.
    for (const agency of ['so-ldtbxh', 'h-muong-lat', 'thanh-tra-tinh']) {
      const forged = await fx
        .monitoring(agency)
        .post('/api/v1/directives', { ...seed4308Directive(), number: '12/UBND-VX', monitoringAgency: agency });
      expect(forged.status).toBe(403);
      expect(forged.body.detail).toContain('ubnd-tinh or vp-ubnd-tinh');
    }
    expect((await fx.monitoring('so-yt').post(`/api/v1/directives/${directiveId}/tasks/3/deadline`, {})).status).toBe(403);
    expect((await fx.inspector().post(`/api/v1/directives/${directiveId}/tasks/3/cancel`, { reason: 'x' })).status).toBe(403);
  });

  it('answers 400 naming the field for malformed bodies and writes nothing', async () => {
    const muongLat = lead('3', 'h-muong-lat');
    const officer = fx.officer('h-muong-lat');
    const cases: Array<[unknown, string]> = [
      [{ reportedOn: '2017-03-01' }, 'summary'],
      [{ reportedOn: '2017-02-30', summary: 'x' }, 'reportedOn'],
      [{ reportedOn: '2017-03-01', summary: 'x', percent: 150 }, 'percent'],
      [{ reportedOn: '2017-03-01', summary: 'x', percent: 'half' }, 'percent'],
      [{ reportedOn: '2017-01-05', summary: 'before the directive was issued' }, 'reportedOn'],
    ];
    for (const [body, field] of cases) {
      const response = await officer.post(`/api/v1/assignments/${muongLat}/progress`, body);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const form = await officer.postRaw(`/api/v1/assignments/${muongLat}/progress`, 'summary=x', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);
    expect(form.headers.get('content-type')).toContain('application/problem+json');
    const malformed = await officer.postRaw(`/api/v1/assignments/${muongLat}/progress`, '{"reportedOn": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors[0].field).toBe('(body)');
    const badDirective = await fx.monitoring('vp-ubnd-tinh').post('/api/v1/directives', {
      ...seed4308Directive(),
      number: '1/UBND-VX',
      tasks: [{ number: '1', text: 't', mode: 'ra-lenh', lead: [], coordinating: [], deadline: null }],
    });
    expect(badDirective.status).toBe(400);
    expect(badDirective.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['tasks[0].mode', 'tasks[0].lead']),
    );
    const unknownAgency = await fx.monitoring('vp-ubnd-tinh').post('/api/v1/directives', {
      ...seed4308Directive(),
      number: '2/UBND-VX',
      tasks: [{ number: '1', text: 't', mode: 'giao', lead: ['so-khong-co'], coordinating: [], deadline: null }],
    });
    expect(unknownAgency.status).toBe(400);
    expect(unknownAgency.body.errors[0].field).toBe('tasks[0].lead[0]');
    expect(await timelineOf(muongLat)).toHaveLength(1);
    expect((await fx.inspector().get('/api/v1/directives')).body.directives).toHaveLength(1);
  });

  it('writes a retried request with the same Idempotency-Key once; another body with that key is 422', async () => {
    const muongLat = lead('3', 'h-muong-lat');
    const officer = fx.officer('h-muong-lat');
    const body = {
      reportedOn: '2017-03-01',
      summary: 'Hỗ trợ 120 hộ nghèo phát triển sản xuất',
      percent: 30,
      difficulties: 'Địa bàn rộng',
    };
    const first = await officer.post(`/api/v1/assignments/${muongLat}/progress`, body, { 'idempotency-key': 'k-1' });
    const retry = await officer.post(`/api/v1/assignments/${muongLat}/progress`, body, { 'idempotency-key': 'k-1' });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body.eventId).toBe(first.body.eventId);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const changed = await officer.post(`/api/v1/assignments/${muongLat}/progress`, { ...body, percent: 35 }, { 'idempotency-key': 'k-1' });
    expect(changed.status).toBe(422);
    const events = await timelineOf(muongLat);
    expect(events.filter((e: { type: string }) => e.type === 'assignment.progress-reported')).toHaveLength(1);
    const keyed = { 'idempotency-key': 'directive-key' };
    const next = (number: string) => ({ ...seed4308Directive(), number, issuedOn: '2018-01-05', tasks: [seed4308Directive().tasks[10]] });
    expect((await fx.monitoring('vp-ubnd-tinh').post('/api/v1/directives', next('10/UBND-VX'), keyed)).status).toBe(201);
    expect((await fx.monitoring('vp-ubnd-tinh').post('/api/v1/directives', next('10/UBND-VX'), keyed)).status).toBe(201);
    const other = await fx.monitoring('vp-ubnd-tinh').post('/api/v1/directives', next('11/UBND-VX'), keyed);
    expect(other.status).toBe(422);
    expect(other.body.errors[0].field).toBe('Idempotency-Key');
    expect((await fx.inspector().get('/api/v1/directives')).body.directives).toHaveLength(2);
  });

  it('derives statuses as of dates before and after the deadline', async () => {
    const muongLat = lead('3', 'h-muong-lat');
    expect((await stateOf(muongLat, '2017-03-14')).status).toBe('inProgressWithinDeadline');
    expect((await stateOf(muongLat, '2017-03-14')).lifecycle).toBe('inProgress');
    expect((await stateOf(muongLat, '2017-02-20')).lifecycle).toBe('notStarted');
    expect((await stateOf(muongLat, '2017-06-30')).status).toBe('inProgressWithinDeadline');
    const after = await stateOf(muongLat, '2017-07-01');
    expect(after.status).toBe('overdue');
    expect(after.statusLabel).toBe('Quá hạn chưa hoàn thành');
  });

  it('counts a completion only once the monitoring office confirms it', async () => {
    const muongLat = lead('3', 'h-muong-lat');
    const reported = await fx.officer('h-muong-lat').post(`/api/v1/assignments/${muongLat}/completion`, {
      completedOn: '2017-05-20',
      summary: 'Hoàn thành',
      evidence: 'Báo cáo số 123/BC-UBND',
    });
    expect(reported.status).toBe(201);
    const awaiting = await stateOf(muongLat, '2017-05-25');
    expect(awaiting.lifecycle).toBe('awaitingConfirmation');
    expect(awaiting.status).toBe('inProgressWithinDeadline');
    expect((await fx.officer('h-muong-lat').post(`/api/v1/assignments/${muongLat}/confirmation`, { accepted: true })).status).toBe(403);
    expect((await fx.monitoring('so-yt').post(`/api/v1/assignments/${muongLat}/confirmation`, { accepted: true })).status).toBe(403);
    const confirmed = await fx
      .monitoring()
      .post(`/api/v1/assignments/${muongLat}/confirmation`, { accepted: true, confirmedOn: '2017-05-25' });
    expect(confirmed.status).toBe(200);
    expect((await stateOf(muongLat, '2017-06-01')).status).toBe('completedOnTime');
    expect((await stateOf(muongLat, '2017-08-01')).status).toBe('completedOnTime');
    expect((await stateOf(muongLat, '2017-05-19')).status).toBe('inProgressWithinDeadline');
    // the issuer's office may record a paper report for the agency, naming it; another department may not
    const vp = await fx
      .monitoring('vp-ubnd-tinh')
      .post(`/api/v1/assignments/${lead('3', 'tx-bim-son')}/progress`, { reportedOn: '2017-03-02', summary: 'x' });
    expect([vp.status, vp.body.errors?.[0]?.field]).toEqual([400, 'incomingDocument']);
    const yt = await fx
      .monitoring('so-yt')
      .post(`/api/v1/assignments/${lead('3', 'tx-bim-son')}/progress`, { reportedOn: '2017-03-02', summary: 'x' });
    expect(yt.status).toBe(403);
  });

  it('marks a completion after the deadline as completed late, and a returned one as not completed', async () => {
    const quanHoa = lead('3', 'h-quan-hoa');
    await fx.officer('h-quan-hoa').post(`/api/v1/assignments/${quanHoa}/completion`, { completedOn: '2017-07-15', summary: 'Hoàn thành' });
    expect(
      (
        await fx
          .monitoring('vp-ubnd-tinh')
          .post(`/api/v1/assignments/${quanHoa}/confirmation`, { accepted: true, confirmedOn: '2017-07-20' })
      ).status,
    ).toBe(200);
    expect((await stateOf(quanHoa, '2017-08-01')).status).toBe('completedLate');

    const langChanh = lead('3', 'h-lang-chanh');
    await fx
      .officer('h-lang-chanh')
      .post(`/api/v1/assignments/${langChanh}/completion`, { completedOn: '2017-06-10', summary: 'Hoàn thành' });
    const returned = await fx.monitoring().post(`/api/v1/assignments/${langChanh}/confirmation`, {
      accepted: false,
      reason: 'Chưa có số liệu kết quả',
      returnedOn: '2017-06-15',
    });
    expect(returned.status).toBe(200);
    const asOf = await stateOf(langChanh, '2017-06-20');
    expect(asOf.lifecycle).toBe('returned');
    expect(asOf.status).toBe('inProgressWithinDeadline');
    expect((await stateOf(langChanh, '2017-07-05')).status).toBe('overdue');
    expect((await fx.monitoring().post(`/api/v1/assignments/${langChanh}/confirmation`, { accepted: true })).status).toBe(409);
  });

  it('judges statuses against the deadline in force from an extension on, and shows the change in the timeline', async () => {
    const missing = await fx.monitoring().post(`/api/v1/directives/${directiveId}/tasks/3/deadline`, { deadline: '2017-07-31' });
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['reason', 'authorizingDocument']));
    const extension = {
      deadline: '2017-07-31',
      reason: 'Thời tiết bất lợi kéo dài',
      authorizingDocument: 'Công văn số 7001/UBND-VX',
    };
    // Quan Hóa's late completion of 15/07 (accepted 20/07) is on record: an extension dated before it would launder it
    const backdated = await fx
      .monitoring()
      .post(`/api/v1/directives/${directiveId}/tasks/3/deadline`, { ...extension, changedOn: '2017-06-25' });
    expect([backdated.status, backdated.body.errors?.[0]?.field]).toEqual([422, 'changedOn']);
    const extended = await fx
      .monitoring()
      .post(`/api/v1/directives/${directiveId}/tasks/3/deadline`, { ...extension, changedOn: '2017-07-21' });
    expect(extended.status).toBe(200);
    expect(extended.body).toMatchObject({ previousDeadline: '2017-06-30', extendedAfterDue: true });
    const quanHoa = lead('3', 'h-quan-hoa');
    expect(await stateOf(quanHoa, '2017-08-01')).toMatchObject({ status: 'completedLate', deadlineAtCompletion: '2017-06-30' });
    expect((await stateOf(lead('3', 'h-lang-chanh'), '2017-07-05')).status).toBe('overdue');
    expect((await stateOf(lead('3', 'h-lang-chanh'), '2017-07-25')).status).toBe('inProgressWithinDeadline');
    expect((await stateOf(lead('3', 'h-lang-chanh'), '2017-08-01')).status).toBe('overdue');
    const events = await timelineOf(quanHoa);
    expect(events.map((e: { type: string }) => e.type)).toEqual([
      'directive.issued',
      'assignment.completion-reported',
      'assignment.completion-confirmed',
      'directive.task-deadline-changed',
    ]);
    const change = events[3];
    expect(change.data).toMatchObject({
      deadline: '2017-07-31',
      previousDeadline: '2017-06-30',
      reason: 'Thời tiết bất lợi kéo dài',
      authorizingDocument: 'Công văn số 7001/UBND-VX',
    });
    expect(change.actor).toEqual({ userId: 'mo-so-ldtbxh', agencyId: 'so-ldtbxh', role: 'monitoring_officer' });
    for (const e of events) {
      expect(e.occurredAt).toMatch(/^\d{4}-\d{2}-\d{2}T.*[+-]\d{2}:\d{2}|Z$/);
      expect(e.recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    }
    const directive = (await fx.inspector().get(`/api/v1/directives/${directiveId}`)).body;
    expect(directive.tasks.find((t: { number: string }) => t.number === '3').deadline).toBe('2017-07-31');
  });

  it('summarises 2017-Q1 on both calendars', async () => {
    const bank = lead('5', 'nhcsxh-tinh');
    await fx
      .officer('nhcsxh-tinh')
      .post(`/api/v1/assignments/${bank}/completion`, { completedOn: '2017-03-20', summary: 'Giải ngân xong' });
    await fx.monitoring().post(`/api/v1/assignments/${bank}/confirmation`, { accepted: true, confirmedOn: '2017-03-28' });
    const requests = assignments.filter(isRequest).length;
    const leads = assignments.filter((a) => a.role === 'lead').length - requests;
    const decree = (await fx.inspector().get('/api/v1/reports/summary?period=2017-Q1&calendar=decree09')).body;
    expect([decree.from, decree.to]).toEqual(['2016-12-15', '2017-03-14']);
    const sum = (c: Record<string, number>) => c.completedOnTime + c.completedLate + c.inProgressWithinDeadline + c.overdue + c.noDeadline;
    expect(sum(decree.counts)).toBe(leads);
    expect(decree.counts).toMatchObject({
      completedOnTime: 0,
      completedLate: 0,
      overdue: 0,
      // with a deadline: task 3's 27 districts, task 5's five banks, task 11
      inProgressWithinDeadline: 33,
      noDeadline: leads - 33,
    });
    expect(decree.coordinating).toMatchObject({ assigned: 4, total: 4 });
    expect(decree.requests.counts.total).toBe(requests);
    const calendar = (await fx.inspector().get('/api/v1/reports/summary?period=2017-Q1&calendar=calendar')).body;
    expect([calendar.from, calendar.to]).toEqual(['2017-01-01', '2017-03-31']);
    expect(calendar.counts).toMatchObject({ completedOnTime: 1, inProgressWithinDeadline: 32, noDeadline: leads - 33 });
    const rate = calendar.rates.find((r: { name: string }) => r.name === 'completed/assigned');
    expect(rate).toMatchObject({ numerator: 1, denominator: leads });
    for (const r of calendar.rates) expect(r.name).toContain('/');
    const bad = await fx.inspector().get('/api/v1/reports/summary?period=2017-Q5');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('period');
  });

  it('takes a cancelled task out of the live count from its cancellation date', async () => {
    const cancel = await fx
      .monitoring()
      .post(`/api/v1/directives/${directiveId}/tasks/9/cancel`, { reason: 'Gộp vào nhiệm vụ 7', cancelledOn: '2017-09-01' });
    expect(cancel.status).toBe(200);
    const future = await fx
      .monitoring()
      .post(`/api/v1/directives/${directiveId}/tasks/9/cancel`, { reason: 'x', cancelledOn: '2999-01-01' });
    expect(future.status).toBe(400);
    expect(future.body.errors[0].field).toBe('cancelledOn');
    const task9 = assignments.filter((a) => a.taskNumber === '9' && a.role === 'lead').length;
    const year = (await fx.inspector().get('/api/v1/reports/summary?period=2017')).body;
    expect(year.lifecycle.cancelled).toBe(task9);
    const requests = assignments.filter(isRequest).length;
    expect(year.counts.total).toBe(assignments.filter((a) => a.role === 'lead').length - requests - task9);
    const h1 = (await fx.inspector().get('/api/v1/reports/summary?period=2017-H1')).body;
    expect(h1.lifecycle.cancelled).toBe(0);
    const nv = await stateOf(lead('9', 'so-nv'), '2017-10-01');
    expect(nv.lifecycle).toBe('cancelled');
    const progressAfter = await fx
      .officer('so-nv')
      .post(`/api/v1/assignments/${lead('9', 'so-nv')}/progress`, { reportedOn: '2017-09-05', summary: 'x' });
    expect(progressAfter.status).toBe(409);
  });

  it('lists assignments by agency and status as of a date, and scorecards by agency', async () => {
    const overdue = (await fx.inspector().get('/api/v1/assignments?status=overdue&asOf=2017-08-15')).body.assignments;
    expect(overdue.length).toBeGreaterThan(20);
    // Task 3's districts, and task 5's commercial banks (Ngân hàng Chính sách xã hội completed it in Q1)
    const late = (a: { taskNumber: string; agencyId: string }) =>
      a.taskNumber === '3' || (a.taskNumber === '5' && a.agencyId !== 'nhcsxh-tinh');
    expect(overdue.every((a: { status: string; taskNumber: string; agencyId: string }) => a.status === 'overdue' && late(a))).toBe(true);
    const mine = (await fx.officer('h-muong-lat').get('/api/v1/assignments?agencyId=h-muong-lat&asOf=2017-08-15')).body.assignments;
    expect(mine.every((a: { agencyId: string }) => a.agencyId === 'h-muong-lat')).toBe(true);
    expect(mine.find((a: { taskNumber: string }) => a.taskNumber === '3').status).toBe('completedOnTime');
    expect((await fx.inspector().get('/api/v1/assignments?asOf=2017-02-09')).body.assignments).toEqual([]);
    const cards = (await fx.inspector().get('/api/v1/reports/agencies?period=2017')).body.agencies;
    expect(cards.find((c: { agencyId: string }) => c.agencyId === 'h-muong-lat').counts.completedOnTime).toBe(1);
  });

  it('serves health, metrics and the OpenAPI document', async () => {
    expect((await fx.anonymous().get('/health')).status).toBe(200);
    const metrics = await fx.anonymous().get('/metrics');
    expect(metrics.body).toContain('http_requests_total');
    expect(metrics.body).toContain('event_store_head_position');
    const doc = await fx.anonymous().get('/docs/openapi.json');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/directives', '/api/v1/reports/summary', '/api/v1/audit/assignments/{id}/timeline']),
    );
    expect((await fx.anonymous().get('/docs')).body).toContain('swagger-ui');
  });
});
