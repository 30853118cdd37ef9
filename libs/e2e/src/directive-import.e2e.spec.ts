import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { directiveIdFor, issueRequestOf } from '@dm/directives-domain';
import type { ApiClient } from '@dm/testing';
import { EmbeddedFixture } from './fixture';

const SEED = readFileSync(join(__dirname, '../../directive-import/fixtures/4308-UBND-VX-2017.txt'), 'utf8');
const TEXT = { 'content-type': 'text/plain; charset=utf-8' };
const UNKNOWN = '0190a000-0000-7000-8000-00000000abcd';

/** What a problem names, field by field. */
const fields = (body: { errors?: Array<{ field: string }> }) => (body.errors ?? []).map((e) => e.field);

/**
 * Issue 15, the review flow (docs/import.md): the seed letter's text imported
 * over HTTP, corrected, issued through the directive command; the draft's and
 * the directive's history show the import, the correction and who issued.
 */
describe('directive import: draft, correct, issue (embedded)', () => {
  const fx = new EmbeddedFixture();
  let vp: ApiClient;
  let draftId: string;

  /** Places every agency the reader could not (the seed's banks, if any) with a plausible id, as a reviewer would. */
  const placeAll = (draft: any) => {
    for (const task of draft.tasks)
      for (const role of ['lead', 'coordinating']) for (const a of task[role]) a.agencyId ??= role === 'lead' ? 'ubnd-huyen' : 'so-tc';
    for (const task of draft.tasks)
      if (!task.lead.length) task.lead.push({ text: 'UBND các huyện', agencyId: 'ubnd-huyen', confidence: 1 });
    draft.monitoringAgency ??= 'so-ldtbxh';
    return draft;
  };

  beforeAll(async () => {
    await fx.start();
    vp = fx.monitoring('vp-ubnd-tinh');
  });
  afterAll(() => fx.stop());

  it('imports the seed text (text/plain) to a draft of 11 tasks, with its id, status and revision; Location names it', async () => {
    const response = await vp.postRaw('/api/v1/directives/import', SEED, TEXT);
    expect(response.status).toBe(201);
    const draft = response.body;
    draftId = draft.draftId;
    expect(response.headers.get('location')).toBe(`/api/v1/directives/imports/${draftId}`);
    expect(draft).toMatchObject({ status: 'draft', revision: 0, number: '4308/UBND-VX', issuedOn: '2017-02-10' });
    expect(draft.tasks.map((t: { number: string }) => t.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11']);
    expect(draft.tasks[2].lead.map((a: { agencyId: string }) => a.agencyId)).toContain('ubnd-huyen');
    expect(Array.isArray(draft.warnings)).toBe(true);

    const read = await vp.get(`/api/v1/directives/imports/${draftId}`);
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"0"');
    expect(read.body).toMatchObject({ draftId, status: 'draft', revision: 0, directiveId: null, source: SEED.normalize('NFC') });
    // Read back from the stored event: each warning keeps the code and parameters the web app translates it by.
    expect(read.body.warnings.length).toBeGreaterThan(0);
    expect(read.body.warnings).toEqual(draft.warnings);
    for (const warning of read.body.warnings) expect(warning.code).toEqual(expect.any(String));
    expect(read.body.history).toEqual([
      expect.objectContaining({
        type: 'directive-import.drafted',
        revision: 0,
        by: expect.objectContaining({ userId: 'mo-vp-ubnd-tinh' }),
      }),
    ]);
  });

  it('takes the text as JSON { text } too; an empty text still gives a draft, with warnings', async () => {
    const json = await vp.post('/api/v1/directives/import', { text: SEED });
    expect(json.status).toBe(201);
    expect(json.body.tasks).toHaveLength(11);
    const empty = await vp.postRaw('/api/v1/directives/import', '', TEXT);
    expect(empty.status).toBe(201);
    expect(empty.body).toMatchObject({ status: 'draft', tasks: [] });
    expect(empty.body.warnings.length).toBeGreaterThan(0);
  });

  it('records a correction with only the fields that changed, and nothing when nothing changed', async () => {
    const current = (await vp.get(`/api/v1/directives/imports/${draftId}`)).body;
    const same = await vp.put(`/api/v1/directives/imports/${draftId}`, current);
    expect(same.status).toBe(200);
    expect(same.body.revision).toBe(0);

    const corrected = placeAll(structuredClone(current));
    corrected.subject = 'V/v thực hiện Chỉ thị số 01/CT-TTg về giảm nghèo bền vững giai đoạn 2016 - 2020';
    const response = await vp.put(`/api/v1/directives/imports/${draftId}`, corrected, { 'if-match': '"0"' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ revision: 1, subject: corrected.subject, status: 'draft' });
    expect(response.body.confidence.subject).toBe(1);
    const [, correction] = response.body.history;
    expect(correction).toMatchObject({ type: 'directive-import.corrected', by: { userId: 'mo-vp-ubnd-tinh' } });
    expect(correction.changes).toContainEqual({ field: 'subject', from: current.subject, to: corrected.subject });
    expect(correction.changes.every((c: { field: string }) => !/confidence|warnings|source/.test(c.field))).toBe(true);

    const stale = await vp.put(`/api/v1/directives/imports/${draftId}`, { ...corrected, subject: 'Khác' }, { 'if-match': '"0"' });
    expect(stale.status).toBe(409);
    expect(stale.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('issues it through POST /api/v1/directives with importDraftId; the draft records the issue and what the request changed', async () => {
    const draft = (await vp.get(`/api/v1/directives/imports/${draftId}`)).body;
    const { request } = issueRequestOf(draft);
    const task11 = request.tasks.findIndex((t) => t.number === '11');
    request.tasks[task11] = { ...request.tasks[task11], deadline: '2017-12-14', recurrence: undefined };
    const issued = await vp.post('/api/v1/directives', { ...request, importDraftId: draftId }, { 'idempotency-key': 'import-4308' });
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({ number: '4308/UBND-VX', importDraftId: draftId });
    expect(issued.body.tasks).toHaveLength(11);
    expect(issued.body.assignments.filter((a: { taskNumber: string }) => a.taskNumber === '3').length).toBeGreaterThanOrEqual(27);

    const after = (await vp.get(`/api/v1/directives/imports/${draftId}`)).body;
    expect(after).toMatchObject({ status: 'issued', directiveId: issued.body.id, revision: 2 });
    const issue = after.history[2];
    expect(issue).toMatchObject({ type: 'directive-import.issued', directiveId: issued.body.id, by: { userId: 'mo-vp-ubnd-tinh' } });
    expect(issue.changes).toContainEqual(expect.objectContaining({ field: `tasks[${task11}].deadline`, to: '2017-12-14' }));

    // Sent again with its key (as after a failure between the two writes): the same directive, no second issue on the draft.
    const again = await vp.post('/api/v1/directives', { ...request, importDraftId: draftId }, { 'idempotency-key': 'import-4308' });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await vp.get(`/api/v1/directives/imports/${draftId}`)).body.history).toHaveLength(3);
  });

  it("the directive's audit timeline shows the import, the correction and who issued it", async () => {
    const directiveId = (await vp.get(`/api/v1/directives/imports/${draftId}`)).body.directiveId;
    const events = await fx.inspector().get(`/api/v1/audit/events?directiveId=${directiveId}&limit=1000`);
    expect(events.status).toBe(200);
    const types = events.body.events.map((e: { type: string }) => e.type);
    expect(types.slice(0, 4)).toEqual([
      'directive-import.drafted',
      'directive-import.corrected',
      'directive.issued',
      'directive-import.issued',
    ]);
    const issued = events.body.events.find((e: { type: string }) => e.type === 'directive.issued');
    expect(issued.actor).toMatchObject({ userId: 'mo-vp-ubnd-tinh', agencyId: 'vp-ubnd-tinh' });
    expect(issued.data.importDraftId).toBe(draftId);
  });

  it('refuses issuing twice and correcting an issued draft (409 problem+json)', async () => {
    const draft = (await vp.get(`/api/v1/directives/imports/${draftId}`)).body;
    const twice = await vp.post(`/api/v1/directives/imports/${draftId}/issue`, undefined);
    expect(twice.status).toBe(409);
    const again = await vp.post('/api/v1/directives', { ...issueRequestOf(draft).request, importDraftId: draftId });
    expect(again.status).toBe(409);
    const correct = await vp.put(`/api/v1/directives/imports/${draftId}`, { ...draft, subject: 'Sửa sau khi ban hành' });
    expect(correct.status).toBe(409);
    expect(correct.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('issues a draft once when two requests issue it as two different directives at the same moment', async () => {
    const imported = await vp.postRaw('/api/v1/directives/import', SEED, TEXT);
    expect(imported.status).toBe(201);
    const request = issueRequestOf(placeAll(imported.body)).request;
    const [first, second] = await Promise.all(
      ['9001/UBND-VX', '9002/UBND-VX'].map((number) =>
        vp.post('/api/v1/directives', { ...request, number, importDraftId: imported.body.draftId }),
      ),
    );
    expect([first.status, second.status].sort()).toEqual([201, 409]);
    const issued = first.status === 201 ? first : second;
    const draft = (await vp.get(`/api/v1/directives/imports/${imported.body.draftId}`)).body;
    expect(draft.directiveId).toBe(issued.body.id);
    const other = directiveIdFor(request.issuer!, request.issuedOn!, first.status === 201 ? '9002/UBND-VX' : '9001/UBND-VX');
    expect((await vp.get(`/api/v1/directives/${other}`)).status).toBe(404);
  });

  it('POST …/issue converts the draft: 422 naming each field a directive needs that it lacks, then issues once placed', async () => {
    const text = SEED.replace('4308/UBND-VX', '4309/UBND-VX');
    const imported = (await vp.postRaw('/api/v1/directives/import', text, TEXT)).body;
    const id = imported.draftId;
    const unplaced = structuredClone(imported);
    unplaced.tasks[4].lead.push({ text: 'Quỹ tín dụng nhân dân', agencyId: null, confidence: 0.2 });
    unplaced.monitoringAgency = null;
    await vp.put(`/api/v1/directives/imports/${id}`, unplaced);
    const refused = await vp.post(`/api/v1/directives/imports/${id}/issue`, undefined);
    expect(refused.status).toBe(422);
    expect(fields(refused.body)).toEqual(
      expect.arrayContaining(['monitoringAgency', `tasks[4].lead[${unplaced.tasks[4].lead.length - 1}].agencyId`]),
    );

    const placed = placeAll((await vp.get(`/api/v1/directives/imports/${id}`)).body);
    placed.tasks[4].lead[placed.tasks[4].lead.length - 1].agencyId = 'nhcsxh-tinh';
    await vp.put(`/api/v1/directives/imports/${id}`, placed);
    const issued = await vp.post(`/api/v1/directives/imports/${id}/issue`, undefined);
    expect([issued.status, issued.body.errors]).toEqual([201, undefined]);
    expect(issued.body).toMatchObject({ number: '4309/UBND-VX', importDraftId: id });
    const twice = await vp.post(`/api/v1/directives/imports/${id}/issue`, undefined);
    expect(twice.status).toBe(409);
    expect(twice.body.detail).toContain(issued.body.id);
  });

  it('discards a draft; a discarded one is neither corrected nor issued', async () => {
    const id = (await vp.postRaw('/api/v1/directives/import', 'Không phải văn bản', TEXT)).body.draftId;
    const discarded = await vp.post(`/api/v1/directives/imports/${id}/discard`, { reason: 'Nhập nhầm' });
    expect(discarded.status).toBe(200);
    expect(discarded.body.status).toBe('discarded');
    expect((await vp.post(`/api/v1/directives/imports/${id}/issue`, undefined)).status).toBe(409);
  });

  describe('attacks', () => {
    it('no token: 401; a role that may not issue: 403; another agency may not read or correct a draft: 403', async () => {
      expect((await fx.anonymous().postRaw('/api/v1/directives/import', SEED, TEXT)).status).toBe(401);
      expect((await fx.anonymous().get(`/api/v1/directives/imports/${draftId}`)).status).toBe(401);
      expect((await fx.officer('h-muong-lat').postRaw('/api/v1/directives/import', SEED, TEXT)).status).toBe(403);
      expect((await fx.inspector().get(`/api/v1/directives/imports/${draftId}`)).status).toBe(403);
      const other = fx.monitoring('so-yt');
      const read = await other.get(`/api/v1/directives/imports/${draftId}`);
      expect(read.status).toBe(403);
      expect(read.headers.get('content-type')).toMatch(/problem\+json/);
      expect((await other.post(`/api/v1/directives/imports/${draftId}/issue`, undefined)).status).toBe(403);
    });

    it('a body that is not text: 400 naming (body); 2 MB: 413; another media type: 415', async () => {
      const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0xff, 0xfe]);
      const send = (body: Buffer | string, type: string) =>
        fetch(`${fx.server.url}/api/v1/directives/import`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${fx.server.runtime.tokens.sign({ sub: 'mo-vp', agencyId: 'vp-ubnd-tinh', roles: ['monitoring_officer'] })}`,
            'content-type': type,
          },
          body,
        });
      const binary = await send(png, 'text/plain');
      expect(binary.status).toBe(400);
      expect(fields((await binary.json()) as { errors: [] })).toEqual(['(body)']);
      const nul = await send('Số: 1\u0000/UBND', 'text/plain');
      expect(nul.status).toBe(400);
      const huge = await send('Nhiệm vụ. '.repeat(200_000), 'text/plain; charset=utf-8');
      expect(huge.status).toBe(413);
      expect(huge.headers.get('content-type')).toMatch(/problem\+json/);
      expect((await send('a', 'application/pdf')).status).toBe(415);
    });

    it('JSON of the wrong types: 400 naming each field', async () => {
      const text = await vp.post('/api/v1/directives/import', { text: 5 });
      expect(text.status).toBe(400);
      expect(fields(text.body)).toEqual(['text']);
      const current = (await vp.postRaw('/api/v1/directives/import', SEED.replace('4308/UBND-VX', '4310/UBND-VX'), TEXT)).body;
      const wrong = structuredClone(current);
      wrong.tasks[0].lead[0] = { text: 'Sở Tài chính', agencyId: 5 };
      wrong.issuedOn = '10/02/2017';
      wrong.tasks[1].mode = 'ra-lenh';
      const refused = await vp.put(`/api/v1/directives/imports/${current.draftId}`, wrong);
      expect(refused.status).toBe(400);
      expect(fields(refused.body)).toEqual(expect.arrayContaining(['issuedOn', 'tasks[0].lead[0].agencyId', 'tasks[1].mode']));
      const badIf = await vp.put(`/api/v1/directives/imports/${current.draftId}`, current, { 'if-match': 'yesterday' });
      expect(fields(badIf.body)).toEqual(['If-Match']);
      const badId = await vp.post('/api/v1/directives', { ...issueRequestOf(placeAll(current)).request, importDraftId: 'not-a-uuid' });
      expect(badId.status).toBe(400);
      expect(fields(badId.body)).toEqual(['importDraftId']);
    });

    it('an unknown draft: 404 (422 naming importDraftId when issuing); a malformed id: 400 naming draftId', async () => {
      const unknown = await vp.get(`/api/v1/directives/imports/${UNKNOWN}`);
      expect(unknown.status).toBe(404);
      expect(unknown.headers.get('content-type')).toMatch(/problem\+json/);
      expect((await vp.put(`/api/v1/directives/imports/${UNKNOWN}`, {})).status).toBe(404);
      const malformed = await vp.get('/api/v1/directives/imports/not-an-id');
      expect(malformed.status).toBe(400);
      expect(fields(malformed.body)).toEqual(['draftId']);
      const draft = (await vp.post('/api/v1/directives/import', { text: SEED.replace('4308/UBND-VX', '4311/UBND-VX') })).body;
      const issued = await vp.post('/api/v1/directives', { ...issueRequestOf(placeAll(draft)).request, importDraftId: UNKNOWN });
      expect(issued.status).toBe(422);
      expect(fields(issued.body)).toEqual(['importDraftId']);
    });
  });
});
