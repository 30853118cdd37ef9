import { parse } from 'csv-parse/sync';
import { annualReviewLineSchema, EVENT_TYPES, type UserRole } from '@dm/contracts';
import { delay, seed4308Directive } from '@dm/testing';
import { EmbeddedFixture } from './fixture';
import { checkAnswer } from './response-schemas';

type Body = Record<string, any>;

/**
 * docs/domain.md, "The annual review": Bá Thước's review of 2017 on letter
 * 4308/UBND-VX, with one assignment of each story: task 2 completed late,
 * task 3 overdue, task 6 extended after its deadline had passed, task 7
 * returned once, task 9 a paper report recorded by Sở LĐ-TB&XH. The server
 * records with its clock, so every report dated in 2017 is recorded now,
 * years after its date: each one is recorded late.
 */
describe('the annual review (embedded)', () => {
  const fx = new EmbeddedFixture();
  const district = 'h-ba-thuoc';
  const path = (query: string) => `/api/v1/reports/annual-review?${query}`;
  let directiveId: string;
  let assignments: Array<{ id: string; taskNumber: string; agencyId: string; role: string }>;
  let started: number;
  let T: string;
  let atT: Body;

  const lead = (task: string, agency = district) =>
    assignments.find((a) => a.taskNumber === task && a.agencyId === agency && a.role === 'lead')!.id;
  const ok = async (answer: Promise<{ status: number; body: any }>, status: number) => {
    const a = await answer;
    expect([a.status, a.body]).toEqual([status, expect.anything()]);
    return a.body;
  };
  const complete = (task: string, completedOn: string) =>
    ok(
      fx.officer(district).post(`/api/v1/assignments/${lead(task)}/completion`, { completedOn, summary: `Hoàn thành nhiệm vụ ${task}` }),
      201,
    );
  const decide = (task: string, decision: Body) =>
    ok(fx.monitoring().post(`/api/v1/assignments/${lead(task)}/confirmation`, decision), 200);
  const review = async (query: string, as = fx.inspector()) => {
    const answer = await as.get(path(query));
    expect([query, answer.status]).toEqual([query, 200]);
    expect(checkAnswer('GET', path(query), answer.body)).toEqual([]);
    return answer.body as Body;
  };
  const token = (role: UserRole, agencyId: string) =>
    fx.server.runtime.tokens.sign({ sub: `${role}-${agencyId}`, agencyId, roles: [role] });
  const download = (query: string, role: UserRole = 'inspector', agencyId = 'thanh-tra-tinh') =>
    fetch(`${fx.server.url}/api/v1/reports/annual-review/export?${query}`, {
      headers: { authorization: `Bearer ${token(role, agencyId)}` },
    });

  beforeAll(async () => {
    await fx.start();
    started = Date.now();
    const deadlines = { '2': '2017-03-31', '3': '2017-06-30', '6': '2017-04-30', '7': '2017-09-30', '9': '2017-12-31' };
    const issued = await ok(fx.monitoring('vp-ubnd-tinh').post('/api/v1/directives', seed4308Directive(deadlines)), 201);
    directiveId = issued.id;
    assignments = issued.assignments;

    // Task 2: completed on 10/04, ten days after its deadline; accepted on 12/04.
    await complete('2', '2017-04-10');
    await decide('2', { accepted: true, confirmedOn: '2017-04-12' });
    // Task 3: in progress on 01/05; never completed: overdue from 01/07.
    await ok(
      fx
        .officer(district)
        .post(`/api/v1/assignments/${lead('3')}/progress`, { reportedOn: '2017-05-01', summary: 'Đang triển khai', percent: 40 }),
      201,
    );
    atT = await review(`year=2017&agencyId=${district}`);
    T = new Date().toISOString();
    await delay(20);

    // Task 6: due 30/04, extended for Bá Thước on 15/05 (after it had passed) to 31/08; completed within it.
    await ok(
      fx.monitoring().post(`/api/v1/directives/${directiveId}/tasks/6/deadline`, {
        agencyId: district,
        deadline: '2017-08-31',
        changedOn: '2017-05-15',
        reason: 'Theo đề nghị của UBND huyện Bá Thước',
        authorizingDocument: 'Công văn số 1234/UBND-VX',
      }),
      200,
    );
    await complete('6', '2017-08-20');
    await decide('6', { accepted: true, confirmedOn: '2017-08-25' });
    // Task 7: a completion returned on 22/09, reported again on 28/09 and accepted.
    await complete('7', '2017-09-20');
    await decide('7', { accepted: false, reason: 'Thiếu số liệu minh chứng', returnedOn: '2017-09-22' });
    await complete('7', '2017-09-28');
    await decide('7', { accepted: true, confirmedOn: '2017-09-29' });
    // Task 9: Bá Thước's paper report 45/BC-UBND about 01/06, recorded by Sở LĐ-TB&XH.
    await ok(
      fx.monitoring().post(`/api/v1/assignments/${lead('9')}/progress`, {
        reportedOn: '2017-06-01',
        summary: 'Đã tổ chức 3 lớp tập huấn',
        percent: 20,
        incomingDocument: { number: '45/BC-UBND', date: '2017-06-05' },
      }),
      201,
    );
  });
  afterAll(() => fx.stop());

  it("lists every assignment of the district's year with its status as of 31/12 and its flags", async () => {
    const body = await review(`year=2017&agencyId=${district}`);
    expect(body).toMatchObject({ year: 2017, from: '2017-01-01', to: '2017-12-31', asOf: '2017-12-31', knownAt: null });
    expect(body.checkpoints.map((c: { store: string }) => c.store).sort()).toEqual([
      'audit',
      'identity',
      'progress-events',
      'reporting',
      'task-assignment',
    ]);
    expect(body.monitoredBy).toBeNull();
    expect(body.reviews).toHaveLength(1);
    const [r] = body.reviews;
    expect(r.agencyId).toBe(district);
    const rows = Object.fromEntries(r.assignments.map((a: Body) => [a.taskNumber, a]));
    expect(Object.keys(rows)).toEqual(['1', '2', '3', '6', '7', '8', '9']);
    expect(r.assignments.every((a: Body) => a.role === 'lead' && a.directiveNumber === '4308/UBND-VX')).toBe(true);
    const flagsOf = (task: string) =>
      Object.entries(rows[task].flags as Record<string, boolean>)
        .filter(([, on]) => on)
        .map(([f]) => f);
    expect(Object.fromEntries(Object.keys(rows).map((t) => [t, flagsOf(t)]))).toEqual({
      '1': [],
      '2': ['late', 'recordedLate'],
      '3': ['overdue', 'recordedLate'],
      '6': ['extendedAfterDue', 'recordedLate'],
      '7': ['returned', 'recordedLate'],
      '8': [],
      '9': ['recordedLate'],
    });
    expect(rows['2']).toMatchObject({ status: 'completedLate', deadline: '2017-03-31', completedOn: '2017-04-10', daysLate: 10 });
    expect(rows['3']).toMatchObject({ status: 'overdue', lifecycle: 'inProgress', deadline: '2017-06-30', daysOverdue: 184 });
    expect(rows['6']).toMatchObject({ status: 'completedOnTime', deadline: '2017-08-31', deadlineAtCompletion: '2017-08-31' });
    expect(rows['7']).toMatchObject({ status: 'completedOnTime', returns: 1, completedOn: '2017-09-28' });
    expect(rows['9']).toMatchObject({ status: 'inProgressWithinDeadline', recordedLateReports: 1 });
    expect(rows['1']).toMatchObject({ status: 'noDeadline', lifecycle: 'notStarted', statusLabel: 'Không có thời hạn' });
    expect(rows['2'].taskText).toContain('Tập trung lãnh đạo');
    expect(r.counts).toEqual({
      assignments: 7,
      lead: 7,
      coordinating: 0,
      late: 1,
      overdue: 1,
      extendedAfterDue: 1,
      returned: 1,
      recordedLate: 5,
    });
  });

  it('gives the rates with their numerators and denominators by name', async () => {
    const [r] = (await review(`year=2017&agencyId=${district}`)).reviews;
    expect(r.rates.map((x: Body) => [x.name, x.numerator, x.denominator, x.value])).toEqual([
      ['completed/assigned', 3, 7, 0.4286],
      ['completedOnTime/completed', 2, 3, 0.6667],
      ['completed/(completed+overdue)', 3, 4, 0.75],
      ['overdue/assigned', 1, 7, 0.1429],
      ['completed/due', 3, 5, 0.6],
      ['extendedAfterDue/assigned', 1, 7, 0.1429],
      ['returned/completionsReported', 1, 4, 0.25],
      ['recordedLate/reports', 6, 6, 1],
    ]);
    const summary = await fx.inspector().get(`/api/v1/reports/summary?period=2017&calendar=calendar&agencyId=${district}`);
    expect(r.rates.slice(0, 5)).toEqual(summary.body.rates);
  });

  it('lists each flagged assignment with its timeline: who reported what, on which date, recorded when; changes and decisions with their reasons', async () => {
    const [r] = (await review(`year=2017&agencyId=${district}`)).reviews;
    const flagged = Object.fromEntries(r.flagged.map((f: Body) => [f.taskNumber, f]));
    expect(Object.keys(flagged)).toEqual(['2', '3', '6', '7', '9']);
    expect(flagged['2'].flags).toEqual(['late', 'recordedLate']);
    const recordedNow = (e: Body) => Date.parse(e.recordedAt) >= started && Date.parse(e.recordedAt) <= Date.now();

    const late = flagged['2'].timeline;
    expect(late.map((e: Body) => [e.type, e.on, e.actor.agencyId, e.actor.role])).toEqual([
      [EVENT_TYPES.directiveIssued, '2017-02-10', 'vp-ubnd-tinh', 'monitoring_officer'],
      [EVENT_TYPES.completionReported, '2017-04-10', district, 'agency_officer'],
      [EVENT_TYPES.completionConfirmed, '2017-04-12', 'so-ldtbxh', 'monitoring_officer'],
    ]);
    expect(late.every(recordedNow)).toBe(true);
    expect(late[0]).toMatchObject({ deadline: '2017-03-31', recordedLate: null });
    expect(late[1]).toMatchObject({ summary: 'Hoàn thành nhiệm vụ 2', completedOn: '2017-04-10', recordedLate: true, onBehalfOf: null });

    const change = flagged['6'].timeline.find((e: Body) => e.type === EVENT_TYPES.taskDeadlineChanged);
    expect(change).toMatchObject({
      on: '2017-05-15',
      previousDeadline: '2017-04-30',
      deadline: '2017-08-31',
      extendedAfterDue: true,
      reason: 'Theo đề nghị của UBND huyện Bá Thước',
      authorizingDocument: 'Công văn số 1234/UBND-VX',
      actor: { userId: 'mo-so-ldtbxh', agencyId: 'so-ldtbxh', role: 'monitoring_officer' },
    });

    expect(flagged['7'].timeline.map((e: Body) => [e.type, e.on, e.completedOn, e.reason])).toEqual([
      [EVENT_TYPES.directiveIssued, '2017-02-10', null, null],
      [EVENT_TYPES.completionReported, '2017-09-20', '2017-09-20', null],
      [EVENT_TYPES.completionReturned, '2017-09-22', '2017-09-20', 'Thiếu số liệu minh chứng'],
      [EVENT_TYPES.completionReported, '2017-09-28', '2017-09-28', null],
      [EVENT_TYPES.completionConfirmed, '2017-09-29', '2017-09-28', null],
    ]);

    expect(flagged['9'].timeline[1]).toMatchObject({
      type: EVENT_TYPES.progressReported,
      on: '2017-06-01',
      actor: { agencyId: 'so-ldtbxh', role: 'monitoring_officer' },
      onBehalfOf: district,
      incomingDocument: { number: '45/BC-UBND', date: '2017-06-05' },
      summary: 'Đã tổ chức 3 lớp tập huấn',
      percent: 20,
      recordedLate: true,
    });
    expect(recordedNow(flagged['9'].timeline[1])).toBe(true);
  });

  it('reproduces the review as known at a record time (knownAt), and echoes it', async () => {
    const then = await review(`year=2017&agencyId=${district}&knownAt=${encodeURIComponent(T)}`);
    expect(then.knownAt).toBe(T);
    expect(then.reviews).toEqual(atT.reviews);
    expect(then.reviews[0].counts).toMatchObject({ late: 1, overdue: 3, extendedAfterDue: 0, returned: 0, recordedLate: 2 });
    const before = await review('year=2017&knownAt=2017-04-05');
    expect(before.reviews).toEqual([]);
  });

  it('without agencyId: one review per agency with an assignment that year, sorted by id; a monitoring officer sees the directives its agency monitors', async () => {
    const all = await review('year=2017');
    const ids = all.reviews.map((r: Body) => r.agencyId);
    expect(ids).toEqual([...ids].sort());
    expect(ids).toContain(district);
    expect(ids).toContain('mttq-tinh');
    expect(ids.length).toBeGreaterThan(40);
    expect(all.reviews.find((r: Body) => r.agencyId === district)).toEqual((await review(`year=2017&agencyId=${district}`)).reviews[0]);

    const monitor = await review('year=2017', fx.monitoring());
    expect(monitor.monitoredBy).toBe('so-ldtbxh');
    expect(monitor.reviews.map((r: Body) => r.agencyId)).toEqual(ids);
    const outsider = await review('year=2017', fx.monitoring('so-yt'));
    expect(outsider).toMatchObject({ monitoredBy: 'so-yt' });
    expect(outsider.reviews.map((r: Body) => [r.agencyId, r.assignments.map((a: Body) => a.taskNumber)])).toEqual([
      ['so-yt', ['1', '2', '4', '7']], // its own only: a department of so-ban-nganh (1, 2, 7), and task 4
    ]);

    const own = await review('year=2017', fx.officer(district));
    expect(own.reviews.map((r: Body) => r.agencyId)).toEqual([district]);
    expect(await review('year=2016')).toMatchObject({ reviews: [] });
  });

  it('exports CSV for Excel: BOM, a Vietnamese header, one row per assignment, dates dd/mm/yyyy; as an attachment', async () => {
    const response = await download(`year=2017&agencyId=${district}&format=csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="kiem-diem-2017-h-ba-thuoc.csv"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text).toContain('\r\n');
    const [header, ...rows] = parse(text.slice(1), { relax_column_count: false }) as string[][];
    expect(header.slice(0, 4)).toEqual(['Cơ quan', 'Văn bản', 'Ngày ban hành', 'Nhiệm vụ']);
    for (const column of ['Vai trò', 'Hạn', 'Trạng thái', 'Trễ hạn', 'Quá hạn', 'Gia hạn sau hạn', 'Bị trả lại', 'Báo cáo muộn'])
      expect(header).toContain(column);
    expect(rows).toHaveLength(7);
    const cell = (task: string, column: string) => rows.find((r) => r[3] === task)![header.indexOf(column)];
    expect(
      ['Cơ quan', 'Văn bản', 'Ngày ban hành', 'Vai trò', 'Hạn', 'Ngày hoàn thành', 'Trạng thái', 'Số ngày trễ hạn'].map((c) =>
        cell('2', c),
      ),
    ).toEqual([district, '4308/UBND-VX', '10/02/2017', 'Chủ trì', '31/03/2017', '10/04/2017', 'Hoàn thành quá hạn', '10']);
    expect(
      ['Trễ hạn', 'Quá hạn', 'Gia hạn sau hạn', 'Bị trả lại', 'Báo cáo muộn'].map((c) => [cell('2', c), cell('6', c), cell('1', c)]),
    ).toEqual([
      ['Có', 'Không', 'Không'],
      ['Không', 'Không', 'Không'],
      ['Không', 'Có', 'Không'],
      ['Không', 'Không', 'Không'],
      ['Có', 'Có', 'Không'],
    ]);
    expect(cell('3', 'Số ngày quá hạn')).toBe('184');
    expect(cell('2', 'Nội dung nhiệm vụ')).toContain('Tập trung lãnh đạo, chỉ đạo');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('exports JSON lines: one line per agency review, the header on each', async () => {
    const response = await download('year=2017&format=jsonl');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="kiem-diem-2017.jsonl"');
    const lines = (await response.text())
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    const all = await review('year=2017');
    expect(lines.map((l) => l.agencyId)).toEqual(all.reviews.map((r: Body) => r.agencyId));
    for (const line of lines) expect(annualReviewLineSchema.strict().safeParse(line).success).toBe(true);
    const mine = lines.find((l) => l.agencyId === district);
    expect(mine).toMatchObject({ year: 2017, asOf: '2017-12-31', knownAt: null, counts: { late: 1 } });
    expect(mine.assignments.find((a: Body) => a.taskNumber === '2').completedOn).toBe('2017-04-10');

    const own = await download('year=2017&format=jsonl', 'agency_officer', district);
    expect(own.headers.get('content-disposition')).toBe(`attachment; filename="kiem-diem-2017-${district}.jsonl"`);
    expect((await own.text()).trimEnd().split('\n')).toHaveLength(1);
  });

  it('answers 400 problem+json naming year for a bad year, on both routes', async () => {
    for (const year of ['abc', '17', '1899', '2101', '20170', '']) {
      for (const route of [path(`year=${year}`), `/api/v1/reports/annual-review/export?year=${year}`]) {
        const answer = await fx.inspector().get(route);
        expect([route, answer.status, answer.body.errors?.map((e: Body) => e.field)]).toEqual([route, 400, ['year']]);
        expect(answer.headers.get('content-type')).toContain('application/problem+json');
      }
    }
    expect((await fx.inspector().get('/api/v1/reports/annual-review')).body.errors.map((e: Body) => e.field)).toEqual(['year']);
    const format = await fx.inspector().get('/api/v1/reports/annual-review/export?year=2017&format=xlsx');
    expect([format.status, format.body.errors.map((e: Body) => e.field)]).toEqual([400, ['format']]);
    const agency = await fx.inspector().get(path('year=2017&agencyId=Bad Agency'));
    expect([agency.status, agency.body.errors.map((e: Body) => e.field)]).toEqual([400, ['agencyId']]);
  });

  it("answers 403 to an agency officer asking for another agency's review, on both routes, whatever the year", async () => {
    for (const route of [path('year=2017&agencyId=h-muong-lat'), '/api/v1/reports/annual-review/export?year=abc&agencyId=h-muong-lat']) {
      const answer = await fx.officer(district).get(route);
      expect([route, answer.status]).toEqual([route, 403]);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
    }
    expect((await fx.officer('h-muong-lat').get(path('year=2017&agencyId=h-muong-lat'))).status).toBe(200);
    expect((await fx.anonymous().get(path('year=2017'))).status).toBe(401);
  });
});
