import { seed4308Directive } from '@dm/testing';
import { EmbeddedFixture } from './fixture';

/**
 * Many writers on one stream at once. Before the per-stream queue, 50
 * concurrent progress reports on one assignment gave 43 × 500 and 45
 * concurrent deadline changes 40 × 500, once five retries were used up.
 */
describe('concurrent writers on one stream (embedded)', () => {
  const fx = new EmbeddedFixture();
  let directiveId: string;
  let assignment: string;
  const ownEvents = async () =>
    (await fx.inspector().get(`/api/v1/audit/assignments/${assignment}/timeline`)).body.events.filter(
      (e: { source: string }) => e.source === 'a',
    );

  beforeAll(async () => {
    await fx.start();
    const issued = await fx.monitoring('vp-ubnd-tinh').post('/api/v1/directives', seed4308Directive({ '3': '2017-06-30' }));
    directiveId = issued.body.id;
    assignment = issued.body.assignments.find(
      (a: { taskNumber: string; agencyId: string }) => a.taskNumber === '3' && a.agencyId === 'h-muong-lat',
    ).id;
  });
  afterAll(() => fx.stop());

  it('50 concurrent progress reports on one assignment: no 5xx, and every 2xx is one event', async () => {
    const officers = Array.from({ length: 5 }, (_, i) => fx.client(`officer-${i}`, 'agency_officer', 'h-muong-lat'));
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        officers[i % 5].post(`/api/v1/assignments/${assignment}/progress`, {
          reportedOn: '2017-03-01',
          summary: `Báo cáo ${i}`,
          percent: i % 100,
        }),
      ),
    );
    expect(answers.filter((a) => a.status >= 500)).toEqual([]);
    const written = answers.filter((a) => a.status >= 200 && a.status < 300);
    expect(written).toHaveLength(50);
    const events = await ownEvents();
    expect(events).toHaveLength(written.length);
    expect(new Set(written.map((a) => a.body.eventId))).toEqual(new Set(events.map((e: { eventId: string }) => e.eventId)));
    expect(new Set(written.map((a) => a.body.revision)).size).toBe(50);
  });

  it('50 concurrent sends of one keyed report write it once and answer it to all', async () => {
    const before = (await ownEvents()).length;
    const officer = fx.officer('h-muong-lat');
    const body = { reportedOn: '2017-03-02', summary: 'Một báo cáo, gửi lại nhiều lần', percent: 50 };
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        officer.post(`/api/v1/assignments/${assignment}/progress`, body, { 'idempotency-key': 'same-report' }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(201));
    expect(new Set(answers.map((a) => a.body.eventId)).size).toBe(1);
    expect(answers.filter((a) => a.headers.get('idempotent-replayed') === 'true')).toHaveLength(49);
    expect(await ownEvents()).toHaveLength(before + 1);
  });

  it('45 concurrent deadline changes on one directive: no 5xx, and every 2xx is one change', async () => {
    const monitoring = fx.monitoring();
    const deadlines = Array.from(
      { length: 45 },
      (_, i) => `2017-${String(7 + Math.floor(i / 28)).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    );
    const answers = await Promise.all(
      deadlines.map((deadline) =>
        monitoring.post(`/api/v1/directives/${directiveId}/tasks/3/deadline`, {
          deadline,
          reason: 'Gia hạn',
          authorizingDocument: '1/UBND',
          changedOn: '2017-06-01',
        }),
      ),
    );
    expect(answers.filter((a) => a.status >= 500)).toEqual([]);
    const changed = answers.filter((a) => a.status === 200);
    expect(changed).toHaveLength(45);
    const timeline = (await fx.inspector().get(`/api/v1/audit/assignments/${assignment}/timeline`)).body.events;
    const changes = timeline.filter((e: { type: string }) => e.type === 'directive.task-deadline-changed');
    expect(changes).toHaveLength(changed.length);
    // Each change names the deadline in force before it: the changes form one chain.
    const chain = changes.map((e: { data: { previousDeadline: string | null; deadline: string } }) => e.data);
    chain.forEach((c: { previousDeadline: string | null }, i: number) =>
      expect(c.previousDeadline).toBe(i === 0 ? '2017-06-30' : chain[i - 1].deadline),
    );
  });

  it('the same deadline sent 20 times at once is one change and 19 conflicts, never a 5xx', async () => {
    const monitoring = fx.monitoring();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        monitoring.post(`/api/v1/directives/${directiveId}/tasks/4/deadline`, {
          deadline: '2017-12-31',
          reason: 'Gia hạn',
          authorizingDocument: '2/UBND',
          changedOn: '2017-06-01',
        }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, ...Array(19).fill(409)]);
  });
});
