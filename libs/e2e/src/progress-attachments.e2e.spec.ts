import { createHash } from 'node:crypto';
import { EVENT_TYPES, MAX_ATTACHMENT_BYTES } from '@dm/contracts';
import { seed4308Directive, type ApiResponse } from '@dm/testing';
import { EmbeddedFixture } from './fixture';
import { checkAnswer } from './response-schemas';

type Body = Record<string, any>;

/** The collection of the progress view store that keeps the reports' files (PROGRESS_ATTACHMENTS of progress-events). */
const FILES = 'progress-attachments';

/**
 * docs/domain.md, "An assignment's life" (Attached files): a report on an assignment may
 * carry a file; its event records the file's name, media type, size and
 * SHA-256, progress-events keeps the bytes by that hash before it appends the
 * event, and serves them again, checked against it, to whoever reads the
 * assignment's timeline, only through an assignment whose events name it.
 */
describe('files of progress and completion reports (embedded)', () => {
  const fx = new EmbeddedFixture();
  let assignments: Array<{ id: string; taskNumber: string; agencyId: string; role: string }>;
  const lead = (task: string, agency: string) =>
    assignments.find((a) => a.taskNumber === task && a.agencyId === agency && a.role === 'lead')!.id;
  const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
  /** Bytes that are not UTF-8 text, so a download that decoded them would not give them back. */
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from([0x00, 0xff, 0xfe, 0x80, 0x0a]), Buffer.from('Báo cáo tiến độ')]);
  const file = (bytes: Buffer, fileName = 'Báo cáo (quý I).pdf') => ({
    fileName,
    mediaType: 'application/pdf',
    contentBase64: bytes.toString('base64'),
  });
  const problem = (answer: ApiResponse, status: number, field?: string) => {
    expect([answer.status, answer.headers.get('content-type')]).toEqual([status, expect.stringContaining('application/problem+json')]);
    if (field) expect(answer.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  };
  const download = (path: string, agencyId: string, role: 'agency_officer' | 'monitoring_officer' | 'inspector' = 'agency_officer') =>
    fetch(`${fx.server.url}${path}`, {
      headers: { authorization: `Bearer ${fx.server.runtime.tokens.sign({ sub: `${role}-${agencyId}`, agencyId, roles: [role] })}` },
    });
  const kept = (hash: string) => fx.server.runtime.progressViewStore.get(FILES, hash);
  const timeline = async (id: string) => (await fx.inspector().get(`/api/v1/audit/assignments/${id}/timeline`)).body.events as Body[];

  beforeAll(async () => {
    await fx.start();
    const issued = await fx.monitoring('vp-ubnd-tinh').post('/api/v1/directives', seed4308Directive({ '3': '2017-06-30' }));
    expect(issued.status).toBe(201);
    assignments = issued.body.assignments;
  });
  afterAll(() => fx.stop());

  it('records the file of a progress report in its event, and serves the same bytes back to who reads the assignment', async () => {
    const muongLat = lead('3', 'h-muong-lat');
    const path = `/api/v1/assignments/${muongLat}/progress`;
    const body = { reportedOn: '2017-03-01', summary: 'Đã triển khai 5 mô hình', percent: 40, attachment: file(pdf) };
    const reported = await fx.officer('h-muong-lat').post(path, body, { 'idempotency-key': 'progress-with-file' });
    expect(reported.status).toBe(201);
    expect(checkAnswer('POST', path, reported.body)).toEqual([]);
    const meta = { fileName: 'Báo cáo (quý I).pdf', mediaType: 'application/pdf', size: pdf.length, sha256: sha(pdf) };
    expect(reported.body.data.attachment).toEqual(meta);

    // A retry with the same key answers the first event; the file is kept once, the event written once.
    const retried = await fx.officer('h-muong-lat').post(path, body, { 'idempotency-key': 'progress-with-file' });
    expect([retried.status, retried.headers.get('idempotent-replayed'), retried.body.eventId]).toEqual([
      201,
      'true',
      reported.body.eventId,
    ]);
    const reports = (await timeline(muongLat)).filter((e) => e.type === EVENT_TYPES.progressReported);
    expect(reports.map((e) => e.data.attachment)).toEqual([meta]);
    expect(await fx.server.runtime.progressViewStore.find(FILES)).toHaveLength(1);

    const url = `/api/v1/assignments/${muongLat}/attachments/${sha(pdf)}`;
    for (const [agency, role] of [
      ['h-muong-lat', 'agency_officer'],
      ['so-ldtbxh', 'monitoring_officer'],
      ['thanh-tra-tinh', 'inspector'],
    ] as const) {
      const answer = await download(url, agency, role);
      expect([agency, answer.status]).toEqual([agency, 200]);
      expect(Buffer.from(await answer.arrayBuffer()).equals(pdf)).toBe(true);
      expect(answer.headers.get('content-type')).toBe('application/pdf');
      expect(answer.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20%28qu%C3%BD%20I%29.pdf");
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('x-content-sha256')).toBe(sha(pdf));
    }
  });

  it('refuses the file to another agency, and serves no file through an assignment whose events do not name it', async () => {
    const muongLat = lead('3', 'h-muong-lat');
    const baThuoc = lead('3', 'h-ba-thuoc');
    const url = `/api/v1/assignments/${muongLat}/attachments/${sha(pdf)}`;
    problem(await fx.officer('h-ba-thuoc').get(url), 403);
    problem(await fx.monitoring('so-yt').get(url), 403);
    problem(await fx.officer('h-muong-lat').get(`/api/v1/assignments/unknown/attachments/${sha(pdf)}`), 404);

    // Bá Thước's own file, through its own assignment; neither file through the other's.
    const own = Buffer.from('Báo cáo của huyện Bá Thước');
    const reported = await fx
      .officer('h-ba-thuoc')
      .post(`/api/v1/assignments/${baThuoc}/progress`, { reportedOn: '2017-03-02', summary: 'Tiến độ', attachment: file(own, 'bt.txt') });
    expect(reported.status).toBe(201);
    expect((await fx.officer('h-ba-thuoc').get(`/api/v1/assignments/${baThuoc}/attachments/${sha(own)}`)).status).toBe(200);
    problem(await fx.officer('h-ba-thuoc').get(`/api/v1/assignments/${baThuoc}/attachments/${sha(pdf)}`), 404);
    problem(await fx.inspector().get(`/api/v1/assignments/${muongLat}/attachments/${sha(own)}`), 404);
    problem(await fx.inspector().get(`/api/v1/assignments/${muongLat}/attachments/${sha(Buffer.from('never sent'))}`), 404);
    for (const hash of [sha(pdf).toUpperCase(), sha(pdf).slice(1), '..%2F..%2Fetc%2Fpasswd'])
      problem(await fx.inspector().get(`/api/v1/assignments/${muongLat}/attachments/${hash}`), 400, 'hash');
  });

  it('refuses a file that is not base64 or is too large, naming attachment.contentBase64, and keeps nothing of a refused report', async () => {
    const muongLat = lead('3', 'h-muong-lat');
    const path = `/api/v1/assignments/${muongLat}/progress`;
    const before = await fx.server.runtime.stores.progressEvents.headPosition();
    const report = (attachment: object) =>
      fx.officer('h-muong-lat').post(path, { reportedOn: '2017-03-03', summary: 'Tiến độ', attachment });
    for (const contentBase64 of ['không phải base64', 'QR==', 'QQ== ', '==', 'A'.repeat(Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4 + 4)])
      problem(await report({ ...file(pdf), contentBase64 }), 400, 'attachment.contentBase64');
    problem(await report({ ...file(pdf), fileName: '../../etc/passwd' }), 400, 'attachment.fileName');
    problem(await report({ ...file(pdf), extra: true }), 400);

    // A report the decider refuses (dated after today) keeps no file.
    const refusedBytes = Buffer.from('Báo cáo đề ngày mai');
    problem(
      await fx.officer('h-muong-lat').post(path, { reportedOn: '2999-01-01', summary: 'Tiến độ', attachment: file(refusedBytes) }),
      400,
      'reportedOn',
    );
    expect(await kept(sha(refusedBytes))).toBeNull();
    expect(await fx.server.runtime.stores.progressEvents.headPosition()).toBe(before);
  });

  it('records the file of a completion report; the same bytes again are kept once', async () => {
    const muongLat = lead('3', 'h-muong-lat');
    const completed = await fx.officer('h-muong-lat').post(`/api/v1/assignments/${muongLat}/completion`, {
      completedOn: '2017-05-20',
      summary: 'Hoàn thành',
      evidence: '123/BC-UBND',
      attachment: file(pdf, 'Biên bản nghiệm thu.pdf'),
    });
    expect(completed.status).toBe(201);
    expect(completed.body.data.attachment).toEqual({
      fileName: 'Biên bản nghiệm thu.pdf',
      mediaType: 'application/pdf',
      size: pdf.length,
      sha256: sha(pdf),
    });
    const completions = (await timeline(muongLat)).filter((e) => e.type === EVENT_TYPES.completionReported);
    expect(completions.map((e) => e.data.attachment.sha256)).toEqual([sha(pdf)]);
    // The same bytes under two names: kept once, each served under the name the assignment's last event gives it.
    expect((await fx.server.runtime.progressViewStore.find(FILES)).filter((d) => d._id === sha(pdf))).toHaveLength(1);
    const answer = await download(`/api/v1/assignments/${muongLat}/attachments/${sha(pdf)}`, 'so-ldtbxh', 'monitoring_officer');
    expect(answer.status).toBe(200);
    expect(Buffer.from(await answer.arrayBuffer()).equals(pdf)).toBe(true);
    expect(answer.headers.get('content-disposition')).toContain(encodeURIComponent('Biên bản nghiệm thu.pdf'));
  });
});
