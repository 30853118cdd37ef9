import { seed4308Directive } from '@dm/testing';
import { EmbeddedFixture } from './fixture';

type Entry = {
  type: string;
  streamId: string;
  store: string;
  actor: { userId: string };
  recordedAt: string;
  data: Record<string, unknown>;
};

/**
 * Timelines read from the event stores for inspectors (docs/audit.md,
 * "Inspection API"): by assignment, task, directive, agency and registry,
 * filtered by type, actor and time, paginated; and what changed between two
 * record times.
 */
describe('inspection timelines from the event stores (embedded)', () => {
  const fx = new EmbeddedFixture();
  let directiveId: string;
  let muongLat: { id: string; agencyId: string };
  let baThuoc: { id: string; agencyId: string };
  let task1: { id: string; agencyId: string };
  let between: string;

  const events = async (query: string) => {
    const answer = await fx.inspector().get(`/api/v1/audit/events?${query}`);
    expect(answer.status).toBe(200);
    return answer.body as { total: number; events: Entry[]; next: number | null };
  };

  beforeAll(async () => {
    await fx.start();
    const issued = await fx.monitoring('vp-ubnd-tinh').post('/api/v1/directives', seed4308Directive({ '3': '2017-06-30' }));
    expect(issued.status).toBe(201);
    directiveId = issued.body.id;
    const find = (task: string, agency?: string) =>
      issued.body.assignments.find(
        (a: { taskNumber: string; agencyId: string; role: string }) =>
          a.taskNumber === task && a.role === 'lead' && (!agency || a.agencyId === agency),
      );
    muongLat = find('3', 'h-muong-lat');
    baThuoc = find('3', 'h-ba-thuoc');
    task1 = find('1');
    for (const a of [muongLat, baThuoc, task1])
      expect(
        (
          await fx
            .officer(a.agencyId)
            .post(`/api/v1/assignments/${a.id}/progress`, { reportedOn: '2017-03-01', summary: 'Lần 1', percent: 10 })
        ).status,
      ).toBe(201);
    await new Promise((r) => setTimeout(r, 5));
    between = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));
    const extended = await fx.monitoring('so-ldtbxh').post(`/api/v1/directives/${directiveId}/tasks/3/deadline`, {
      deadline: '2017-09-30',
      reason: 'Huyện đề nghị gia hạn',
      authorizingDocument: 'Công văn 123/UBND-VX',
      agencyId: 'h-muong-lat',
    });
    expect(extended.status).toBe(200);
    expect(
      (
        await fx
          .officer('h-muong-lat')
          .post(`/api/v1/assignments/${muongLat.id}/progress`, { reportedOn: '2017-03-05', summary: 'Lần 2', percent: 30 })
      ).status,
    ).toBe(201);
  });
  afterAll(() => fx.stop());

  it("an assignment's: its directive's events that concern it, and its own, oldest record first", async () => {
    const { events: list } = await events(`assignmentId=${muongLat.id}`);
    expect(list.map((e) => e.type)).toEqual([
      'directive.issued',
      'assignment.progress-reported',
      'directive.task-deadline-changed',
      'assignment.progress-reported',
    ]);
    expect(list.filter((e) => e.streamId.startsWith('assignment-')).every((e) => e.streamId === `assignment-${muongLat.id}`)).toBe(true);
    expect(list[2].data).toMatchObject({ reason: 'Huyện đề nghị gia hạn', authorizingDocument: 'Công văn 123/UBND-VX' });
  });

  it("a task's: every assignment of the task, no other task's", async () => {
    const { events: list } = await events(`directiveId=${directiveId}&taskNo=3&type=assignment.`);
    const streams = new Set(list.map((e) => e.streamId));
    expect(streams).toEqual(new Set([`assignment-${muongLat.id}`, `assignment-${baThuoc.id}`]));
  });

  it("a directive's: its stream and every assignment's, both stores", async () => {
    const { events: list, total } = await events(`directiveId=${directiveId}`);
    expect(total).toBe(6);
    expect(new Set(list.map((e) => e.store))).toEqual(new Set(['task-assignment', 'progress-events']));
  });

  it("an agency's: its assignments, and the registry changes that name it", async () => {
    const { events: list } = await events('agencyId=h-ba-thuoc');
    expect(list.filter((e) => e.type.startsWith('assignment.')).map((e) => e.streamId)).toEqual([`assignment-${baThuoc.id}`]);
    expect(list.some((e) => e.type.startsWith('registry.'))).toBe(true);
  });

  it("the registry's, paginated", async () => {
    const first = await events('registry=true&limit=3');
    expect(first.events).toHaveLength(3);
    expect(first.next).toBe(3);
    const second = await events(`registry=true&limit=3&after=${first.next}`);
    expect(second.events[0]).not.toEqual(first.events[0]);
    expect(first.total).toBeGreaterThan(6);
  });

  it('filters by actor and time', async () => {
    const byOfficer = await events(`directiveId=${directiveId}&userId=ao-h-muong-lat`);
    expect(byOfficer.events.map((e) => e.actor.userId)).toEqual(['ao-h-muong-lat', 'ao-h-muong-lat']);
    const later = await events(`directiveId=${directiveId}&from=${between}`);
    expect(later.events.map((e) => e.type)).toEqual(['directive.task-deadline-changed', 'assignment.progress-reported']);
  });

  it('shows what changed between two record times', async () => {
    const answer = await fx.inspector().get(`/api/v1/audit/changes?from=${between}`);
    expect(answer.status).toBe(200);
    expect(answer.body.byType).toEqual({ 'directive.task-deadline-changed': 1, 'assignment.progress-reported': 1 });
    expect(answer.body.streams).toEqual([`assignment-${muongLat.id}`, `directive-${directiveId}`].sort());
    const none = await fx.inspector().get(`/api/v1/audit/changes?from=2017-01-01T00:00:00Z&to=2017-12-31T00:00:00Z`);
    expect(none.body.total).toBe(0);
  });

  it('refuses what it cannot answer, naming the field, and every role but inspectors and admins', async () => {
    const inspector = fx.inspector();
    expect((await inspector.get('/api/v1/audit/events')).status).toBe(400);
    expect((await inspector.get('/api/v1/audit/events?taskNo=3')).body).toMatchObject({ status: 400 });
    expect(JSON.stringify((await inspector.get(`/api/v1/audit/events?directiveId=${directiveId}&type=Bad Type`)).body)).toMatch(/type/);
    expect((await inspector.get('/api/v1/audit/events?assignmentId=0190f3c4-0000-7000-8000-000000000000')).status).toBe(404);
    expect((await inspector.get('/api/v1/audit/changes')).status).toBe(400);
    expect((await fx.officer('h-muong-lat').get(`/api/v1/audit/events?assignmentId=${muongLat.id}`)).status).toBe(403);
  });
});
