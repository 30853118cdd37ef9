import { ROLES } from '@dm/contracts';
import { isLoggedRead, routesOf } from '@dm/platform';
import { seed4308Directive } from '@dm/testing';
import { EmbeddedFixture } from './fixture';
import { everyone, inspectors, monitoringOfficers, narrowed, paperReport, scoped, type Action } from './authorization-table.fixtures';
import { recordReporting, reportingActions, type ReportingRecords } from './authorization-reporting.fixtures';
import { progressFileActions, recordProgressFile } from './authorization-progress.fixtures';
import { identityActions } from './authorization-identity.fixtures';

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
describe('authorisation table over HTTP (embedded)', () => {
  const fx = new EmbeddedFixture();
  let directiveId: string;
  /** One-task directives of ubnd-tinh monitored by so-ldtbxh: one amended, one superseded, one revoked by the table. */
  let amended: string;
  let superseded: string;
  let revoked: string;
  let muongLat: string;
  /** The letter's reporting records the table's reporting actions read and write. */
  let reporting: ReportingRecords;
  /** The SHA-256 of the file a progress report of Mường Lát's carries. */
  let progressFile: string;
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
    progressFile = await recordProgressFile(fx, muongLat);
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
    reporting = await recordReporting(fx, directiveId);
  });
  afterAll(() => fx.stop());

  const amendment = { reason: 'Điều chỉnh', authorizingDocument: '12/QĐ-UBND', effectiveOn: '2017-03-01' };
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
    ...progressFileActions(() => ({ assignmentId: muongLat, sha256: progressFile })),
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
    ...reportingActions(() => ({ ...reporting, directiveId })),
    ...identityActions,
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

  it('answers 401 to every action without a valid token (but the public sign-in routes)', async () => {
    for (const action of Object.values(actions).filter((a) => !a.public)) expect((await action.send(fx.anonymous())).status).toBe(401);
  });
});
