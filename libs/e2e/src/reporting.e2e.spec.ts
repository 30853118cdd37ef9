import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { startEmbedded, verifyWebhookSignature } from '@dm/composition';
import { seed4308Directive } from '@dm/testing';
import { EmbeddedFixture } from './fixture';
import { checkAnswer } from './response-schemas';

type Body = Record<string, any>;

/**
 * docs/reporting.md: letter 4308/UBND-VX with task 2 due 01/03/2017. Sở
 * LĐ-TB&XH issues its 2017-Q1 report; Mường Lát's completion of task 2
 * (dated 10/03/2017) is recorded after it. The issued revision never moves;
 * a re-issue with its reason is revision 2, and the diff names what changed.
 * The files are read back; the reminders are issued once per condition,
 * across a restart, and reach a webhook on loopback, signed.
 */
describe('issued reports, exports and reminders (embedded)', () => {
  const fx = new EmbeddedFixture();
  const hooks: Array<{ headers: Record<string, string | string[] | undefined>; body: string }> = [];
  let hookServer: Server;
  let directiveId: string;
  let assignments: Array<{ id: string; taskNumber: string; agencyId: string; role: string }>;
  let reportId: string;
  let revision1: Body;

  const ok = async (answer: Promise<{ status: number; body: any }>, status: number) => {
    const a = await answer;
    expect([a.status, a.body]).toEqual([status, expect.anything()]);
    return a.body;
  };
  const read = async (path: string, as = fx.monitoring()) => {
    const answer = await as.get(path);
    expect([path, answer.status]).toEqual([path, 200]);
    expect(checkAnswer('GET', path, answer.body)).toEqual([]);
    return answer.body as Body;
  };
  const lead = (task: string, agency: string) =>
    assignments.find((a) => a.taskNumber === task && a.agencyId === agency && a.role === 'lead')!.id;
  const download = async (path: string) => {
    const token = fx.server.runtime.tokens.sign({ sub: 'mo', agencyId: 'so-ldtbxh', roles: ['monitoring_officer'] });
    const answer = await fetch(`${fx.server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    expect([path, answer.status]).toEqual([path, 200]);
    return Buffer.from(await answer.arrayBuffer());
  };
  const issueRequest = { period: '2017-Q1', number: '12/BC-SLĐTBXH', place: 'Thanh Hóa', date: '2017-03-16', recipients: ['UBND tỉnh'] };

  beforeAll(async () => {
    hookServer = createServer((req, res) => {
      let body = '';
      req
        .on('data', (c) => (body += c))
        .on('end', () => {
          hooks.push({ headers: req.headers, body });
          res.writeHead(hooks.length === 1 ? 503 : 200).end();
        });
    });
    await new Promise<void>((resolve) => hookServer.listen(0, '127.0.0.1', resolve));
    const port = (hookServer.address() as { port: number }).port;
    Object.assign(process.env, {
      NOTIFY_WEBHOOK_URL: `http://127.0.0.1:${port}/hooks/don-doc`,
      NOTIFY_WEBHOOK_SECRET: 'bí-mật-của-sở-ldtbxh-2017',
      NOTIFY_INTERVAL_SECONDS: '1',
      URGING: 'off',
    });
    await fx.start();
    const issued = await ok(fx.monitoring('vp-ubnd-tinh').post('/api/v1/directives', seed4308Directive({ '2': '2017-03-01' })), 201);
    directiveId = issued.id;
    assignments = issued.assignments;
    await ok(
      fx
        .officer('h-ba-thuoc')
        .post(`/api/v1/assignments/${lead('2', 'h-ba-thuoc')}/completion`, { completedOn: '2017-02-20', summary: 'Đã rà soát xong' }),
      201,
    );
    await ok(
      fx.monitoring().post(`/api/v1/assignments/${lead('2', 'h-ba-thuoc')}/confirmation`, { accepted: true, confirmedOn: '2017-02-22' }),
      200,
    );
  });

  afterAll(async () => {
    for (const key of ['NOTIFY_WEBHOOK_URL', 'NOTIFY_WEBHOOK_SECRET', 'NOTIFY_INTERVAL_SECONDS', 'URGING']) delete process.env[key];
    await fx.stop();
    await new Promise((resolve) => hookServer.close(resolve));
  });

  it('issues 2017-Q1 frozen at a checkpoint taken for it, as an event of the audited reporting store', async () => {
    const answer = await fx.monitoring().post('/api/v1/reports/issued', { ...issueRequest, directiveId });
    expect(answer.status).toBe(201);
    expect(checkAnswer('POST', '/api/v1/reports/issued', answer.body)).toEqual([]);
    expect(answer.body).toMatchObject({ revision: 1, reason: null });
    expect(answer.body.checkpoints.map((c: Body) => c.store)).toEqual(expect.arrayContaining(['task-assignment', 'reporting']));
    reportId = answer.body.reportId;
    revision1 = await read(`/api/v1/reports/issued/${encodeURIComponent(reportId)}/revisions/1`);
    expect(revision1.content.knownAt).toBe(answer.body.knownAt);
    expect(revision1.content.period).toEqual({
      period: '2017-Q1',
      kind: 'quarter',
      calendar: 'decree09',
      from: '2016-12-15',
      to: '2017-03-14',
    });
    expect(revision1.content.heading).toMatchObject({ number: '12/BC-SLĐTBXH', place: 'Thanh Hóa', date: '2017-03-16' });
    expect(revision1.content.heading.issuingBody).toBe('SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI');

    // The same figures the summary answers as known at the report's record time.
    const summary = await read(`/api/v1/reports/summary?period=2017-Q1&directiveId=${directiveId}&knownAt=${answer.body.knownAt}`);
    expect(revision1.content.summary.counts).toEqual(summary.counts);
    expect(revision1.content.province.counts).toEqual(summary.counts);
    expect(revision1.content.summary.counts.completedOnTime).toBe(1);

    const verified = (await fx.inspector().get('/api/v1/audit/verify')).body;
    expect(verified.stores.find((s: Body) => s.store === 'reporting')).toMatchObject({ ok: true });
    // An inspector finds the issue among the directive's events: who issued what, when.
    const events = (await fx.inspector().get(`/api/v1/audit/events?directiveId=${directiveId}&type=reporting.`)).body.events;
    expect(events).toEqual([
      expect.objectContaining({
        store: 'reporting',
        type: 'reporting.report-issued',
        actor: expect.objectContaining({ agencyId: 'so-ldtbxh', role: 'monitoring_officer' }),
        data: expect.objectContaining({ reportId, revision: 1 }),
      }),
    ]);
  });

  it('keeps the issued revision as it was after later events; a re-issue needs its reason and is revision 2; the diff names the change', async () => {
    await ok(
      fx
        .officer('h-muong-lat')
        .post(`/api/v1/assignments/${lead('2', 'h-muong-lat')}/completion`, { completedOn: '2017-03-10', summary: 'Hoàn thành muộn' }),
      201,
    );
    await ok(
      fx.monitoring().post(`/api/v1/assignments/${lead('2', 'h-muong-lat')}/confirmation`, { accepted: true, confirmedOn: '2017-03-13' }),
      200,
    );
    const again = await read(`/api/v1/reports/issued/${encodeURIComponent(reportId)}/revisions/1`);
    expect(again).toEqual(revision1);

    const refused = await fx.monitoring().post('/api/v1/reports/issued', { ...issueRequest, directiveId });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'reason' })]);

    const reason = 'Bổ sung báo cáo hoàn thành của UBND huyện Mường Lát nhận sau ngày ban hành';
    const reissued = await ok(fx.monitoring().post('/api/v1/reports/issued', { ...issueRequest, directiveId, reason }), 201);
    expect(reissued).toMatchObject({ reportId, revision: 2, reason });
    const latest = await read(`/api/v1/reports/issued/${encodeURIComponent(reportId)}`);
    expect(latest.revision).toBe(2);
    expect(latest.revisions.map((r: Body) => [r.revision, r.reason])).toEqual([
      [1, null],
      [2, reason],
    ]);
    expect(latest.content.summary.counts.completedLate).toBe(revision1.content.summary.counts.completedLate + 1);
    expect(latest.content.summary.counts.overdue).toBe(revision1.content.summary.counts.overdue - 1);

    const diff = await read(`/api/v1/reports/issued/${encodeURIComponent(reportId)}/diff?from=1&to=2`);
    expect(diff.changes).toEqual(
      expect.arrayContaining([
        {
          path: 'summary.counts.completedLate',
          from: revision1.content.summary.counts.completedLate,
          to: latest.content.summary.counts.completedLate,
        },
      ]),
    );
    const muongLat = lead('2', 'h-muong-lat');
    expect(diff.changes.filter((c: Body) => c.path === `lateAndOverdue[${muongLat}].status`)).toEqual([
      { path: `lateAndOverdue[${muongLat}].status`, from: 'overdue', to: 'completedLate' },
    ]);
  });

  it('rolls up by agency name, registry group and province; rates name numerator and denominator', async () => {
    const rollup = await read(`/api/v1/reports/rollup?period=2017-Q1&directiveId=${directiveId}`);
    expect(rollup.agencies.find((a: Body) => a.id === 'h-muong-lat').name).toBe('UBND huyện Mường Lát');
    const districts = rollup.groups.find((g: Body) => g.id === 'ubnd-huyen');
    expect(districts.agencies).toBeGreaterThan(20);
    const memberRows = rollup.agencies.filter((a: Body) => a.id.startsWith('h-') || a.id.startsWith('tx-') || a.id.startsWith('tp-'));
    expect(districts.counts.total).toBe(memberRows.reduce((n: number, a: Body) => n + a.counts.total, 0));
    const rate = (row: Body, name: string) => row.rates.find((r: Body) => r.name === name);
    expect(rate(rollup.province, 'completed/due')).toMatchObject({ numerator: 2, denominator: expect.any(Number) });
    expect(rate(rollup.province, 'completed/assigned')).toMatchObject({ numerator: 2, denominator: rollup.province.counts.total });
  });

  it('exports the issued revision as xlsx, csv and pdf whose totals are the API counts, in Vietnamese, dates dd/mm/yyyy', async () => {
    const revision = await read(`/api/v1/reports/issued/${encodeURIComponent(reportId)}/revisions/2`);
    const { counts } = revision.content.summary;
    const base = `/api/v1/reports/issued/${encodeURIComponent(reportId)}/revisions/2/export`;

    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await download(`${base}?format=xlsx`)) as never);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'Tổng hợp',
      'Theo cơ quan',
      'Theo nhóm',
      'Chậm, quá hạn',
      'Đề nghị',
      'Báo cáo định kỳ',
    ]);
    const texts = (sheet: ExcelJS.Worksheet) => {
      const lines: string[] = [];
      sheet.eachRow((row) => {
        const cells: string[] = [];
        row.eachCell({ includeEmpty: true }, (cell) => {
          // exceljs makes its Date in another realm than jest's.
          if (Object.prototype.toString.call(cell.value) === '[object Date]') {
            expect(cell.numFmt).toBe('dd/mm/yyyy');
            cells.push((cell.value as Date).toISOString().slice(0, 10).split('-').reverse().join('/'));
          } else cells.push(cell.value === null || cell.value === undefined ? '' : String(cell.value));
        });
        lines.push(cells.join('|'));
      });
      return lines;
    };
    const summarySheet = texts(book.getWorksheet('Tổng hợp')!).join('\n');
    for (const words of [
      'SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI',
      'Số: 12/BC-SLĐTBXH',
      'Thanh Hóa, ngày 16 tháng 3 năm 2017',
      '4308/UBND-VX',
      '15/12/2016',
      '14/03/2017',
    ])
      expect(summarySheet).toContain(words);
    const scorecards = texts(book.getWorksheet('Theo cơ quan')!);
    const totals = scorecards.find((line) => line.includes('Tổng cộng'))!.split('|');
    expect(totals).toEqual(expect.arrayContaining([String(counts.total), String(counts.overdue), String(counts.completedLate)]));
    expect(scorecards.join('\n')).toContain('UBND huyện Mường Lát');
    const late = texts(book.getWorksheet('Chậm, quá hạn')!);
    expect(late.find((line) => line.includes('UBND huyện Mường Lát'))).toMatch(/\|Hoàn thành quá hạn\|01\/03\/2017\|10\/03\/2017\|9(\||$)/);

    const csv = await download(`${base}?format=csv&view=scorecards`);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(csv, { bom: true, relax_column_count: true }) as string[][];
    const header = rows.find((r) => r[0] === 'STT')!;
    expect(header.length).toBeGreaterThan(5);
    expect(header.join('|')).toMatch(/Hoàn thành đúng hạn/);
    const csvTotals = rows.find((r) => r.includes('Tổng cộng'))!;
    expect(csvTotals).toEqual(expect.arrayContaining([String(counts.total), String(counts.overdue)]));
    expect(rows.some((r) => r.includes('UBND huyện Mường Lát'))).toBe(true);

    const dir = mkdtempSync(join(tmpdir(), 'dm-pdf-'));
    writeFileSync(join(dir, 'r.pdf'), await download(`${base}?format=pdf`));
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
    for (const words of ['BÁO CÁO', 'Quý I năm 2017', '15/12/2016', '14/03/2017', 'Hoàn thành quá hạn', 'Mường Lát'])
      expect(text).toContain(words);
    expect(text).toMatch(new RegExp(`Tổng cộng[^\\n]*\\b${counts.total}\\b`));
    expect(execFileSync('pdffonts', [join(dir, 'r.pdf')], { encoding: 'utf8' })).toMatch(/Tinos-Regular +CID TrueType +Identity-H +yes/);
  });

  it('urges once per condition, across a restart; an agency reads its own reminders; the office sends its own; a webhook gets them signed', async () => {
    const admin = fx.client('admin-1', 'admin', null);
    const first = await ok(admin.post('/api/v1/admin/urging/run', {}), 200);
    expect(first.issued).toBeGreaterThan(100);
    expect((await ok(admin.post('/api/v1/admin/urging/run', {}), 200)).issued).toBe(0);

    await fx.server.close();
    fx.server = await startEmbedded({ dataDir: fx.dataDir, logger: false });
    const afterRestart = await ok(fx.client('admin-1', 'admin', null).post('/api/v1/admin/urging/run', {}), 200);
    expect(afterRestart).toMatchObject({ found: first.found, issued: 0 });

    const mine = await read('/api/v1/reminders?limit=1000', fx.officer('h-quan-hoa'));
    expect(mine.reminders.length).toBeGreaterThan(0);
    expect(new Set(mine.reminders.map((r: Body) => r.agencyId))).toEqual(new Set(['h-quan-hoa']));
    // Task 2 is overdue since 01/03/2017; the deadline-less tasks have had no report for more than 90 days.
    expect(new Set(mine.reminders.map((r: Body) => r.kind))).toEqual(new Set(['overdue', 'stale']));
    expect((await fx.officer('h-quan-hoa').get('/api/v1/reminders?agencyId=h-muong-lat')).status).toBe(403);

    const sent = await fx.monitoring().post('/api/v1/reminders', {
      agencyId: 'h-quan-hoa',
      directiveId,
      text: 'Đề nghị UBND huyện Quan Hóa báo cáo ngay kết quả rà soát hộ nghèo.',
    });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ kind: 'manual', agencyId: 'h-quan-hoa', directiveNumber: '4308/UBND-VX' });
    expect(checkAnswer('POST', '/api/v1/reminders', sent.body)).toEqual([]);

    const quanHoa = lead('2', 'h-quan-hoa');
    const timeline = await read(`/api/v1/audit/assignments/${quanHoa}/timeline`, fx.officer('h-quan-hoa'));
    const urged = timeline.events.filter((e: Body) => e.source === 'r');
    expect(urged).toEqual([
      expect.objectContaining({ type: 'reporting.reminder-issued', actor: expect.objectContaining({ role: 'system' }) }),
    ]);
    expect(urged[0].data.text).toContain('01/03/2017');

    // Deliveries: the first POST gets 503, then each digest arrives signed; every outcome is recorded.
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && !hooks.some((h) => h.body.includes('Quan Hóa báo cáo ngay')))
      await new Promise((r) => setTimeout(r, 200));
    const manual = hooks.find((h) => h.body.includes('Quan Hóa báo cáo ngay'))!;
    expect(manual).toBeDefined();
    const check = (secret: string) =>
      verifyWebhookSignature({
        secret,
        timestamp: String(manual.headers['x-dm-timestamp']),
        body: manual.body,
        signature: String(manual.headers['x-dm-signature']),
      });
    expect(check('bí-mật-của-sở-ldtbxh-2017')).toBe(true);
    expect(check('another secret')).toBe(false);
    const reminderId = sent.body.reminderId;
    let detail: Body = {};
    for (let i = 0; i < 50 && !detail.deliveries?.some((d: Body) => d.ok); i++) {
      detail = await read(`/api/v1/reminders/${reminderId}`, fx.officer('h-quan-hoa'));
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(detail.deliveries).toEqual(expect.arrayContaining([expect.objectContaining({ channel: 'webhook', ok: true })]));
  });
});
