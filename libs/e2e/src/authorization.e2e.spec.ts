import { ROLES, type UserRole } from '@dm/contracts';
import { seed4308Directive, type ApiResponse } from '@dm/testing';
import { EmbeddedFixture } from './fixture';

/**
 * Who may do what, asked of the live HTTP server: every role × every action ×
 * an agency the action concerns ("own") or another one. The expected table is
 * written out here, not read from the policy modules, so a broken policy or a
 * route that forgets its policy fails it. An allowed call may still be
 * refused for what it says (400, 404, 409); a refused one is 403, whatever
 * its body.
 */
type Scope = 'own' | 'any';
type Action = {
  /** The agency whose officer acts "for its own", and one that has nothing to do with the resource. */
  agencies: { own: string; other: string };
  allowed: Partial<Record<UserRole, Scope>>;
  send: (as: ReturnType<EmbeddedFixture['client']>) => Promise<ApiResponse>;
};

const everyone: Partial<Record<UserRole, Scope>> = { agency_officer: 'any', monitoring_officer: 'any', inspector: 'any', admin: 'any' };

describe('authorisation table over HTTP (embedded)', () => {
  const fx = new EmbeddedFixture();
  let directiveId: string;
  let muongLat: string;
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
  });
  afterAll(() => fx.stop());

  const actions: Record<string, Action> = {
    'issue a directive in the name of ubnd-tinh': {
      agencies: { own: 'vp-ubnd-tinh', other: 'so-ldtbxh' },
      allowed: { monitoring_officer: 'own' },
      send: (as) => as.post('/api/v1/directives', { ...seed4308Directive(), number: `${next()}/TABLE` }),
    },
    'change a task deadline': {
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
      agencies: { own: 'so-ldtbxh', other: 'so-yt' },
      allowed: { monitoring_officer: 'own' },
      send: (as) => as.post(`/api/v1/directives/${directiveId}/tasks/9/cancel`, { reason: 'Gộp nhiệm vụ', cancelledOn: '2017-09-01' }),
    },
    'report progress': {
      agencies: { own: 'h-muong-lat', other: 'h-ba-thuoc' },
      allowed: { agency_officer: 'own' },
      send: (as) => as.post(`/api/v1/assignments/${muongLat}/progress`, { reportedOn: '2017-03-01', summary: 'Tiến độ' }),
    },
    'report a completion': {
      agencies: { own: 'h-muong-lat', other: 'h-ba-thuoc' },
      allowed: { agency_officer: 'own' },
      send: (as) => as.post(`/api/v1/assignments/${muongLat}/completion`, { completedOn: '2017-05-21', summary: 'Hoàn thành' }),
    },
    'confirm or return a completion': {
      agencies: { own: 'so-ldtbxh', other: 'so-yt' },
      allowed: { monitoring_officer: 'own' },
      send: (as) =>
        as.post(`/api/v1/assignments/${muongLat}/confirmation`, { accepted: false, reason: 'Thiếu số liệu', returnedOn: '2017-05-22' }),
    },
    'list directives': {
      agencies: { own: 'so-ldtbxh', other: 'h-ba-thuoc' },
      allowed: everyone,
      send: (as) => as.get('/api/v1/directives'),
    },
    'read a directive': {
      agencies: { own: 'so-ldtbxh', other: 'h-ba-thuoc' },
      allowed: everyone,
      send: (as) => as.get(`/api/v1/directives/${directiveId}?asOf=2017-03-01`),
    },
    'list assignments': {
      agencies: { own: 'h-muong-lat', other: 'h-ba-thuoc' },
      allowed: everyone,
      send: (as) => as.get('/api/v1/assignments?agencyId=h-muong-lat&asOf=2017-03-01'),
    },
    'read a summary': {
      agencies: { own: 'so-ldtbxh', other: 'h-ba-thuoc' },
      allowed: everyone,
      send: (as) => as.get('/api/v1/reports/summary?period=2017-Q1'),
    },
    'read scorecards': {
      agencies: { own: 'so-ldtbxh', other: 'h-ba-thuoc' },
      allowed: everyone,
      send: (as) => as.get('/api/v1/reports/agencies?period=2017'),
    },
    'read a timeline': {
      agencies: { own: 'h-muong-lat', other: 'h-ba-thuoc' },
      allowed: everyone,
      send: (as) => as.get(`/api/v1/audit/assignments/${muongLat}/timeline`),
    },
    'read a state': {
      agencies: { own: 'h-muong-lat', other: 'h-ba-thuoc' },
      allowed: everyone,
      send: (as) => as.get(`/api/v1/audit/assignments/${muongLat}/state?asOf=2017-03-01`),
    },
    'read the registry': {
      agencies: { own: 'so-ldtbxh', other: 'h-ba-thuoc' },
      allowed: everyone,
      send: (as) => as.get('/api/v1/agencies'),
    },
    'read a group': {
      agencies: { own: 'so-ldtbxh', other: 'h-ba-thuoc' },
      allowed: everyone,
      send: (as) => as.get('/api/v1/agencies/groups/ubnd-huyen?asOf=2017-02-10'),
    },
    'rebuild the read models': {
      agencies: { own: 'so-ldtbxh', other: 'h-ba-thuoc' },
      allowed: { admin: 'any' },
      send: (as) => as.post('/api/v1/admin/rebuild', {}),
    },
    'follow a rebuild': {
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
    const agency = action.agencies[whose];
    const response = await action.send(fx.client(`${role}-${agency}`, role, agency));
    if (allowed) {
      expect([401, 403]).not.toContain(response.status);
      expect(response.status).toBeLessThan(500);
    } else {
      expect(response.status).toBe(403);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
  });

  it('answers 401 to every action without a valid token', async () => {
    for (const action of Object.values(actions)) expect((await action.send(fx.anonymous())).status).toBe(401);
  });
});
