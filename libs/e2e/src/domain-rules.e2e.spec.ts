import { seed4308Directive } from '@dm/testing';
import { EmbeddedFixture } from './fixture';

/**
 * The rules an inspector signs (docs/domain.md), walked through API v1 on the
 * seed letter: task 3 (the 27 districts) due 15/03/2017, task 4 (five
 * departments) and task 10 (requests to the Fatherland Front and the mass
 * organisations) due 30/06/2017.
 */
describe('domain rules over HTTP, on the seed directive (embedded)', () => {
  const fx = new EmbeddedFixture();
  let directiveId: string;
  let assignments: Array<{ id: string; taskNumber: string; agencyId: string; role: string; mode?: string }>;
  const lead = (task: string, agency: string) => {
    const found = assignments.find((a) => a.taskNumber === task && a.agencyId === agency && a.role === 'lead');
    if (!found) throw new Error(`no lead assignment of task ${task} for ${agency}`);
    return found.id;
  };
  const state = (id: string, asOf: string) => fx.inspector().get(`/api/v1/audit/assignments/${id}/state?asOf=${asOf}`);
  const stateOf = async (id: string, asOf: string) => (await state(id, asOf)).body;
  const complete = async (agency: string, id: string, completedOn: string, confirmedOn: string) => {
    expect((await fx.officer(agency).post(`/api/v1/assignments/${id}/completion`, { completedOn, summary: 'Hoàn thành' })).status).toBe(
      201,
    );
    const confirmed = await fx.monitoring().post(`/api/v1/assignments/${id}/confirmation`, { accepted: true, confirmedOn });
    expect(confirmed.status).toBe(200);
  };
  const why = { reason: 'Theo đề nghị của Sở Lao động - Thương binh và Xã hội', authorizingDocument: 'Công văn số 1234/UBND-VX' };

  beforeAll(async () => {
    await fx.start();
    const issued = await fx
      .monitoring('vp-ubnd-tinh')
      .post('/api/v1/directives', seed4308Directive({ '3': '2017-03-15', '4': '2017-06-30', '10': '2017-06-30' }));
    expect(issued.status).toBe(201);
    directiveId = issued.body.id;
    assignments = issued.body.assignments;
  });
  afterAll(() => fx.stop());

  it('has no status before the issue date: 404 problem+json saying so', async () => {
    const before = await state(lead('3', 'h-muong-lat'), '2017-02-09');
    expect(before.status).toBe(404);
    expect(before.headers.get('content-type')).toContain('application/problem+json');
    expect(before.body.detail).toContain('2017-02-10');
    expect((await fx.inspector().get(`/api/v1/directives/${directiveId}?asOf=2017-02-09`)).status).toBe(404);
  });

  it('a one-district extension under task 3 moves that district’s deadline only', async () => {
    const one = await fx.monitoring().post(`/api/v1/directives/${directiveId}/tasks/3/deadline`, {
      ...why,
      agencyId: 'h-quan-hoa',
      deadline: '2017-04-30',
      changedOn: '2017-03-10',
    });
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ agencyId: 'h-quan-hoa', assignmentIds: [lead('3', 'h-quan-hoa')], previousDeadline: '2017-03-15' });
    expect(await stateOf(lead('3', 'h-quan-hoa'), '2017-03-20')).toMatchObject({
      deadline: '2017-04-30',
      status: 'inProgressWithinDeadline',
    });
    expect(await stateOf(lead('3', 'h-lang-chanh'), '2017-03-20')).toMatchObject({ deadline: '2017-03-15', status: 'overdue' });
    const overdue = (await fx.inspector().get(`/api/v1/assignments?directiveId=${directiveId}&status=overdue&asOf=2017-03-20`)).body;
    expect(overdue.assignments).toHaveLength(26);
    const task3 = (await fx.inspector().get(`/api/v1/directives/${directiveId}?asOf=2017-03-20`)).body.tasks.find(
      (t: { number: string }) => t.number === '3',
    );
    expect(task3.deadline).toBe('2017-03-15');
    expect(task3.amendments).toEqual([expect.objectContaining({ type: 'directive.task-deadline-changed', effectiveOn: '2017-03-10' })]);
    const unknown = await fx
      .monitoring()
      .post(`/api/v1/directives/${directiveId}/tasks/3/deadline`, { ...why, agencyId: 'so-yt', deadline: '2017-04-30' });
    expect([unknown.status, unknown.body.errors?.[0]?.field]).toEqual([404, 'agencyId']);
  });

  it('an extension recorded in December leaves a March-late completion late, as of March and as of December', async () => {
    const muongLat = lead('3', 'h-muong-lat');
    await complete('h-muong-lat', muongLat, '2017-03-20', '2017-03-22');
    const q1Before = (await fx.inspector().get(`/api/v1/reports/summary?period=2017-Q1&calendar=calendar&directiveId=${directiveId}`)).body;
    const extended = await fx.monitoring().post(`/api/v1/directives/${directiveId}/tasks/3/deadline`, {
      ...why,
      deadline: '2017-12-31',
      changedOn: '2017-12-01',
    });
    expect(extended.status).toBe(200);
    expect(extended.body).toMatchObject({ previousDeadline: '2017-03-15', extendedAfterDue: true });
    expect(await stateOf(muongLat, '2017-03-31')).toMatchObject({ status: 'completedLate', deadline: '2017-03-15' });
    expect(await stateOf(muongLat, '2017-12-31')).toMatchObject({
      status: 'completedLate',
      completedOn: '2017-03-20',
      deadlineAtCompletion: '2017-03-15',
      deadline: '2017-12-31',
      extendedAfterDue: true,
    });
    // the past quarter keeps its overdue counts
    const q1After = (await fx.inspector().get(`/api/v1/reports/summary?period=2017-Q1&calendar=calendar&directiveId=${directiveId}`)).body;
    expect(q1After.counts).toEqual({ ...q1Before.counts, extendedAfterDue: 0 });
    expect(q1After.counts.overdue).toBeGreaterThanOrEqual(25);
    const year = (await fx.inspector().get(`/api/v1/reports/summary?period=2017&calendar=calendar&directiveId=${directiveId}`)).body;
    expect(year.counts.extendedAfterDue).toBeGreaterThanOrEqual(26);
    // a change dated before the one in force is refused
    const backdated = await fx.monitoring().post(`/api/v1/directives/${directiveId}/tasks/3/deadline`, {
      ...why,
      deadline: '2017-11-30',
      changedOn: '2017-11-01',
    });
    expect([backdated.status, backdated.body.errors?.[0]?.field]).toEqual([422, 'changedOn']);
    // a one-district change decided after the completion leaves it late too
    const laundering = await fx.monitoring().post(`/api/v1/directives/${directiveId}/tasks/3/deadline`, {
      ...why,
      agencyId: 'h-muong-lat',
      deadline: '2018-12-31',
      changedOn: '2017-12-01',
    });
    expect(laundering.status).toBe(200);
    expect(await stateOf(muongLat, '2017-12-31')).toMatchObject({ status: 'completedLate' });
  });

  it('refuses a lead change, revocation or deadline change dated before what was recorded (422)', async () => {
    const other = await fx
      .monitoring('vp-ubnd-tinh')
      .post('/api/v1/directives', { ...seed4308Directive({ '11': '2017-03-01' }), number: '6000/UBND-VX' });
    const id = other.body.assignments.find((a: { taskNumber: string }) => a.taskNumber === '11').id;
    await complete('so-ldtbxh', id, '2017-04-01', '2017-04-05');
    const base = `/api/v1/directives/${other.body.id}`;
    const deadline = await fx.monitoring().post(`${base}/tasks/11/deadline`, { ...why, deadline: '2017-05-01', changedOn: '2017-02-20' });
    expect([deadline.status, deadline.body.errors?.[0]?.field]).toEqual([422, 'changedOn']);
    const lead = await fx.monitoring().post(`${base}/tasks/11/lead`, { ...why, lead: ['so-tc'], effectiveOn: '2017-02-15' });
    expect([lead.status, lead.body.errors?.[0]?.field]).toEqual([422, 'effectiveOn']);
    const revoke = await fx.monitoring().post(`${base}/revoke`, { ...why, effectiveOn: '2017-02-11' });
    expect([revoke.status, revoke.body.errors?.[0]?.field]).toEqual([422, 'effectiveOn']);
    expect(await stateOf(id, '2017-12-31')).toMatchObject({ status: 'completedLate' });
    const later = await fx
      .monitoring('vp-ubnd-tinh')
      .post('/api/v1/directives', { ...seed4308Directive(), number: '6001/UBND-VX', issuedOn: '2017-09-01' });
    const early = await fx.monitoring().post(`${base}/supersede`, { ...why, supersededBy: later.body.id, effectiveOn: '2017-05-01' });
    expect([early.status, early.body.errors?.[0]?.field]).toEqual([422, 'supersededBy']);
    const broken = await fx
      .monitoring()
      .post(`${base}/tasks`, { ...why, number: '\uD800', text: 'x', mode: 'giao', lead: ['so-tc'], deadline: null });
    expect([broken.status, broken.body.errors?.[0]?.field]).toEqual([400, 'number']);
  });

  it('a cancelled completed assignment stays in the 2017-Q1 summary; the cancellation may not predate what was recorded', async () => {
    const yt = lead('4', 'so-yt');
    await complete('so-yt', yt, '2017-03-01', '2017-03-05');
    const early = await fx
      .monitoring()
      .post(`/api/v1/directives/${directiveId}/tasks/4/cancel`, { reason: 'Gộp vào nhiệm vụ 7', cancelledOn: '2017-03-04' });
    expect([early.status, early.body.errors?.[0]?.field]).toEqual([422, 'cancelledOn']);
    const cancelled = await fx
      .monitoring()
      .post(`/api/v1/directives/${directiveId}/tasks/4/cancel`, { reason: 'Gộp vào nhiệm vụ 7', cancelledOn: '2017-05-01' });
    expect(cancelled.status).toBe(200);
    const q1 = (await fx.inspector().get(`/api/v1/reports/summary?period=2017-Q1&agencyId=so-yt&directiveId=${directiveId}`)).body;
    // so-yt also has tasks 1, 2 and 7 (as a department), none completed
    expect(q1.counts).toMatchObject({ completedOnTime: 1, total: 4 });
    expect(q1.lifecycle.cancelled).toBe(0);
    const q3 = (await fx.inspector().get(`/api/v1/reports/summary?period=2017-Q3&agencyId=so-yt&directiveId=${directiveId}`)).body;
    expect(q3.counts).toMatchObject({ completedOnTime: 0, total: 3 });
    expect(q3.lifecycle.cancelled).toBe(1);
    expect(await stateOf(yt, '2017-04-30')).toMatchObject({ status: 'completedOnTime', lifecycle: 'completed' });
    expect(await stateOf(yt, '2017-05-01')).toMatchObject({ status: null, lifecycle: 'cancelled', closedOn: '2017-05-01' });
    // cancelled assignments are never in a status filter, and only listed when asked for
    const overdue = (await fx.inspector().get(`/api/v1/assignments?directiveId=${directiveId}&status=overdue&asOf=2017-08-01`)).body
      .assignments;
    expect(overdue.some((a: { taskNumber: string }) => a.taskNumber === '4')).toBe(false);
    const listed = (await fx.inspector().get(`/api/v1/assignments?directiveId=${directiveId}&asOf=2017-08-01`)).body.assignments;
    expect(listed.some((a: { taskNumber: string }) => a.taskNumber === '4')).toBe(false);
    const asked = (await fx.inspector().get(`/api/v1/assignments?directiveId=${directiveId}&lifecycle=cancelled&asOf=2017-08-01`)).body
      .assignments;
    expect(asked.map((a: { taskNumber: string }) => a.taskNumber)).toEqual(['4', '4', '4', '4', '4']);
  });

  it('a re-dated completion after a return is refused (422 naming completedOn); one dated on or after the return is taken', async () => {
    const baThuoc = lead('3', 'h-ba-thuoc');
    expect(
      (await fx.officer('h-ba-thuoc').post(`/api/v1/assignments/${baThuoc}/completion`, { completedOn: '2017-03-10', summary: 'Xong' }))
        .status,
    ).toBe(201);
    const returned = await fx
      .monitoring()
      .post(`/api/v1/assignments/${baThuoc}/confirmation`, { accepted: false, reason: 'Thiếu số liệu', returnedOn: '2017-03-12' });
    expect(returned.status).toBe(200);
    const again = await fx
      .officer('h-ba-thuoc')
      .post(`/api/v1/assignments/${baThuoc}/completion`, { completedOn: '2017-03-10', summary: 'Xong' });
    expect(again.status).toBe(422);
    expect(again.headers.get('content-type')).toContain('application/problem+json');
    expect(again.body.errors[0].field).toBe('completedOn');
    const later = await fx
      .officer('h-ba-thuoc')
      .post(`/api/v1/assignments/${baThuoc}/completion`, { completedOn: '2017-03-20', summary: 'Xong, có số liệu' });
    expect(later.status).toBe(201);
    const timeline = (await fx.inspector().get(`/api/v1/audit/assignments/${baThuoc}/timeline`)).body.events;
    expect(
      timeline
        .filter((e: { type: string }) => e.type === 'assignment.completion-reported')
        .map((e: { data: { completedOn: string } }) => e.data.completedOn),
    ).toEqual(['2017-03-10', '2017-03-20']);
  });

  it('a reopened completion is not completed from the reopening on', async () => {
    const thachThanh = lead('3', 'h-thach-thanh');
    await complete('h-thach-thanh', thachThanh, '2017-03-01', '2017-03-02');
    expect(
      (await fx.officer('h-thach-thanh').post(`/api/v1/assignments/${thachThanh}/reopen`, { reason: 'x', reopenedOn: '2017-04-01' }))
        .status,
    ).toBe(403);
    const reopened = await fx
      .monitoring()
      .post(`/api/v1/assignments/${thachThanh}/reopen`, { reason: 'Số liệu hộ nghèo chưa khớp', reopenedOn: '2017-04-01' });
    expect(reopened.status).toBe(200);
    expect(reopened.body.type).toBe('assignment.completion-reopened');
    expect(await stateOf(thachThanh, '2017-03-31')).toMatchObject({ status: 'completedOnTime', lifecycle: 'completed' });
    expect(await stateOf(thachThanh, '2017-04-01')).toMatchObject({ status: 'overdue', completedOn: null });
  });

  it('requests (task 10’s, and task 1’s to the Party committees) are in their own block of the 2017 summary; the official total excludes them', async () => {
    const task10 = assignments.filter((a) => a.taskNumber === '10' && a.role === 'lead');
    const party = assignments.filter((a) => a.taskNumber === '1' && a.role === 'lead' && a.mode === 'de-nghi');
    expect(task10.length).toBeGreaterThan(1);
    expect(party.length).toBe(28);
    const year = (await fx.inspector().get(`/api/v1/reports/summary?period=2017&directiveId=${directiveId}`)).body;
    expect(year.requests.counts.total).toBe(task10.length + party.length);
    expect(year.requests.counts.overdue).toBe(task10.length);
    expect(year.requests.counts.noDeadline).toBe(party.length);
    const leads = assignments.filter((a) => a.role === 'lead').length;
    expect(year.assigned + year.requests.assigned).toBe(leads);
    expect(year.rates.find((r: { name: string }) => r.name === 'overdue/assigned').denominator).toBe(year.counts.total);
    const cards = (await fx.inspector().get(`/api/v1/reports/agencies?period=2017&directiveId=${directiveId}`)).body.agencies;
    expect(cards.find((c: { agencyId: string }) => c.agencyId === 'mttq-tinh')).toMatchObject({
      counts: { total: 0 },
      requests: { counts: { total: 1 } },
    });
    expect(await stateOf(task10[0].id, '2017-07-01')).toMatchObject({ mode: 'de-nghi', status: 'overdue' });
    expect(await stateOf(party[0].id, '2017-07-01')).toMatchObject({ mode: 'de-nghi', status: 'noDeadline' });
  });

  it('coordinating assignments carry no official status and are listed only when asked for', async () => {
    const list = (await fx.inspector().get(`/api/v1/assignments?directiveId=${directiveId}&asOf=2017-12-31`)).body.assignments;
    expect(list.every((a: { role: string }) => a.role === 'lead')).toBe(true);
    const coordinating = (await fx.inspector().get(`/api/v1/assignments?directiveId=${directiveId}&role=coordinating&asOf=2017-12-31`)).body
      .assignments;
    expect(coordinating).toHaveLength(4);
    expect(coordinating.every((a: { status: unknown }) => a.status === null)).toBe(true);
    const id = coordinating[0].id;
    const completion = await fx
      .officer(coordinating[0].agencyId)
      .post(`/api/v1/assignments/${id}/completion`, { completedOn: '2017-03-01', summary: 'x' });
    expect(completion.status).toBe(409);
  });

  it('a monitoring officer records an agency’s paper report; the timeline shows both', async () => {
    const ngaSon = lead('3', 'h-nga-son');
    const recorded = await fx.monitoring().post(`/api/v1/assignments/${ngaSon}/progress`, {
      reportedOn: '2017-03-05',
      summary: 'Đã rà soát hộ nghèo',
      percent: 50,
      incomingDocument: { number: '45/BC-UBND', date: '2017-03-06' },
    });
    expect(recorded.status).toBe(201);
    const own = await fx.officer('h-nga-son').post(`/api/v1/assignments/${ngaSon}/progress`, {
      reportedOn: '2017-03-07',
      summary: 'x',
      incomingDocument: { number: '46/BC-UBND', date: '2017-03-07' },
    });
    expect([own.status, own.body.errors?.[0]?.field]).toEqual([400, 'incomingDocument']);
    const entry = (await fx.inspector().get(`/api/v1/audit/assignments/${ngaSon}/timeline`)).body.events.find(
      (e: { type: string }) => e.type === 'assignment.progress-reported',
    );
    expect(entry).toMatchObject({
      type: 'assignment.progress-reported',
      actor: { userId: 'mo-so-ldtbxh', agencyId: 'so-ldtbxh', role: 'monitoring_officer' },
      onBehalfOf: 'h-nga-son',
      data: { agencyId: 'h-nga-son', incomingDocument: { number: '45/BC-UBND', date: '2017-03-06' } },
      // recorded years after its date
      recordedLate: true,
    });
  });

  it('an added task’s assignments appear from its effective date', async () => {
    const added = await fx.monitoring().post(`/api/v1/directives/${directiveId}/tasks`, {
      ...why,
      number: '12',
      text: 'Rà soát, cập nhật cơ sở dữ liệu hộ nghèo trên địa bàn các huyện nghèo',
      mode: 'giao',
      lead: ['huyen-ngheo-30a'],
      deadline: '2017-09-30',
      effectiveOn: '2017-05-02',
    });
    expect(added.status).toBe(201);
    expect(added.body.type).toBe('directive.task-added');
    const ids = (added.body.data.assignments as Array<{ id: string }>).map((a) => a.id);
    expect(ids.length).toBeGreaterThan(0);
    const before = (await fx.inspector().get(`/api/v1/assignments?directiveId=${directiveId}&asOf=2017-05-01`)).body.assignments;
    expect(before.some((a: { taskNumber: string }) => a.taskNumber === '12')).toBe(false);
    const from = (await fx.inspector().get(`/api/v1/assignments?directiveId=${directiveId}&asOf=2017-05-02`)).body.assignments;
    expect(
      from
        .filter((a: { taskNumber: string }) => a.taskNumber === '12')
        .map((a: { id: string }) => a.id)
        .sort(),
    ).toEqual([...ids].sort());
    expect((await state(ids[0], '2017-05-01')).status).toBe(404);
    expect(await stateOf(ids[0], '2017-05-02')).toMatchObject({
      assignedOn: '2017-05-02',
      deadline: '2017-09-30',
      status: 'inProgressWithinDeadline',
    });
    const viewBefore = (await fx.inspector().get(`/api/v1/directives/${directiveId}?asOf=2017-05-01`)).body;
    expect(viewBefore.tasks.map((t: { number: string }) => t.number)).not.toContain('12');
    const viewFrom = (await fx.inspector().get(`/api/v1/directives/${directiveId}?asOf=2017-05-02`)).body;
    expect(viewFrom.tasks.find((t: { number: string }) => t.number === '12')).toMatchObject({ addedOn: '2017-05-02' });
    const q2 = (await fx.inspector().get(`/api/v1/reports/summary?period=2017-Q2&calendar=calendar&directiveId=${directiveId}`)).body;
    expect(q2.assignedInWindow.total).toBe(ids.length);
    expect(q2.carriedOver.total + q2.assignedInWindow.total).toBe(q2.counts.total);
    const repeated = await fx
      .monitoring()
      .post(`/api/v1/directives/${directiveId}/tasks`, { ...why, number: '12', text: 'x', mode: 'giao', lead: ['so-yt'], deadline: null });
    expect(repeated.status).toBe(409);
  });

  it('amends a task after issue: an agency added, the lead changed, the text corrected', async () => {
    const addAgency = await fx.monitoring().post(`/api/v1/directives/${directiveId}/tasks/11/agencies`, {
      ...why,
      agencyId: 'so-tc',
      role: 'coordinating',
      effectiveOn: '2017-06-01',
    });
    expect(addAgency.status).toBe(201);
    const leadChange = await fx
      .monitoring()
      .post(`/api/v1/directives/${directiveId}/tasks/5/lead`, { ...why, lead: ['so-tc'], effectiveOn: '2017-06-01' });
    expect(leadChange.status).toBe(200);
    const banks = ['nhcsxh-tinh', 'agribank-th', 'vietcombank-th', 'vietinbank-th', 'bidv-th'];
    expect(leadChange.body.data).toMatchObject({
      previousLead: banks,
      lead: ['so-tc'],
      endedAssignmentIds: banks.map((bank) => lead('5', bank)),
    });
    expect(await stateOf(lead('5', 'nhcsxh-tinh'), '2017-06-01')).toMatchObject({ lifecycle: 'cancelled', status: null });
    const corrected = await fx
      .monitoring()
      .post(`/api/v1/directives/${directiveId}/tasks/1/text`, { ...why, text: 'Nội dung đã đính chính', effectiveOn: '2017-06-01' });
    expect(corrected.status).toBe(200);
    const view = async (asOf: string) => (await fx.inspector().get(`/api/v1/directives/${directiveId}?asOf=${asOf}`)).body.tasks;
    expect((await view('2017-05-31')).find((t: { number: string }) => t.number === '1').text).not.toBe('Nội dung đã đính chính');
    expect((await view('2017-06-01')).find((t: { number: string }) => t.number === '1').text).toBe('Nội dung đã đính chính');
    expect((await fx.officer('so-yt').post(`/api/v1/directives/${directiveId}/tasks/1/text`, { ...why, text: 'x' })).status).toBe(403);
  });

  it('supersedes and revokes a directive: open assignments close, completed work stays completed', async () => {
    const other = await fx
      .monitoring('vp-ubnd-tinh')
      .post('/api/v1/directives', { ...seed4308Directive({ '11': '2017-12-31' }), number: '5000/UBND-VX' });
    expect(other.status).toBe(201);
    const done = other.body.assignments.find((a: { taskNumber: string }) => a.taskNumber === '11');
    await complete('so-ldtbxh', done.id, '2017-03-01', '2017-03-02');
    const unknown = await fx
      .monitoring()
      .post(`/api/v1/directives/${other.body.id}/supersede`, { ...why, supersededBy: '00000000-0000-4000-8000-000000000000' });
    expect([unknown.status, unknown.body.errors?.[0]?.field]).toEqual([422, 'supersededBy']);
    const superseded = await fx
      .monitoring()
      .post(`/api/v1/directives/${other.body.id}/supersede`, { ...why, supersededBy: directiveId, effectiveOn: '2017-04-01' });
    expect(superseded.status).toBe(200);
    expect(superseded.body.data).toMatchObject({ supersededBy: directiveId, supersededByNumber: '4308/UBND-VX' });
    expect(await stateOf(done.id, '2017-12-31')).toMatchObject({ status: 'completedOnTime', lifecycle: 'completed' });
    const open = other.body.assignments.find((a: { taskNumber: string; role: string }) => a.taskNumber === '3' && a.role === 'lead');
    expect(await stateOf(open.id, '2017-04-01')).toMatchObject({ status: null, lifecycle: 'superseded' });
    expect((await fx.inspector().get(`/api/v1/directives/${other.body.id}?asOf=2017-04-01`)).body.closed).toEqual({
      kind: 'superseded',
      effectiveOn: '2017-04-01',
      supersededBy: directiveId,
    });
    const report = await fx
      .officer(open.agencyId)
      .post(`/api/v1/assignments/${open.id}/progress`, { reportedOn: '2017-04-02', summary: 'x' });
    expect(report.status).toBe(409);
    expect((await fx.monitoring().post(`/api/v1/directives/${other.body.id}/revoke`, why)).status).toBe(409);

    const third = await fx.monitoring('vp-ubnd-tinh').post('/api/v1/directives', { ...seed4308Directive(), number: '5001/UBND-VX' });
    const revoked = await fx.monitoring().post(`/api/v1/directives/${third.body.id}/revoke`, { ...why, effectiveOn: '2017-03-01' });
    expect(revoked.status).toBe(200);
    const closed = (await fx.inspector().get(`/api/v1/assignments?directiveId=${third.body.id}&lifecycle=revoked&asOf=2017-03-01`)).body
      .assignments;
    expect(closed.length).toBe(third.body.assignments.filter((a: { role: string }) => a.role === 'lead').length);
  });

  it('a recurring task gives one obligation per period, each with its own status; summaries count those due in their window', async () => {
    const base = seed4308Directive();
    const quarterly = {
      ...base,
      number: '7000/UBND-VX',
      tasks: [
        {
          ...base.tasks[10],
          deadline: null,
          recurrence: { every: 'quarter', day: 20, phrase: 'Định kỳ hằng quý, trước ngày 20 tháng cuối quý, báo cáo UBND tỉnh' },
        },
      ],
    };
    const wrong = await fx
      .monitoring('vp-ubnd-tinh')
      .post('/api/v1/directives', { ...quarterly, number: '7001/UBND-VX', tasks: [{ ...quarterly.tasks[0], deadline: '2017-12-31' }] });
    expect([wrong.status, wrong.body.errors?.[0]?.field]).toEqual([400, 'tasks[0].deadline']);
    const issued = await fx.monitoring('vp-ubnd-tinh').post('/api/v1/directives', quarterly);
    expect(issued.status).toBe(201);
    const id = issued.body.assignments[0].id;
    const officer = fx.officer('so-ldtbxh');
    const noPeriod = await officer.post(`/api/v1/assignments/${id}/completion`, { completedOn: '2017-03-18', summary: 'Báo cáo quý I' });
    expect([noPeriod.status, noPeriod.body.errors?.[0]?.field]).toEqual([400, 'period']);
    expect(
      (
        await officer.post(`/api/v1/assignments/${id}/completion`, {
          period: '2017-Q1',
          completedOn: '2017-03-18',
          summary: 'Báo cáo quý I',
        })
      ).status,
    ).toBe(201);
    expect(
      (await fx.monitoring().post(`/api/v1/assignments/${id}/confirmation`, { accepted: true, confirmedOn: '2017-03-19' })).status,
    ).toBe(200);
    const state = await stateOf(id, '2017-10-01');
    expect(state.obligations.map((o: { period: string; status: string }) => [o.period, o.status])).toEqual([
      ['2017-Q1', 'completedOnTime'],
      ['2017-Q2', 'overdue'],
      ['2017-Q3', 'overdue'],
      ['2017-Q4', 'inProgressWithinDeadline'],
    ]);
    expect(state).toMatchObject({ status: 'overdue', deadline: '2017-06-20' });
    const q3 = (await fx.inspector().get(`/api/v1/reports/summary?period=2017-Q3&calendar=calendar&directiveId=${issued.body.id}`)).body;
    expect(q3.counts).toMatchObject({ total: 1, overdue: 1 });
    const year = (await fx.inspector().get(`/api/v1/reports/summary?period=2017&calendar=calendar&directiveId=${issued.body.id}`)).body;
    expect(year.counts).toMatchObject({ total: 4, completedOnTime: 1, overdue: 3 });
  });
});
