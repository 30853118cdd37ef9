import { seed4308Directive } from '@dm/testing';
import { EmbeddedFixture } from './fixture';

/**
 * Every signed-in read of a report or inspection route is appended to the
 * access log before it is answered (docs/audit.md, "The access log"): who,
 * when, what, with which filters, and the status; chained and checkpointed
 * like the events; inspectors and admins read it.
 */
describe('the access log (embedded)', () => {
  const fx = new EmbeddedFixture();
  let assignment: { id: string; agencyId: string };

  beforeAll(async () => {
    await fx.start();
    const issued = await fx.monitoring('vp-ubnd-tinh').post('/api/v1/directives', seed4308Directive());
    expect(issued.status).toBe(201);
    assignment = issued.body.assignments.find((a: { taskNumber: string; role: string }) => a.taskNumber === '3' && a.role === 'lead');
  });
  afterAll(() => fx.stop());

  it('records a read with its caller, route, parameters and filters, in order', async () => {
    const inspector = fx.inspector();
    const { body: before } = await inspector.get('/api/v1/audit/access-log?limit=1000');
    const state = await inspector.get(`/api/v1/audit/assignments/${assignment.id}/state?asOf=2017-06-30`);
    expect(state.status).toBe(200);
    const summary = await fx.officer(assignment.agencyId).get(`/api/v1/reports/summary?period=2017-Q2&agencyId=${assignment.agencyId}`);
    expect(summary.status).toBe(200);
    const after = before.entries.length ? before.entries[before.entries.length - 1].position : 0;
    const { body } = await inspector.get(`/api/v1/audit/access-log?after=${after}`);
    const reads = body.entries.map((e: Record<string, unknown>) => ({ userId: e.userId, role: e.role, route: e.route, status: e.status }));
    expect(reads).toEqual([
      { userId: 'inspector-1', role: 'inspector', route: '/api/v1/audit/access-log', status: 200 },
      { userId: 'inspector-1', role: 'inspector', route: '/api/v1/audit/assignments/:id/state', status: 200 },
      { userId: `ao-${assignment.agencyId}`, role: 'agency_officer', route: '/api/v1/reports/summary', status: 200 },
    ]);
    expect(body.entries[1]).toMatchObject({ params: { id: assignment.id }, query: { asOf: '2017-06-30' }, agencyId: 'thanh-tra-tinh' });
    expect(body.entries[2].query).toEqual({ period: '2017-Q2', agencyId: assignment.agencyId });
    expect(body.entries[2].at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('records refused reads too, but not the registry’s or unauthenticated requests', async () => {
    const inspector = fx.inspector();
    const { body: before } = await inspector.get('/api/v1/audit/access-log?limit=1000');
    const officer = fx.officer('h-muong-lat');
    expect((await officer.get('/api/v1/audit/verify/progress')).status).toBe(403);
    expect((await officer.get('/api/v1/agencies')).status).toBe(200);
    expect((await fx.anonymous().get('/api/v1/directives')).status).toBe(401);
    const after = before.entries[before.entries.length - 1].position;
    const { body } = await inspector.get(`/api/v1/audit/access-log?after=${after}&userId=ao-h-muong-lat`);
    expect(body.entries.map((e: { route: string; status: number }) => [e.route, e.status])).toEqual([
      ['/api/v1/audit/verify/progress', 403],
    ]);
  });

  it('filters by caller, route and time, and pages with after', async () => {
    const inspector = fx.inspector();
    const start = new Date().toISOString();
    for (let i = 0; i < 3; i++) await fx.officer('h-ba-thuoc').get('/api/v1/directives');
    const page = await inspector.get(`/api/v1/audit/access-log?userId=ao-h-ba-thuoc&route=/api/v1/directives&from=${start}&limit=2`);
    expect(page.body.entries).toHaveLength(2);
    expect(page.body.next).toEqual(expect.any(Number));
    const rest = await inspector.get(`/api/v1/audit/access-log?userId=ao-h-ba-thuoc&after=${page.body.next}`);
    expect(rest.body.entries).toHaveLength(1);
    expect(rest.body.next).toBeNull();
  });

  it('is chained and verified with the event stores', async () => {
    const inspector = fx.inspector();
    await inspector.post('/api/v1/audit/checkpoints', {});
    const verified = await inspector.get('/api/v1/audit/verify');
    const audit = verified.body.stores.find((s: { store: string }) => s.store === 'audit');
    expect(audit).toMatchObject({ ok: true, checkpointsChecked: expect.any(Number) });
    expect(audit.events).toBeGreaterThan(5);
  });

  it('is read by inspectors and admins only, with its filters validated', async () => {
    expect((await fx.officer('h-ba-thuoc').get('/api/v1/audit/access-log')).status).toBe(403);
    expect((await fx.monitoring('so-ldtbxh').get('/api/v1/audit/access-log')).status).toBe(403);
    expect((await fx.client('admin-1', 'admin', null).get('/api/v1/audit/access-log')).status).toBe(200);
    const bad = await fx.inspector().get('/api/v1/audit/access-log?from=yesterday&limit=0');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(JSON.stringify(bad.body)).toMatch(/from|limit/);
  });
});
