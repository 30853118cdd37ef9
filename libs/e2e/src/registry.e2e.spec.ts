import { seed4308Directive } from '@dm/testing';
import { EmbeddedFixture } from './fixture';

/**
 * The registry over time, through the API of a fresh install (its default
 * registry holds Thanh Hóa from 2016 to the 2025 reform): fan-out by the
 * date of issue, refusals that name successors, issuers beyond the province,
 * a legal basis linked to a recorded directive, Sở LĐ-TB&XH's work moved to
 * its successor, and the registry's own timeline.
 */
describe('the registry over time (embedded, through the API)', () => {
  const fx = new EmbeddedFixture();
  const office = () => fx.monitoring('vp-ubnd-tinh');
  const admin = () => fx.client('admin-registry', 'admin', null);
  const change = { reason: 'Sắp xếp tổ chức bộ máy', authorizingDocument: '45/2025/NĐ-CP' };
  const oneTask = (lead: string[], mode: 'giao' | 'yeu-cau' | 'de-nghi' = 'giao') => ({
    number: '1',
    text: 'Triển khai thực hiện',
    mode,
    lead,
    coordinating: [],
    deadline: null,
  });
  const directive = (number: string, issuedOn: string, tasks: object[], extra: object = {}) => ({
    ...seed4308Directive(),
    number,
    issuedOn,
    addressees: [],
    legalBasis: [],
    monitoringAgency: 'vp-ubnd-tinh',
    tasks,
    ...extra,
  });
  let seedId: string;
  let seedAssignments: Array<{ id: string; taskNumber: string; agencyId: string; role: string }>;

  beforeAll(() => fx.start());
  afterAll(() => fx.stop());

  it('starts on the default registry, which holds the 2025 edition', async () => {
    const group = await office().get('/api/v1/agencies/groups/ubnd-xa?asOf=2026-03-01');
    expect(group.status).toBe(200);
    expect(group.body.members).toHaveLength(166);
    const timeline = await fx.inspector().get('/api/v1/registry/timeline?limit=1000');
    expect(timeline.status).toBe(200);
    expect(timeline.body.entries.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining(['registry.agency-created', 'registry.agency-ended', 'registry.group-ended', 'registry.agency-renamed']),
    );
  });

  it('fans a directive dated 2026-03-01 out to the commune-level group’s members on that date', async () => {
    const members = (await office().get('/api/v1/agencies/groups/ubnd-xa?asOf=2026-03-01')).body.members.map((m: { id: string }) => m.id);
    const issued = await office().post('/api/v1/directives', directive('15/UBND-VX', '2026-03-01', [oneTask(['ubnd-xa'], 'yeu-cau')]));
    expect(issued.status).toBe(201);
    expect(issued.body.assignments.map((a: { agencyId: string }) => a.agencyId)).toEqual(members);
    expect(issued.body.registryVersion).toMatch(/^registry@r\d+$/);
  });

  it('still gives the 27 districts for the same group in 2017', async () => {
    const issued = await fx.monitoring('vp-ubnd-tinh').post('/api/v1/directives', seed4308Directive({ '3': '2017-06-30' }));
    expect(issued.status).toBe(201);
    seedId = issued.body.id;
    seedAssignments = issued.body.assignments;
    const districts = seedAssignments.filter((a) => a.taskNumber === '3').map((a) => a.agencyId);
    expect(districts).toHaveLength(27);
    expect(districts).toContain('h-muong-lat');
    expect(districts).toContain('h-tinh-gia');
  });

  it('refuses, with 422 naming the successors, a 2026 directive to an ended agency or group', async () => {
    const toDepartment = await office().post('/api/v1/directives', directive('16/UBND-VX', '2026-03-02', [oneTask(['so-ldtbxh'])]));
    expect(toDepartment.status).toBe(422);
    expect(toDepartment.body.errors[0].field).toBe('tasks[0].lead[0]');
    expect(toDepartment.body.detail).toContain('ended on 28/02/2025');
    expect(toDepartment.body.detail).toContain('so-nnmt (giảm nghèo)');
    const toDistricts = await office().post('/api/v1/directives', directive('17/UBND-VX', '2026-03-02', [oneTask(['ubnd-huyen'])]));
    expect(toDistricts.status).toBe(422);
    expect(toDistricts.body.detail).toContain('ended on 30/06/2025');
  });

  it('records Chỉ thị 01/CT-TTg with the Prime Minister as issuer, and 4308/UBND-VX with its legal basis linked to it', async () => {
    const chiThi = await office().post('/api/v1/directives', {
      ...directive('01/CT-TTg', '2017-01-06', [oneTask(['ubnd-tinh'])]),
      type: 'chi-thi',
      issuer: 'thu-tuong',
      subject: 'Về việc tăng cường chỉ đạo thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2016 - 2020',
      signer: { name: 'Nguyễn Xuân Phúc', title: 'THỦ TƯỚNG' },
    });
    expect(chiThi.status).toBe(201);
    expect(chiThi.body.issuer).toBe('thu-tuong');
    const linked = await office().post('/api/v1/directives', {
      ...seed4308Directive(),
      number: '4308-linked/UBND-VX',
      legalBasis: [
        { text: 'Chỉ thị số 01/CT-TTg ngày 06/01/2017', directiveId: chiThi.body.id },
        'Kế hoạch số 159/KH-UBND ngày 21/10/2016',
      ],
    });
    expect(linked.status).toBe(201);
    const read = await fx.inspector().get(`/api/v1/directives/${linked.body.id}`);
    expect(read.body.legalBasis[0]).toBe('Chỉ thị số 01/CT-TTg ngày 06/01/2017');
    expect(read.body.basedOn).toEqual([{ directiveId: chiThi.body.id, number: '01/CT-TTg', issuer: 'thu-tuong', issuedOn: '2017-01-06' }]);
    const bare = await office().post('/api/v1/directives', {
      ...directive('21/UBND-VX', '2017-01-20', [oneTask(['so-tc'])]),
      legalBasis: [{ directiveId: chiThi.body.id.toUpperCase() }],
    });
    expect(bare.status).toBe(201);
    expect((await fx.inspector().get(`/api/v1/directives/${bare.body.id}`)).body).toMatchObject({
      legalBasis: ['01/CT-TTg'],
      basedOn: [{ directiveId: chiThi.body.id }],
    });
    const byId = await office().post('/api/v1/directives', {
      ...directive('22/UBND-VX', '2017-01-25', [oneTask(['so-tc'])]),
      legalBasis: ['Chỉ thị số 01/CT-TTg ngày 06/01/2017'],
      basedOn: [chiThi.body.id],
    });
    expect(byId.status).toBe(201);
    expect((await fx.inspector().get(`/api/v1/directives/${byId.body.id}`)).body).toMatchObject({
      legalBasis: ['Chỉ thị số 01/CT-TTg ngày 06/01/2017'],
      basedOn: [{ directiveId: chiThi.body.id, number: '01/CT-TTg' }],
    });
    const unknown = await office().post('/api/v1/directives', {
      ...directive('23/UBND-VX', '2017-01-25', [oneTask(['so-tc'])]),
      basedOn: ['00000000-0000-4000-8000-000000000000'],
    });
    expect([unknown.status, unknown.body.errors[0].field]).toEqual([422, 'basedOn[0]']);
    const later = await office().post('/api/v1/directives', {
      ...directive('18/UBND-VX', '2016-12-01', [oneTask(['so-tc'])]),
      legalBasis: [{ text: '01/CT-TTg', directiveId: chiThi.body.id }],
    });
    expect(later.status).toBe(422);
    expect(later.body.errors[0].field).toBe('legalBasis[0].directiveId');
  });

  it('accepts plan 159/KH-UBND of 21/10/2016', async () => {
    const plan = await office().post('/api/v1/directives', {
      ...directive('159/KH-UBND', '2016-10-21', [oneTask(['so-ban-nganh', 'ubnd-huyen'])]),
      type: 'ke-hoach',
      subject: 'Thực hiện Quyết định 289-QĐ/TU ngày 27/5/2016 của Tỉnh ủy về thực hiện Chương trình giảm nghèo nhanh và bền vững',
    });
    expect(plan.status).toBe(201);
    expect(plan.body.assignments.length).toBeGreaterThan(27);
  });

  it('addresses the commercial banks, and the Party committees by request (đề nghị) in a task of yêu cầu', async () => {
    const issued = await office().post(
      '/api/v1/directives',
      directive('19/UBND-VX', '2017-02-15', [
        oneTask(['cap-uy-dang', 'so-tc'], 'yeu-cau'),
        { ...oneTask(['ngan-hang-thuong-mai']), number: '2' },
      ]),
    );
    expect(issued.status).toBe(201);
    const byAgency = new Map(issued.body.assignments.map((a: { agencyId: string; mode?: string }) => [a.agencyId, a]));
    expect(byAgency.get('tinh-uy')).toMatchObject({ mode: 'de-nghi' });
    expect(byAgency.get('dang-uy-h-muong-lat')).toMatchObject({ mode: 'de-nghi' });
    expect(byAgency.get('so-tc')).not.toHaveProperty('mode');
    expect(issued.body.assignments.filter((a: { taskNumber: string }) => a.taskNumber === '2').length).toBeGreaterThanOrEqual(4);
  });

  describe("Sở LĐ-TB&XH's work moved to its successor for poverty reduction", () => {
    let own: { id: string };
    let muongLat: { id: string };

    beforeAll(async () => {
      own = seedAssignments.find((a) => a.taskNumber === '1' && a.agencyId === 'so-ldtbxh')!;
      muongLat = seedAssignments.find((a) => a.taskNumber === '3' && a.agencyId === 'h-muong-lat')!;
      const report = await fx.officer('so-ldtbxh').post(`/api/v1/assignments/${own.id}/progress`, {
        reportedOn: '2017-03-15',
        percent: 40,
        summary: 'Đã tổ chức quán triệt',
      });
      expect(report.status).toBe(201);
    });

    it('refuses a successor the registry does not name, and an agency that has not ended', async () => {
      const wrong = await admin().post('/api/v1/registry/agencies/so-ldtbxh/transfer', {
        ...change,
        to: 'so-tc',
        transferredOn: '2025-03-01',
      });
      expect(wrong.status).toBe(422);
      expect(wrong.body.errors[0].field).toBe('to');
      expect(wrong.body.detail).toContain('so-nnmt');
      const live = await admin().post('/api/v1/registry/agencies/so-tc/transfer', { ...change, to: 'so-nv', transferredOn: '2025-03-01' });
      expect(live.status).toBe(422);
    });

    let later: { id: string; assignment: string };

    it('moves all or nothing: one directive that cannot move (a report dated after the transfer) stops the batch', async () => {
      const issued = await office().post('/api/v1/directives', directive('20/UBND-VX', '2024-05-01', [oneTask(['so-ldtbxh'])]));
      expect(issued.status).toBe(201);
      later = { id: issued.body.id, assignment: issued.body.assignments[0].id };
      const report = await fx
        .officer('so-ldtbxh')
        .post(`/api/v1/assignments/${later.assignment}/progress`, { reportedOn: '2025-06-01', summary: 'Đang thực hiện' });
      expect(report.status).toBe(201);
      const early = await admin().post('/api/v1/registry/agencies/so-ldtbxh/transfer', {
        ...change,
        to: 'so-nnmt',
        transferredOn: '2025-02-15',
      });
      expect([early.status, early.body.errors[0].field]).toEqual([422, 'transferredOn']);
      expect(early.body.detail).toContain('01/03/2025');
      const refused = await admin().post('/api/v1/registry/agencies/so-ldtbxh/transfer', {
        ...change,
        to: 'so-nnmt',
        transferredOn: '2025-03-01',
      });
      expect([refused.status, refused.body.errors[0].field]).toEqual([422, 'transferredOn']);
      const untouched = await fx.inspector().get(`/api/v1/audit/assignments/${own.id}/state`);
      expect(untouched.body.agencyId).toBe('so-ldtbxh');
    });

    it('moves its open assignments and the directives it monitors, each audited, and moves nothing twice', async () => {
      const moved = await admin().post('/api/v1/registry/agencies/so-ldtbxh/transfer', {
        ...change,
        to: 'so-nnmt',
        transferredOn: '2025-03-01',
        directiveIds: [seedId],
      });
      expect(moved.status).toBe(200);
      const seed = moved.body.directives.find((d: { directiveId: string }) => d.directiveId === seedId);
      expect(seed.monitoring).toBe(true);
      expect(seed.assignmentIds).toContain(own.id);
      const again = await admin().post('/api/v1/registry/agencies/so-ldtbxh/transfer', {
        ...change,
        directiveIds: [seedId],
        to: 'so-nnmt',
        transferredOn: '2025-03-01',
      });
      expect(again.status).toBe(200);
      expect(again.body.directives).toEqual([]);
      const timeline = await fx.inspector().get(`/api/v1/audit/assignments/${own.id}/timeline`);
      const transfer = timeline.body.events.find((e: { type: string }) => e.type === 'directive.assignments-transferred');
      expect(transfer.data).toMatchObject({ from: 'so-ldtbxh', to: 'so-nnmt', transferredOn: '2025-03-01', reason: change.reason });
      expect(transfer.actor.role).toBe('admin');
    });

    it('takes one Idempotency-Key for a batch of several directives, and answers a retry the same', async () => {
      const body = { ...change, to: 'so-nnmt', transferredOn: '2025-06-01' };
      const first = await admin().post('/api/v1/registry/agencies/so-ldtbxh/transfer', body, { 'idempotency-key': 'chuyen-giao-1' });
      expect(first.status).toBe(200);
      expect(first.body.directives.map((d: { directiveId: string }) => d.directiveId)).toContain(later.id);
      const retry = await admin().post('/api/v1/registry/agencies/so-ldtbxh/transfer', body, { 'idempotency-key': 'chuyen-giao-1' });
      expect(retry.status).toBe(200);
      expect(retry.body).toEqual(first.body);
      expect(retry.headers.get('idempotent-replayed')).toBeNull();
      const moved = await fx.inspector().get(`/api/v1/audit/assignments/${later.assignment}/state`);
      expect(moved.body.agencyId).toBe('so-nnmt');
    });

    it("lets the successor's officers report on and confirm what was transferred, and the old agency no longer", async () => {
      const successor = await fx.officer('so-nnmt').post(`/api/v1/assignments/${own.id}/progress`, {
        reportedOn: '2025-03-10',
        percent: 80,
        summary: 'Tiếp nhận và tiếp tục thực hiện',
      });
      expect(successor.status).toBe(201);
      const beforeTakeover = await fx
        .officer('so-nnmt')
        .post(`/api/v1/assignments/${own.id}/progress`, { reportedOn: '2025-02-20', summary: 'Trước khi tiếp nhận' });
      expect([beforeTakeover.status, beforeTakeover.body.errors[0].field]).toEqual([422, 'reportedOn']);
      // moved on 01/06/2025, but taken over with the duties on 01/03/2025: the successor's report of April stands
      const inGap = await fx
        .officer('so-nnmt')
        .post(`/api/v1/assignments/${later.assignment}/progress`, { reportedOn: '2025-04-01', summary: 'Tiếp tục thực hiện' });
      expect(inGap.status).toBe(201);
      const old = await fx.officer('so-ldtbxh').post(`/api/v1/assignments/${own.id}/progress`, { reportedOn: '2025-03-10', summary: 'x' });
      expect(old.status).toBe(403);
      const done = await fx.officer('h-muong-lat').post(`/api/v1/assignments/${muongLat.id}/completion`, {
        completedOn: '2025-03-20',
        summary: 'Hoàn thành',
      });
      expect(done.status).toBe(201);
      expect((await fx.monitoring('so-ldtbxh').post(`/api/v1/assignments/${muongLat.id}/confirmation`, { accepted: true })).status).toBe(
        403,
      );
      const confirmed = await fx
        .monitoring('so-nnmt')
        .post(`/api/v1/assignments/${muongLat.id}/confirmation`, { accepted: true, confirmedOn: '2025-03-25' });
      expect(confirmed.status).toBe(200);
    });

    it('keeps the history before the transfer under the old agency: 2017 scorecards show Sở LĐ-TB&XH, 2025 ones its successor', async () => {
      const in2017 = await fx.inspector().get(`/api/v1/reports/agencies?period=2017&directiveId=${seedId}`);
      const ids2017 = in2017.body.agencies.map((a: { agencyId: string }) => a.agencyId);
      expect(ids2017).toContain('so-ldtbxh');
      expect(ids2017).not.toContain('so-nnmt');
      const in2025 = await fx.inspector().get(`/api/v1/reports/agencies?period=2025&directiveId=${seedId}`);
      const ids2025 = in2025.body.agencies.map((a: { agencyId: string }) => a.agencyId);
      expect(ids2025).toContain('so-nnmt');
      expect(ids2025).not.toContain('so-ldtbxh');
      const then = await fx.inspector().get(`/api/v1/audit/assignments/${own.id}/state?asOf=2017-12-31`);
      expect(then.body).toMatchObject({ agencyId: 'so-ldtbxh', latestPercent: 40 });
      const now = await fx.inspector().get(`/api/v1/audit/assignments/${own.id}/state?asOf=2025-12-31`);
      expect(now.body).toMatchObject({ agencyId: 'so-nnmt', latestPercent: 80 });
      const list = await fx.inspector().get('/api/v1/assignments?agencyId=so-nnmt&asOf=2025-12-31');
      expect(list.body.assignments.map((a: { id: string }) => a.id)).toContain(own.id);
      const oldList = await fx.inspector().get('/api/v1/assignments?agencyId=so-ldtbxh&asOf=2017-12-31');
      expect(oldList.body.assignments.map((a: { id: string }) => a.id)).toContain(own.id);
      const directive = await fx.inspector().get(`/api/v1/directives/${seedId}?asOf=2017-12-31`);
      expect(directive.body.monitoringAgency).toBe('so-ldtbxh');
      expect((await fx.inspector().get(`/api/v1/directives/${seedId}?asOf=2025-12-31`)).body.monitoringAgency).toBe('so-nnmt');
    });
  });

  it('keeps registry changes through the API, each in the timeline with who, when, why and on whose authority', async () => {
    const created = await admin().post('/api/v1/registry/agencies', {
      ...change,
      id: 'so-test',
      name: 'Sở Thử nghiệm',
      kind: 'department',
      parent: 'ubnd-tinh',
      groups: ['so-ban-nganh'],
      validFrom: '2026-01-01',
    });
    expect(created.status).toBe(201);
    const renamed = await admin().post('/api/v1/registry/agencies/so-test/rename', {
      ...change,
      name: 'Sở Thử nghiệm mới',
      effectiveOn: '2026-06-01',
    });
    expect(renamed.status).toBe(200);
    const ended = await admin().post('/api/v1/registry/agencies/so-test/end', {
      ...change,
      validTo: '2026-09-30',
      successors: [{ agencyId: 'so-tc' }],
    });
    expect(ended.status).toBe(200);
    const overlapping = await admin().post('/api/v1/registry/agencies', {
      ...change,
      id: 'so-test',
      name: 'Lại',
      kind: 'department',
      validFrom: '2026-03-01',
    });
    expect(overlapping.status).toBe(409);
    expect(overlapping.body.detail).toContain('overlap');
    const early = await admin().post('/api/v1/registry/groups/ubnd-xa/members', { ...change, effectiveOn: '2025-06-01', add: ['so-tc'] });
    expect(early.status).toBe(422);
    expect(early.body.errors[0].field).toBe('effectiveOn');
    const agency = await fx.officer('so-tc').get('/api/v1/agencies/so-test?asOf=2026-07-01');
    expect(agency.body).toMatchObject({
      name: 'Sở Thử nghiệm mới',
      validTo: '2026-09-30',
      successors: [{ agencyId: 'so-tc', duties: null }],
    });
    const timeline = await fx.inspector().get('/api/v1/registry/timeline?limit=1000');
    const mine = timeline.body.entries.filter((e: { data: { agencyId?: string } }) => e.data.agencyId === 'so-test');
    expect(mine.map((e: { type: string }) => e.type)).toEqual([
      'registry.agency-created',
      'registry.agency-renamed',
      'registry.agency-ended',
    ]);
    for (const e of mine) {
      expect(e.actor).toEqual({ userId: 'admin-registry', agencyId: null, role: 'admin' });
      expect(e).toMatchObject({ reason: change.reason, authorizingDocument: change.authorizingDocument });
      expect(e.recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    }
    expect(mine[1].data).toMatchObject({ previousName: 'Sở Thử nghiệm', name: 'Sở Thử nghiệm mới', effectiveOn: '2026-06-01' });
    const ofOne = await fx.officer('so-tc').get('/api/v1/registry/timeline?id=so-test&limit=2');
    expect(ofOne.body.entries.map((e: { type: string }) => e.type)).toEqual(['registry.agency-created', 'registry.agency-renamed']);
    const rest = await fx.officer('so-tc').get(`/api/v1/registry/timeline?id=so-test&after=${ofOne.body.next}`);
    expect(rest.body).toMatchObject({ entries: [{ type: 'registry.agency-ended' }], next: null });
    const oddId = await fx.inspector().get('/api/v1/assignments?agencyId=a%5C');
    expect([oddId.status, oddId.body.errors[0].field]).toEqual([400, 'agencyId']);
    const successorOf = await fx.officer('so-tc').get('/api/v1/registry/timeline?id=so-ldtbxh');
    expect(successorOf.body.entries.map((e: { type: string }) => e.type)).toEqual(['registry.agency-created', 'registry.agency-ended']);
    const refused = await fx
      .monitoring('so-tc')
      .post('/api/v1/registry/agencies/so-tc/rename', { ...change, name: 'X', effectiveOn: '2026-01-01' });
    expect(refused.status).toBe(403);
  });
});
