import { ROLES, type UserRole } from '@dm/contracts';
import { isLoggedRead, routesOf } from '@dm/platform';
import { seed4308Directive, type ApiResponse } from '@dm/testing';
import { EmbeddedFixture } from './fixture';

/**
 * Who may do what, asked of the live HTTP server: every role × every action ×
 * an agency the action concerns ("own") or another one. The expected table is
 * written out here, not read from the policy modules, so a broken policy or a
 * route that forgets its policy fails it. An allowed call may still be
 * refused for what it says (400, 404, 409, 422); a refused one is 403,
 * whatever its body. Every /api route the server serves has an action here.
 * The directive of letter 4308 is issued by ubnd-tinh (its office
 * vp-ubnd-tinh) and monitored by so-ldtbxh: the changes name each of the
 * three as "own" in turn. Amendments, revocation and supersession go to
 * directives of their own, so they change nothing the other cases read.
 *
 * Reads are scoped by agency (docs/domain.md, "Who reads what"). An agency
 * officer reads the directives addressed to its agency and, of them, its own
 * assignments: "own" is Mường Lát for its assignment of task 3 (its timeline,
 * its state, the task's timeline, a list narrowed to it), "other" Bá Thước
 * (addressed too, but not holding that assignment), Sở Y tế (no assignment of
 * task 3) or hdnd-tinh (not addressed by the letter at all). A monitoring
 * officer reads besides all of the directives its agency issued or monitors:
 * "own" is so-ldtbxh, the letter's monitoring agency; "other" an agency
 * addressed elsewhere in the letter or not at all. Inspectors and admins read
 * everything. A list is narrowed rather than refused ("any" for every role),
 * except when an agency officer names another agency (`agencyId`); what the
 * narrowed lists hold is checked after the table.
 */
type Scope = 'own' | 'any';
type Agencies = { own: string; other: string };
type Action = {
  /** The served route the action calls, as Fastify names it ("POST /api/v1/directives/:id/revoke"). */
  route: string;
  /** The agency whose officer acts "for its own", and one that has nothing to do with the resource. */
  agencies: Agencies;
  /** Those agencies for one role, where they differ (reads: the monitoring officer's own is the monitoring agency). */
  byRole?: Partial<Record<UserRole, Agencies>>;
  allowed: Partial<Record<UserRole, Scope>>;
  send: (as: ReturnType<EmbeddedFixture['client']>) => Promise<ApiResponse>;
};

const everyone: Partial<Record<UserRole, Scope>> = { agency_officer: 'any', monitoring_officer: 'any', inspector: 'any', admin: 'any' };
/** A read of one resource: an agency officer of its agency, a monitoring officer of the directive's overseers, inspectors and admins. */
const scoped: Partial<Record<UserRole, Scope>> = { agency_officer: 'own', monitoring_officer: 'own', inspector: 'any', admin: 'any' };
/** A list narrowed to one agency: an agency officer names its own only; monitoring officers (within their scope), inspectors and admins any. */
const narrowed: Partial<Record<UserRole, Scope>> = { agency_officer: 'own', monitoring_officer: 'any', inspector: 'any', admin: 'any' };
/** The monitoring officers of the letter's monitoring agency, and of one addressed in it that does not hold the assignment read. */
const monitoringOfficers: Partial<Record<UserRole, Agencies>> = { monitoring_officer: { own: 'so-ldtbxh', other: 'h-ba-thuoc' } };
const inspectors: Partial<Record<UserRole, Scope>> = { inspector: 'any', admin: 'any' };

describe('authorisation table over HTTP (embedded)', () => {
  const fx = new EmbeddedFixture();
  let directiveId: string;
  /** One-task directives of ubnd-tinh monitored by so-ldtbxh: one amended, one superseded, one revoked by the table. */
  let amended: string;
  let superseded: string;
  let revoked: string;
  let muongLat: string;
  /** The letter's quarterly report duty, Mường Lát's report under it, so-ldtbxh's issued 2017-Q1 report (two revisions), a reminder. */
  let attachment: string;
  let reportId: string;
  let reminderId: string;
  let n = 0;
  const next = () => String(++n);

  beforeAll(async () => {
    await fx.start();
    const issued = await fx.monitoring('vp-ubnd-tinh').post('/api/v1/directives', seed4308Directive({ '3': '2017-06-30' }));
    expect(issued.status).toBe(201);
    directiveId = issued.body.id;
    muongLat = issued.body.assignments.find(
      (a: { taskNumber: string; agencyId: string }) => a.taskNumber === '3' && a.agencyId === 'h-muong-lat',
    ).id;
    const completed = await fx
      .officer('h-muong-lat')
      .post(`/api/v1/assignments/${muongLat}/completion`, { completedOn: '2017-05-20', summary: 'Hoàn thành' });
    expect(completed.status).toBe(201);
    const spare = async (number: string) => {
      const task = {
        number: '1',
        text: 'Báo cáo kết quả',
        mode: 'giao' as const,
        lead: ['so-tc'],
        coordinating: [],
        deadline: null,
        reportDuty: null,
      };
      const response = await fx.monitoring('vp-ubnd-tinh').post('/api/v1/directives', { ...seed4308Directive(), number, tasks: [task] });
      expect(response.status).toBe(201);
      return response.body.id as string;
    };
    [amended, superseded, revoked] = [await spare('1/SPARE'), await spare('2/SPARE'), await spare('3/SPARE')];
    expect((await fx.monitoring().put(`/api/v1/reporting/regimes/${directiveId}`, regime)).status).toBe(200);
    const submitted = await fx.officer('h-muong-lat').post(`/api/v1/reporting/regimes/${directiveId}/submissions`, periodicReport);
    expect(submitted.status).toBe(201);
    attachment = submitted.body.data.attachment.sha256;
    const report = await fx.monitoring().post('/api/v1/reports/issued', { ...reportRequest, directiveId });
    expect(report.status).toBe(201);
    reportId = encodeURIComponent(report.body.reportId);
    expect((await fx.monitoring().post('/api/v1/reports/issued', { ...reportRequest, directiveId, reason: 'Bổ sung' })).status).toBe(201);
    const reminder = await fx.monitoring().post('/api/v1/reminders', { agencyId: 'h-muong-lat', directiveId, text: 'Đề nghị báo cáo' });
    expect(reminder.status).toBe(201);
    reminderId = reminder.body.reminderId;
  });
  afterAll(() => fx.stop());

  const regime = {
    duties: [
      {
        id: 'quy',
        reporters: ['ubnd-huyen'],
        recipient: 'so-ldtbxh',
        frequency: 'quarter',
        deadline: { kind: 'dayOfMonth', day: 20 },
        from: '2017-02-10',
      },
    ],
  };
  const periodicReport = {
    dutyId: 'quy',
    period: '2017-Q1',
    agencyId: 'h-muong-lat',
    attachment: { fileName: 'bao-cao.pdf', mediaType: 'application/pdf', contentBase64: Buffer.from('Báo cáo quý I').toString('base64') },
  };
  const reportRequest = {
    period: '2017-Q1',
    number: '12/BC-SLĐTBXH',
    place: 'Thanh Hóa',
    date: '2017-03-20',
    reason: 'Kiểm tra phân quyền',
  };
  /** Who reads a directive's reporting: Mường Lát (addressed) and so-ldtbxh (its monitoring agency); hdnd-tinh is neither. */
  const reportReaders = {
    agencies: { own: 'h-muong-lat', other: 'hdnd-tinh' },
    byRole: { monitoring_officer: { own: 'so-ldtbxh', other: 'hdnd-tinh' } },
  };
  const amendment = { reason: 'Điều chỉnh', authorizingDocument: '12/QĐ-UBND', effectiveOn: '2017-03-01' };
  const paperReport = { number: '45/BC-UBND', date: '2017-03-02' };
  const registryChange = { reason: 'Kiểm tra phân quyền', authorizingDocument: '1/QĐ-UBND' };

  const actions: Record<string, Action> = {
    'issue a directive in the name of ubnd-tinh': {
      route: 'POST /api/v1/directives',
      agencies: { own: 'vp-ubnd-tinh', other: 'so-ldtbxh' },
      allowed: { monitoring_officer: 'own' },
      send: (as) => as.post('/api/v1/directives', { ...seed4308Directive(), number: `${next()}/TABLE` }),
    },
    'change a task deadline': {
      route: 'POST /api/v1/directives/:id/tasks/:taskNo/deadline',
      agencies: { own: 'so-ldtbxh', other: 'so-yt' },
      allowed: { monitoring_officer: 'own' },
      send: (as) =>
        as.post(`/api/v1/directives/${directiveId}/tasks/4/deadline`, {
          deadline: `2018-01-${next().padStart(2, '0')}`,
          reason: 'Gia hạn',
          authorizingDocument: '1/UBND',
        }),
    },
    'cancel a task': {
      route: 'POST /api/v1/directives/:id/tasks/:taskNo/cancel',
      agencies: { own: 'so-ldtbxh', other: 'so-yt' },
      allowed: { monitoring_officer: 'own' },
      send: (as) => as.post(`/api/v1/directives/${directiveId}/tasks/9/cancel`, { reason: 'Gộp nhiệm vụ', cancelledOn: '2017-09-01' }),
    },
    'add a task': {
      route: 'POST /api/v1/directives/:id/tasks',
      agencies: { own: 'so-ldtbxh', other: 'so-tc' },
      allowed: { monitoring_officer: 'own' },
      send: (as) =>
        as.post(`/api/v1/directives/${amended}/tasks`, {
          number: `T${next()}`,
          text: 'Nhiệm vụ bổ sung',
          mode: 'giao',
          lead: ['so-khdt'],
          coordinating: [],
          deadline: null,
          ...amendment,
        }),
    },
    'add an agency to a task': {
      route: 'POST /api/v1/directives/:id/tasks/:taskNo/agencies',
      agencies: { own: 'ubnd-tinh', other: 'so-tc' },
      allowed: { monitoring_officer: 'own' },
      send: (as) => as.post(`/api/v1/directives/${amended}/tasks/1/agencies`, { agencyId: 'so-xd', role: 'coordinating', ...amendment }),
    },
    'change a task lead': {
      route: 'POST /api/v1/directives/:id/tasks/:taskNo/lead',
      agencies: { own: 'vp-ubnd-tinh', other: 'so-tc' },
      allowed: { monitoring_officer: 'own' },
      send: (as) => as.post(`/api/v1/directives/${amended}/tasks/1/lead`, { lead: ['so-tc', 'so-khdt'], ...amendment }),
    },
    'correct a task text': {
      route: 'POST /api/v1/directives/:id/tasks/:taskNo/text',
      agencies: { own: 'so-ldtbxh', other: 'so-yt' },
      allowed: { monitoring_officer: 'own' },
      send: (as) => as.post(`/api/v1/directives/${amended}/tasks/1/text`, { text: `Báo cáo kết quả (${next()})`, ...amendment }),
    },
    'supersede a directive': {
      route: 'POST /api/v1/directives/:id/supersede',
      agencies: { own: 'ubnd-tinh', other: 'so-tc' },
      allowed: { monitoring_officer: 'own' },
      send: (as) => as.post(`/api/v1/directives/${superseded}/supersede`, { supersededBy: amended, ...amendment }),
    },
    'revoke a directive': {
      route: 'POST /api/v1/directives/:id/revoke',
      agencies: { own: 'vp-ubnd-tinh', other: 'so-tc' },
      allowed: { monitoring_officer: 'own' },
      send: (as) => as.post(`/api/v1/directives/${revoked}/revoke`, amendment),
    },
    // The assigned agency reports for itself; a monitoring officer of h-muong-lat decides nothing on it. The
    // deciders (so-ldtbxh, ubnd-tinh, vp-ubnd-tinh) record its paper reports: the two "paper" actions below.
    'report progress': {
      route: 'POST /api/v1/assignments/:id/progress',
      agencies: { own: 'h-muong-lat', other: 'h-ba-thuoc' },
      allowed: { agency_officer: 'own' },
      send: (as) => as.post(`/api/v1/assignments/${muongLat}/progress`, { reportedOn: '2017-03-01', summary: 'Tiến độ' }),
    },
    'report a completion': {
      route: 'POST /api/v1/assignments/:id/completion',
      agencies: { own: 'h-muong-lat', other: 'h-ba-thuoc' },
      allowed: { agency_officer: 'own' },
      send: (as) => as.post(`/api/v1/assignments/${muongLat}/completion`, { completedOn: '2017-05-21', summary: 'Hoàn thành' }),
    },
    'record a paper progress report for an agency': {
      route: 'POST /api/v1/assignments/:id/progress',
      agencies: { own: 'so-ldtbxh', other: 'so-yt' },
      allowed: { monitoring_officer: 'own' },
      send: (as) =>
        as.post(`/api/v1/assignments/${muongLat}/progress`, {
          reportedOn: '2017-03-02',
          summary: 'Tiến độ',
          incomingDocument: paperReport,
        }),
    },
    'record a paper completion for an agency': {
      route: 'POST /api/v1/assignments/:id/completion',
      agencies: { own: 'ubnd-tinh', other: 'h-ba-thuoc' },
      allowed: { monitoring_officer: 'own' },
      send: (as) =>
        as.post(`/api/v1/assignments/${muongLat}/completion`, {
          completedOn: '2017-05-21',
          summary: 'Hoàn thành',
          incomingDocument: paperReport,
        }),
    },
    'confirm or return a completion': {
      route: 'POST /api/v1/assignments/:id/confirmation',
      agencies: { own: 'so-ldtbxh', other: 'so-yt' },
      allowed: { monitoring_officer: 'own' },
      send: (as) =>
        as.post(`/api/v1/assignments/${muongLat}/confirmation`, { accepted: false, reason: 'Thiếu số liệu', returnedOn: '2017-05-22' }),
    },
    'reopen a completion': {
      route: 'POST /api/v1/assignments/:id/reopen',
      agencies: { own: 'vp-ubnd-tinh', other: 'so-yt' },
      allowed: { monitoring_officer: 'own' },
      send: (as) => as.post(`/api/v1/assignments/${muongLat}/reopen`, { reason: 'Số liệu chưa khớp', reopenedOn: '2017-05-23' }),
    },
    'list directives': {
      route: 'GET /api/v1/directives',
      agencies: { own: 'so-ldtbxh', other: 'hdnd-tinh' },
      allowed: everyone,
      send: (as) => as.get('/api/v1/directives'),
    },
    'read a directive': {
      route: 'GET /api/v1/directives/:id',
      agencies: { own: 'h-muong-lat', other: 'hdnd-tinh' },
      byRole: { monitoring_officer: { own: 'so-ldtbxh', other: 'hdnd-tinh' } },
      allowed: scoped,
      send: (as) => as.get(`/api/v1/directives/${directiveId}?asOf=2017-03-01`),
    },
    'list assignments': {
      route: 'GET /api/v1/assignments',
      agencies: { own: 'so-ldtbxh', other: 'hdnd-tinh' },
      allowed: everyone,
      send: (as) => as.get('/api/v1/assignments?asOf=2017-03-01'),
    },
    "list one agency's assignments": {
      route: 'GET /api/v1/assignments',
      agencies: { own: 'h-muong-lat', other: 'h-ba-thuoc' },
      allowed: narrowed,
      send: (as) => as.get('/api/v1/assignments?agencyId=h-muong-lat&asOf=2017-03-01'),
    },
    'read a summary': {
      route: 'GET /api/v1/reports/summary',
      agencies: { own: 'so-ldtbxh', other: 'hdnd-tinh' },
      allowed: everyone,
      send: (as) => as.get('/api/v1/reports/summary?period=2017-Q1'),
    },
    "read one agency's summary": {
      route: 'GET /api/v1/reports/summary',
      agencies: { own: 'h-muong-lat', other: 'h-ba-thuoc' },
      allowed: narrowed,
      send: (as) => as.get('/api/v1/reports/summary?period=2017-Q1&agencyId=h-muong-lat'),
    },
    'read scorecards': {
      route: 'GET /api/v1/reports/agencies',
      agencies: { own: 'so-ldtbxh', other: 'hdnd-tinh' },
      allowed: everyone,
      send: (as) => as.get('/api/v1/reports/agencies?period=2017'),
    },
    'read a timeline': {
      route: 'GET /api/v1/audit/assignments/:id/timeline',
      agencies: { own: 'h-muong-lat', other: 'h-ba-thuoc' },
      byRole: monitoringOfficers,
      allowed: scoped,
      send: (as) => as.get(`/api/v1/audit/assignments/${muongLat}/timeline`),
    },
    "read a task's timeline": {
      route: 'GET /api/v1/audit/directives/:id/tasks/:taskNo/timeline',
      agencies: { own: 'h-muong-lat', other: 'so-yt' },
      byRole: { monitoring_officer: { own: 'so-ldtbxh', other: 'so-yt' } },
      allowed: scoped,
      send: (as) => as.get(`/api/v1/audit/directives/${directiveId}/tasks/3/timeline`),
    },
    'read a state': {
      route: 'GET /api/v1/audit/assignments/:id/state',
      agencies: { own: 'h-muong-lat', other: 'h-ba-thuoc' },
      byRole: monitoringOfficers,
      allowed: scoped,
      send: (as) => as.get(`/api/v1/audit/assignments/${muongLat}/state?asOf=2017-03-01`),
    },
    'read the annual reviews': {
      route: 'GET /api/v1/reports/annual-review',
      agencies: { own: 'so-ldtbxh', other: 'hdnd-tinh' },
      allowed: everyone,
      send: (as) => as.get('/api/v1/reports/annual-review?year=2017'),
    },
    "read one agency's annual review": {
      route: 'GET /api/v1/reports/annual-review',
      agencies: { own: 'h-muong-lat', other: 'h-ba-thuoc' },
      allowed: narrowed,
      send: (as) => as.get('/api/v1/reports/annual-review?year=2017&agencyId=h-muong-lat'),
    },
    "export one agency's annual review": {
      route: 'GET /api/v1/reports/annual-review/export',
      agencies: { own: 'h-muong-lat', other: 'h-ba-thuoc' },
      allowed: narrowed,
      send: (as) => as.get('/api/v1/reports/annual-review/export?year=2017&agencyId=h-muong-lat'),
    },
    'read the registry': {
      route: 'GET /api/v1/agencies',
      agencies: { own: 'so-ldtbxh', other: 'h-ba-thuoc' },
      allowed: everyone,
      send: (as) => as.get('/api/v1/agencies'),
    },
    'read a group': {
      route: 'GET /api/v1/agencies/groups/:id',
      agencies: { own: 'so-ldtbxh', other: 'h-ba-thuoc' },
      allowed: everyone,
      send: (as) => as.get('/api/v1/agencies/groups/ubnd-huyen?asOf=2017-02-10'),
    },
    'read an agency': {
      route: 'GET /api/v1/agencies/:id',
      agencies: { own: 'so-ldtbxh', other: 'h-ba-thuoc' },
      allowed: everyone,
      send: (as) => as.get('/api/v1/agencies/so-ldtbxh'),
    },
    "read the registry's timeline": {
      route: 'GET /api/v1/registry/timeline',
      agencies: { own: 'so-ldtbxh', other: 'h-ba-thuoc' },
      allowed: everyone,
      send: (as) => as.get('/api/v1/registry/timeline?limit=5'),
    },
    'verify the audit trail': {
      route: 'GET /api/v1/audit/verify',
      agencies: { own: 'thanh-tra-tinh', other: 'h-ba-thuoc' },
      allowed: inspectors,
      send: (as) => as.get('/api/v1/audit/verify'),
    },
    'follow a verification': {
      route: 'GET /api/v1/audit/verify/progress',
      agencies: { own: 'thanh-tra-tinh', other: 'h-ba-thuoc' },
      allowed: inspectors,
      send: (as) => as.get('/api/v1/audit/verify/progress'),
    },
    'fetch the checkpoint key': {
      route: 'GET /api/v1/audit/public-key',
      agencies: { own: 'thanh-tra-tinh', other: 'h-ba-thuoc' },
      allowed: everyone,
      send: (as) => as.get('/api/v1/audit/public-key'),
    },
    "read a directive's events": {
      route: 'GET /api/v1/audit/events',
      agencies: { own: 'thanh-tra-tinh', other: 'h-ba-thuoc' },
      allowed: inspectors,
      send: (as) => as.get(`/api/v1/audit/events?directiveId=${directiveId}`),
    },
    'read the changes of a time span': {
      route: 'GET /api/v1/audit/changes',
      agencies: { own: 'thanh-tra-tinh', other: 'h-ba-thuoc' },
      allowed: inspectors,
      send: (as) => as.get('/api/v1/audit/changes?from=2017-01-01T00:00:00Z'),
    },
    'read the access log': {
      route: 'GET /api/v1/audit/access-log',
      agencies: { own: 'thanh-tra-tinh', other: 'h-ba-thuoc' },
      allowed: inspectors,
      send: (as) => as.get('/api/v1/audit/access-log?limit=5'),
    },
    'list checkpoints': {
      route: 'GET /api/v1/audit/checkpoints',
      agencies: { own: 'thanh-tra-tinh', other: 'h-ba-thuoc' },
      allowed: inspectors,
      send: (as) => as.get('/api/v1/audit/checkpoints'),
    },
    'take a checkpoint': {
      route: 'POST /api/v1/audit/checkpoints',
      agencies: { own: 'thanh-tra-tinh', other: 'h-ba-thuoc' },
      allowed: inspectors,
      send: (as) => as.post('/api/v1/audit/checkpoints', {}),
    },
    'read the tree heads': {
      route: 'GET /api/v1/audit/tree',
      agencies: { own: 'thanh-tra-tinh', other: 'h-ba-thuoc' },
      allowed: inspectors,
      send: (as) => as.get('/api/v1/audit/tree'),
    },
    'prove an event is in the log': {
      route: 'GET /api/v1/audit/proofs/inclusion',
      agencies: { own: 'thanh-tra-tinh', other: 'h-ba-thuoc' },
      allowed: inspectors,
      send: (as) => as.get('/api/v1/audit/proofs/inclusion?store=task-assignment&position=1'),
    },
    'prove the log only grew': {
      route: 'GET /api/v1/audit/proofs/consistency',
      agencies: { own: 'thanh-tra-tinh', other: 'h-ba-thuoc' },
      allowed: inspectors,
      send: (as) => as.get('/api/v1/audit/proofs/consistency?store=task-assignment&from=1'),
    },
    'export the audit trail': {
      route: 'GET /api/v1/audit/export',
      agencies: { own: 'thanh-tra-tinh', other: 'h-ba-thuoc' },
      allowed: inspectors,
      send: (as) => as.get(`/api/v1/audit/export?directiveId=${directiveId}`),
    },
    // Registry changes an admin may make are refused for what they say (an id taken, none such), so the table changes nothing.
    'create an agency': {
      route: 'POST /api/v1/registry/agencies',
      agencies: { own: 'so-ldtbxh', other: 'h-ba-thuoc' },
      allowed: { admin: 'any' },
      send: (as) =>
        as.post('/api/v1/registry/agencies', {
          ...registryChange,
          id: 'so-tc',
          name: 'Sở Tài chính',
          kind: 'department',
          validFrom: '2017-01-01',
        }),
    },
    'rename an agency': {
      route: 'POST /api/v1/registry/agencies/:id/rename',
      agencies: { own: 'so-ldtbxh', other: 'h-ba-thuoc' },
      allowed: { admin: 'any' },
      send: (as) => as.post('/api/v1/registry/agencies/no-such-agency/rename', { ...registryChange, name: 'X', effectiveOn: '2017-01-01' }),
    },
    'end an agency': {
      route: 'POST /api/v1/registry/agencies/:id/end',
      agencies: { own: 'so-ldtbxh', other: 'h-ba-thuoc' },
      allowed: { admin: 'any' },
      send: (as) => as.post('/api/v1/registry/agencies/no-such-agency/end', { ...registryChange, validTo: '2017-01-01' }),
    },
    "transfer an ended agency's work": {
      route: 'POST /api/v1/registry/agencies/:id/transfer',
      agencies: { own: 'so-ldtbxh', other: 'h-ba-thuoc' },
      allowed: { admin: 'any' },
      send: (as) =>
        as.post('/api/v1/registry/agencies/so-ldtbxh/transfer', {
          ...registryChange,
          to: 'so-nnmt',
          transferredOn: '2025-03-01',
          directiveIds: ['00000000-0000-4000-8000-000000000000'],
        }),
    },
    'create a group': {
      route: 'POST /api/v1/registry/groups',
      agencies: { own: 'so-ldtbxh', other: 'h-ba-thuoc' },
      allowed: { admin: 'any' },
      send: (as) => as.post('/api/v1/registry/groups', { ...registryChange, id: 'ubnd-huyen', name: 'X', validFrom: '2017-01-01' }),
    },
    "change a group's members": {
      route: 'POST /api/v1/registry/groups/:id/members',
      agencies: { own: 'so-ldtbxh', other: 'h-ba-thuoc' },
      allowed: { admin: 'any' },
      send: (as) =>
        as.post('/api/v1/registry/groups/no-such-group/members', { ...registryChange, effectiveOn: '2017-01-01', add: ['so-tc'] }),
    },
    'end a group': {
      route: 'POST /api/v1/registry/groups/:id/end',
      agencies: { own: 'so-ldtbxh', other: 'h-ba-thuoc' },
      allowed: { admin: 'any' },
      send: (as) => as.post('/api/v1/registry/groups/no-such-group/end', { ...registryChange, validTo: '2017-01-01' }),
    },
    'import an edition': {
      route: 'POST /api/v1/registry/import',
      agencies: { own: 'so-ldtbxh', other: 'h-ba-thuoc' },
      allowed: { admin: 'any' },
      send: (as) =>
        as.post('/api/v1/registry/import', { ...registryChange, edition: 'table', effectiveOn: '2017-01-01', agencies: 'none' }),
    },
    'read a period rolled up by agency, group and province': {
      route: 'GET /api/v1/reports/rollup',
      ...reportReaders,
      allowed: scoped,
      send: (as) => as.get(`/api/v1/reports/rollup?period=2017-Q1&directiveId=${directiveId}`),
    },
    'read the working calendar': {
      route: 'GET /api/v1/calendar',
      agencies: { own: 'so-ldtbxh', other: 'h-ba-thuoc' },
      allowed: everyone,
      send: (as) => as.get('/api/v1/calendar?year=2017'),
    },
    'ask whether a date is a working day': {
      route: 'GET /api/v1/calendar/day',
      agencies: { own: 'so-ldtbxh', other: 'h-ba-thuoc' },
      allowed: everyone,
      send: (as) => as.get('/api/v1/calendar/day?date=2017-05-02'),
    },
    'record a make-up day': {
      route: 'POST /api/v1/calendar/adjustments',
      agencies: { own: 'so-ldtbxh', other: 'h-ba-thuoc' },
      allowed: { admin: 'any' },
      send: (as) => as.post('/api/v1/calendar/adjustments', { date: '2031-01-04', kind: 'workingDay', name: 'Làm bù' }),
    },
    'set a reporting regime': {
      route: 'PUT /api/v1/reporting/regimes/:directiveId',
      agencies: { own: 'so-ldtbxh', other: 'so-yt' },
      allowed: { monitoring_officer: 'own', admin: 'any' },
      send: (as) => as.put(`/api/v1/reporting/regimes/${directiveId}`, regime),
    },
    'read a reporting regime': {
      route: 'GET /api/v1/reporting/regimes/:directiveId',
      ...reportReaders,
      allowed: scoped,
      send: (as) => as.get(`/api/v1/reporting/regimes/${directiveId}`),
    },
    "submit Mường Lát's periodic report": {
      route: 'POST /api/v1/reporting/regimes/:directiveId/submissions',
      agencies: { own: 'h-muong-lat', other: 'hdnd-tinh' },
      byRole: { monitoring_officer: { own: 'so-ldtbxh', other: 'so-yt' } },
      allowed: { agency_officer: 'own', monitoring_officer: 'own', admin: 'any' },
      send: (as) => as.post(`/api/v1/reporting/regimes/${directiveId}/submissions`, { ...periodicReport, incomingDocument: paperReport }),
    },
    'list periodic reports of an agency': {
      route: 'GET /api/v1/reporting/submissions',
      agencies: { own: 'h-muong-lat', other: 'h-ba-thuoc' },
      allowed: narrowed,
      send: (as) => as.get('/api/v1/reporting/submissions?agencyId=h-muong-lat'),
    },
    "read an agency's periodic report compliance": {
      route: 'GET /api/v1/reporting/compliance',
      agencies: { own: 'h-muong-lat', other: 'h-ba-thuoc' },
      allowed: narrowed,
      send: (as) => as.get('/api/v1/reporting/compliance?agencyId=h-muong-lat&from=2017-01-01&to=2017-12-31'),
    },
    'download a submitted file': {
      route: 'GET /api/v1/reporting/attachments/:hash',
      ...reportReaders,
      allowed: scoped,
      send: (as) => as.get(`/api/v1/reporting/attachments/${attachment}`),
    },
    "issue a directive's period report": {
      route: 'POST /api/v1/reports/issued',
      agencies: { own: 'so-ldtbxh', other: 'so-yt' },
      allowed: { monitoring_officer: 'own', admin: 'any' },
      send: (as) => as.post('/api/v1/reports/issued', { ...reportRequest, directiveId }),
    },
    'list issued reports': {
      route: 'GET /api/v1/reports/issued',
      agencies: { own: 'so-ldtbxh', other: 'h-ba-thuoc' },
      allowed: everyone,
      send: (as) => as.get('/api/v1/reports/issued'),
    },
    'read an issued report': {
      route: 'GET /api/v1/reports/issued/:reportId',
      ...reportReaders,
      allowed: scoped,
      send: (as) => as.get(`/api/v1/reports/issued/${reportId}`),
    },
    'read a revision of an issued report': {
      route: 'GET /api/v1/reports/issued/:reportId/revisions/:revision',
      ...reportReaders,
      allowed: scoped,
      send: (as) => as.get(`/api/v1/reports/issued/${reportId}/revisions/1`),
    },
    'compare two revisions': {
      route: 'GET /api/v1/reports/issued/:reportId/diff',
      ...reportReaders,
      allowed: scoped,
      send: (as) => as.get(`/api/v1/reports/issued/${reportId}/diff?from=1&to=2`),
    },
    'download an issued report': {
      route: 'GET /api/v1/reports/issued/:reportId/export',
      ...reportReaders,
      allowed: scoped,
      send: (as) => as.get(`/api/v1/reports/issued/${reportId}/export?format=csv`),
    },
    'download a revision': {
      route: 'GET /api/v1/reports/issued/:reportId/revisions/:revision/export',
      ...reportReaders,
      allowed: scoped,
      send: (as) => as.get(`/api/v1/reports/issued/${reportId}/revisions/1/export?format=csv&view=late`),
    },
    "download a draft of a directive's report": {
      route: 'GET /api/v1/reports/export',
      ...reportReaders,
      allowed: scoped,
      send: (as) => as.get(`/api/v1/reports/export?period=2017-Q1&directiveId=${directiveId}&format=csv`),
    },
    "list an agency's reminders": {
      route: 'GET /api/v1/reminders',
      agencies: { own: 'h-muong-lat', other: 'h-ba-thuoc' },
      allowed: narrowed,
      send: (as) => as.get('/api/v1/reminders?agencyId=h-muong-lat'),
    },
    'read a reminder': {
      route: 'GET /api/v1/reminders/:id',
      ...reportReaders,
      allowed: scoped,
      send: (as) => as.get(`/api/v1/reminders/${reminderId}`),
    },
    'send a reminder': {
      route: 'POST /api/v1/reminders',
      agencies: { own: 'so-ldtbxh', other: 'so-yt' },
      allowed: { monitoring_officer: 'own', admin: 'any' },
      send: (as) => as.post('/api/v1/reminders', { agencyId: 'h-muong-lat', directiveId, text: 'Đề nghị báo cáo' }),
    },
    'run the urging scheduler': {
      route: 'POST /api/v1/admin/urging/run',
      agencies: { own: 'so-ldtbxh', other: 'h-ba-thuoc' },
      allowed: { admin: 'any' },
      send: (as) => as.post('/api/v1/admin/urging/run', {}),
    },
    'rebuild the read models': {
      route: 'POST /api/v1/admin/rebuild',
      agencies: { own: 'so-ldtbxh', other: 'h-ba-thuoc' },
      allowed: { admin: 'any' },
      send: (as) => as.post('/api/v1/admin/rebuild', {}),
    },
    'follow a rebuild': {
      route: 'GET /api/v1/admin/rebuild',
      agencies: { own: 'so-ldtbxh', other: 'h-ba-thuoc' },
      allowed: { admin: 'any', inspector: 'any' },
      send: (as) => as.get('/api/v1/admin/rebuild'),
    },
  };

  const cases = Object.entries(actions).flatMap(([name, action]) =>
    ROLES.flatMap((role) =>
      (['own', 'other'] as const).map((whose) => {
        const scope = action.allowed[role];
        const allowed = scope === 'any' || (scope === 'own' && whose === 'own');
        return [name, role, whose, allowed] as const;
      }),
    ),
  );

  it.each(cases)('%s as %s of %s agency: allowed %s', async (name, role, whose, allowed) => {
    const action = actions[name];
    const agency = (action.byRole?.[role] ?? action.agencies)[whose];
    const response = await action.send(fx.client(`${role}-${agency}`, role, agency));
    if (allowed) {
      expect([401, 403]).not.toContain(response.status);
      expect(response.status).toBeLessThan(500);
    } else {
      expect(response.status).toBe(403);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
  });

  it('records every read the table made as an inspector in the access log, with its route and status (docs/audit.md, "The access log")', async () => {
    const entries: Array<{ userId: string; route: string; status: number }> = [];
    for (let after = 0; ;) {
      const page = await fx
        .client('inspector-log-reader', 'inspector', 'thanh-tra-tinh')
        .get(`/api/v1/audit/access-log?after=${after}&limit=1000`);
      entries.push(...page.body.entries);
      if (page.body.next === null) break;
      after = page.body.next;
    }
    const reads = Object.values(actions).filter((a) => a.route.startsWith('GET ') && isLoggedRead('GET', a.route.slice(4)));
    expect(reads.length).toBeGreaterThan(20);
    for (const action of reads)
      for (const whose of ['own', 'other'] as const) {
        const agency = (action.byRole?.inspector ?? action.agencies)[whose];
        const logged = entries.filter((e) => e.userId === `inspector-${agency}` && e.route === action.route.slice(4));
        expect([action.route, whose, logged.length > 0]).toEqual([action.route, whose, true]);
      }
    expect(entries.filter((e) => e.route === '/api/v1/agencies')).toEqual([]);
  });

  it('has an action for every /api route the server serves', () => {
    const served = routesOf(fx.server.app)
      .filter((r) => r.url.startsWith('/api/'))
      .map((r) => `${r.method} ${r.url}`);
    const covered = new Set(Object.values(actions).map((a) => a.route));
    expect(served.filter((route) => !covered.has(route))).toEqual([]);
    expect([...covered].filter((route) => !served.includes(route))).toEqual([]);
  });

  it('answers 401 to every action without a valid token', async () => {
    for (const action of Object.values(actions)) expect((await action.send(fx.anonymous())).status).toBe(401);
  });
});
