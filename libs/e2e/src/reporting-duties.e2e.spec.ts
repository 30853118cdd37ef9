import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { seed4308Directive } from '@dm/testing';
import { EmbeddedFixture } from './fixture';
import { buildOnce, runCli } from './process-harness';
import { checkAnswer } from './response-schemas';

type Body = Record<string, any>;

/**
 * docs/reporting.md, "Working days" and "Periodic reports": Vietnam's 2017
 * holidays, a make-up day an admin records, a quarterly duty of the
 * districts on letter 4308/UBND-VX due 3 working days after each cut-off,
 * and its reports on time, late and missing.
 */
describe('the working calendar, reporting regimes and periodic reports (embedded)', () => {
  const fx = new EmbeddedFixture();
  let directiveId: string;
  const regime = {
    duties: [
      {
        id: 'bao-cao-quy',
        title: 'Báo cáo kết quả thực hiện hằng quý',
        reporters: ['ubnd-huyen'],
        recipient: 'so-ldtbxh',
        frequency: 'quarter',
        deadline: { kind: 'workingDaysAfterCutOff', days: 3 },
        from: '2017-02-10',
        to: '2017-12-31',
      },
      // A body the letter assigns nothing reports all the same: it reads its own duty.
      {
        id: 'bao-cao-nam',
        reporters: ['hdnd-tinh'],
        recipient: 'so-ldtbxh',
        frequency: 'year',
        deadline: { kind: 'dayOfMonth', day: 20 },
        from: '2017-02-10',
      },
    ],
  };
  const file = (text: string) => ({
    fileName: 'Báo cáo quý.pdf',
    mediaType: 'application/pdf',
    contentBase64: Buffer.from(text).toString('base64'),
  });

  beforeAll(async () => {
    await fx.start();
    directiveId = (await fx.monitoring('vp-ubnd-tinh').post('/api/v1/directives', seed4308Directive())).body.id;
  });
  afterAll(() => fx.stop());

  it('knows Tết 2017, 30/4 and 1/5 with their day off in lieu, 2/9 with its day off in lieu, and the Hùng Kings’ day', async () => {
    const answer = await fx.officer('h-muong-lat').get('/api/v1/calendar?year=2017');
    expect(answer.status).toBe(200);
    expect(checkAnswer('GET', '/api/v1/calendar', answer.body)).toEqual([]);
    const off = new Set(answer.body.daysOff.map((d: Body) => d.date));
    for (const date of ['2017-01-27', '2017-01-28', '2017-01-29', '2017-01-30', '2017-01-31', '2017-02-01'])
      expect([date, off.has(date)]).toEqual([date, true]);
    for (const date of ['2017-04-06', '2017-04-30', '2017-05-01', '2017-05-02', '2017-09-02', '2017-09-04'])
      expect([date, off.has(date)]).toEqual([date, true]);
    for (const date of ['2017-02-02', '2017-05-03', '2017-09-05']) expect([date, off.has(date)]).toEqual([date, false]);
    const day = (date: string) => fx.officer('h-muong-lat').get(`/api/v1/calendar/day?date=${date}`);
    expect((await day('2017-05-02')).body).toMatchObject({ working: false, reason: 'compensatory', nextWorkingDay: '2017-05-03' });
    expect((await day('2017-01-31')).body).toMatchObject({ working: false, nextWorkingDay: '2017-02-02' });
  });

  it('lets an admin record a make-up day and an extra day off, and no one else', async () => {
    const makeUp = {
      date: '2017-12-23',
      kind: 'workingDay',
      name: 'Làm bù cho ngày 02/01/2018',
      authorizingDocument: 'Thông báo 5427/TB-LĐTBXH',
    };
    expect((await fx.monitoring().post('/api/v1/calendar/adjustments', makeUp)).status).toBe(403);
    const bad = await fx.client('admin-1', 'admin', null).post('/api/v1/calendar/adjustments', { ...makeUp, date: '2017-02-30' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'date' })]);
    const written = await fx.client('admin-1', 'admin', null).post('/api/v1/calendar/adjustments', makeUp);
    expect(written.status).toBe(201);
    expect(checkAnswer('POST', '/api/v1/calendar/adjustments', written.body)).toEqual([]);
    expect((await fx.officer('h-muong-lat').get('/api/v1/calendar/day?date=2017-12-23')).body).toMatchObject({
      working: true,
      reason: 'makeUpDay',
    });
    const year = await fx.officer('h-muong-lat').get('/api/v1/calendar?year=2017');
    expect(year.body.makeUpDays.map((d: Body) => d.date)).toContain('2017-12-23');
    const extra = { date: '2017-12-22', kind: 'dayOff', name: 'Nghỉ theo quyết định của tỉnh' };
    expect((await fx.client('admin-1', 'admin', null).post('/api/v1/calendar/adjustments', extra)).status).toBe(201);
    expect((await fx.officer('h-muong-lat').get('/api/v1/calendar/day?date=2017-12-22')).body).toMatchObject({
      working: false,
      reason: 'extraDayOff',
    });
  });

  it('sets a regime with its due dates counted in working days; only the monitoring office may', async () => {
    expect((await fx.monitoring('so-tai-chinh').put(`/api/v1/reporting/regimes/${directiveId}`, regime)).status).toBe(403);
    const unknown = await fx.monitoring().put(`/api/v1/reporting/regimes/${directiveId}`, {
      duties: [{ ...regime.duties[0], reporters: ['khong-co'] }],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].field).toBe('duties');
    const set = await fx.monitoring().put(`/api/v1/reporting/regimes/${directiveId}`, regime);
    expect(set.status).toBe(200);
    expect(checkAnswer('PUT', `/api/v1/reporting/regimes/${directiveId}`, set.body)).toEqual([]);
    expect((await fx.officer('hdnd-tinh').get(`/api/v1/reporting/regimes/${directiveId}`)).status).toBe(200);
    expect((await fx.officer('so-yt').get(`/api/v1/reporting/regimes/${directiveId}`)).status).toBe(200);
    expect((await fx.officer('ubnd-tinh-son-la').get(`/api/v1/reporting/regimes/${directiveId}`)).status).not.toBe(200);
    const read = await fx.officer('h-muong-lat').get(`/api/v1/reporting/regimes/${directiveId}?until=2017-12-31`);
    expect(checkAnswer('GET', `/api/v1/reporting/regimes/${directiveId}`, read.body)).toEqual([]);
    // Q1's cut-off 14/03/2017 (Tue) + 3 working days = 17/03; Q2's 14/06 (Wed) = 19/06; Q3's 14/09 (Thu) = 19/09; Q4's 14/12 (Thu) = 19/12.
    expect(read.body.schedule[0].periods.map((p: Body) => [p.period, p.cutOff, p.dueOn])).toEqual([
      ['2017-Q1', '2017-03-14', '2017-03-17'],
      ['2017-Q2', '2017-06-14', '2017-06-19'],
      ['2017-Q3', '2017-09-14', '2017-09-19'],
      ['2017-Q4', '2017-12-14', '2017-12-19'],
    ]);
  });

  it('records periodic reports with their file’s SHA-256, on time, late or missing, with completeness and timeliness per agency', async () => {
    const path = `/api/v1/reporting/regimes/${directiveId}/submissions`;
    const text = 'Báo cáo quý I/2017 của UBND huyện Mường Lát';
    const own = await fx.officer('h-muong-lat').post(path, { dutyId: 'bao-cao-quy', period: '2017-Q1', attachment: file(text) });
    expect(own.status).toBe(201);
    expect(checkAnswer('POST', path, own.body)).toEqual([]);
    const sha256 = createHash('sha256').update(text).digest('hex');
    // Its consistency token is one a read accepts at once (the ledger catches up on every read).
    const withToken = await fx.officer('h-muong-lat').get('/api/v1/reports/summary?period=2017-Q1', {
      'x-consistency-token': own.headers.get('x-consistency-token') as string,
    });
    expect(withToken.status).toBe(200);
    expect(own.body.data.attachment).toEqual({
      fileName: 'Báo cáo quý.pdf',
      mediaType: 'application/pdf',
      size: Buffer.byteLength(text),
      sha256,
    });

    const download = await fetch(`${fx.server.url}/api/v1/reporting/attachments/${sha256}`, {
      headers: {
        authorization: `Bearer ${fx.server.runtime.tokens.sign({ sub: 'mo', agencyId: 'so-ldtbxh', roles: ['monitoring_officer'] })}`,
      },
    });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).toString()).toBe(text);
    expect((await fx.officer('h-quan-hoa').get(`/api/v1/reporting/attachments/${sha256}`)).status).toBe(403);

    expect(
      (
        await fx
          .officer('h-quan-hoa')
          .post(path, { dutyId: 'bao-cao-quy', period: '2017-Q1', agencyId: 'h-muong-lat', attachment: file('x') })
      ).status,
    ).toBe(403);
    const noPaper = await fx
      .monitoring()
      .post(path, { dutyId: 'bao-cao-quy', period: '2017-Q1', agencyId: 'h-ba-thuoc', attachment: file('x') });
    expect([noPaper.status, noPaper.body.errors?.[0]?.field]).toEqual([400, 'incomingDocument']);
    const wrongPeriod = await fx.officer('h-ba-thuoc').post(path, { dutyId: 'bao-cao-quy', period: '2017-03', attachment: file('x') });
    expect([wrongPeriod.status, wrongPeriod.body.errors?.[0]?.field]).toEqual([400, 'period']);
    const notBase64 = await fx
      .officer('h-ba-thuoc')
      .post(path, { dutyId: 'bao-cao-quy', period: '2017-Q1', attachment: { ...file('x'), contentBase64: 'not base64!' } });
    expect([notBase64.status, notBase64.body.errors?.[0]?.field]).toEqual([400, 'attachment.contentBase64']);

    // Paper reports the office records: Bá Thước's dated on its due day, Cẩm Thủy's the day after.
    const paper = (agencyId: string, date: string) =>
      fx.monitoring().post(path, {
        dutyId: 'bao-cao-quy',
        period: '2017-Q1',
        agencyId,
        incomingDocument: { number: `05/BC-${agencyId}`, date },
        attachment: file(`Báo cáo quý I/2017 của ${agencyId}`),
      });
    expect((await paper('h-ba-thuoc', '2017-03-17')).status).toBe(201);
    expect((await paper('h-cam-thuy', '2017-03-20')).status).toBe(201);

    const compliance = await fx
      .monitoring()
      .get(`/api/v1/reporting/compliance?directiveId=${directiveId}&from=2017-03-01&to=2017-03-31&asOf=2017-03-31`);
    expect(compliance.status).toBe(200);
    expect(checkAnswer('GET', '/api/v1/reporting/compliance', compliance.body)).toEqual([]);
    const row = (agencyId: string) => compliance.body.agencies.find((a: Body) => a.agencyId === agencyId);
    expect(row('h-ba-thuoc')).toMatchObject({ agencyName: 'UBND huyện Bá Thước', due: 1, onTime: 1, late: 0, missing: 0 });
    expect(row('h-cam-thuy')).toMatchObject({ due: 1, onTime: 0, late: 1, missing: 0 });
    expect(row('h-quan-hoa')).toMatchObject({ due: 1, onTime: 0, late: 0, missing: 1 });
    // Mường Lát reported for itself today, years after 17/03/2017: late.
    expect(row('h-muong-lat')).toMatchObject({ due: 1, onTime: 0, late: 0, missing: 1 });
    expect(row('h-cam-thuy').completeness).toEqual({
      name: 'submitted/due',
      label: expect.any(String),
      numerator: 1,
      denominator: 1,
      value: 1,
    });
    expect(row('h-cam-thuy').timeliness).toEqual({ name: 'onTime/due', label: expect.any(String), numerator: 0, denominator: 1, value: 0 });
    const now = await fx.monitoring().get(`/api/v1/reporting/compliance?directiveId=${directiveId}&from=2017-03-01&to=2017-03-31`);
    expect(now.body.agencies.find((a: Body) => a.agencyId === 'h-muong-lat')).toMatchObject({ late: 1, missing: 0 });

    const mine = await fx
      .officer('h-quan-hoa')
      .get(`/api/v1/reporting/compliance?directiveId=${directiveId}&from=2017-03-01&to=2017-03-31`);
    expect(mine.body.agencies.map((a: Body) => a.agencyId)).toEqual(['h-quan-hoa']);
    expect((await fx.officer('h-quan-hoa').get('/api/v1/reporting/compliance?agencyId=h-ba-thuoc')).status).toBe(403);
  });

  it('writes the period’s report with `npm run cli -- report`, printing the file’s path', async () => {
    await fx.server.close();
    buildOnce();
    const out = join(fx.dataDir, 'bao-cao-2017-Q1.xlsx');
    const printed = runCli(['report', '--period', '2017-Q1', '--format', 'xlsx', '--out', out], fx.dataDir).trim();
    expect(printed).toBe(out);
    expect(existsSync(out)).toBe(true);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(out) as never);
    expect(book.worksheets.map((s) => s.name)).toContain('Báo cáo định kỳ');
    // The quarter's reports fall due after its cut-off: the year's report counts Q1's (due 17/03/2017).
    const csv = runCli(['report', '--period', '2017', '--format', 'csv', '--view', 'submissions'], fx.dataDir).trim();
    expect(csv).toMatch(/report-2017-du-thao-submissions\.csv$/);
    expect(readFileSync(csv, 'utf8')).toContain('UBND huyện Bá Thước');
    rmSync(csv);
  });
});
