import { delay, seed4308Directive } from '@dm/testing';
import { EmbeddedFixture } from './fixture';
import { checkAnswer } from './response-schemas';

type Body = Record<string, any>;

const omitKnownAt = ({ knownAt, ...rest }: Body) => (void knownAt, rest);
/** What a summary or a scorecard list says of its window, without the echoes of how it was asked. */
const REPORT_FIELDS = [
  ...['period', 'kind', 'calendar', 'from', 'to', 'asOf', 'filter', 'agencies'],
  ...['assigned', 'counts', 'carriedOver', 'assignedInWindow', 'lifecycle', 'rates', 'activity', 'requests', 'coordinating'],
];
const report = (body: Body) => Object.fromEntries(REPORT_FIELDS.filter((f) => f in body).map((f) => [f, body[f]]));

/**
 * docs/domain.md, "As known at a time": the 2017-Q1 report as an inspector
 * took it at T, reproduced by knownAt=T after late reports for the quarter
 * were recorded; the present view shows them. The server's clock records,
 * so T is a real instant between the two phases.
 */
describe('knownAt: the read routes as known at a record time (embedded)', () => {
  const fx = new EmbeddedFixture();
  const get = async (path: string) => {
    const answer = await fx.inspector().get(path);
    if (answer.status === 200) expect(checkAnswer('GET', path, answer.body)).toEqual([]);
    return answer;
  };
  const body = async (path: string) => {
    const answer = await get(path);
    expect([path, answer.status]).toEqual([path, 200]);
    return answer.body as Body;
  };
  const at = (path: string, knownAt: string) => `${path}${path.includes('?') ? '&' : '?'}knownAt=${encodeURIComponent(knownAt)}`;

  let directiveId: string;
  let assignments: Array<{ id: string; taskNumber: string; agencyId: string; role: string }>;
  const lead = (task: string, agency: string) =>
    assignments.find((a) => a.taskNumber === task && a.agencyId === agency && a.role === 'lead')!.id;
  const paths = () => ({
    summary: '/api/v1/reports/summary?period=2017-Q1',
    agencies: '/api/v1/reports/agencies?period=2017-Q1',
    list: '/api/v1/directives',
    directive: `/api/v1/directives/${directiveId}?asOf=2017-03-14`,
    assignments: `/api/v1/assignments?directiveId=${directiveId}&asOf=2017-03-14`,
    state: `/api/v1/audit/assignments/${lead('3', 'h-muong-lat')}/state?asOf=2017-03-14`,
    timeline: `/api/v1/audit/assignments/${lead('3', 'h-muong-lat')}/timeline`,
    taskTimeline: `/api/v1/audit/directives/${directiveId}/tasks/3/timeline`,
  });
  type Route = keyof ReturnType<typeof paths>;
  const first = {} as Record<Route, Body>;
  let T: string;

  const progress = async (agency: string, task: string, reportedOn: string, percent: number) =>
    expect(
      (await fx.officer(agency).post(`/api/v1/assignments/${lead(task, agency)}/progress`, { reportedOn, summary: 'Tiến độ', percent }))
        .status,
    ).toBe(201);
  const complete = async (agency: string, completedOn: string, confirmedOn: string) => {
    const id = lead('3', agency);
    expect((await fx.officer(agency).post(`/api/v1/assignments/${id}/completion`, { completedOn, summary: 'Hoàn thành' })).status).toBe(
      201,
    );
    expect((await fx.monitoring().post(`/api/v1/assignments/${id}/confirmation`, { accepted: true, confirmedOn })).status).toBe(200);
  };

  beforeAll(async () => {
    await fx.start();
    const issued = await fx
      .monitoring('vp-ubnd-tinh')
      .post('/api/v1/directives', seed4308Directive({ '3': '2017-03-10', '4': '2017-06-30' }));
    expect(issued.status).toBe(201);
    directiveId = issued.body.id;
    assignments = issued.body.assignments;

    // The quarter's reports, recorded before the report is taken at T.
    await progress('h-muong-lat', '3', '2017-02-20', 30);
    await complete('h-quan-hoa', '2017-03-01', '2017-03-02');
    await progress('so-yt', '4', '2017-03-05', 50);
    for (const [route, path] of Object.entries(paths())) first[route as Route] = await body(path);
    T = new Date().toISOString();
    await delay(20);

    // Late reports for the quarter (business dates within it), and a one-district extension, recorded after T.
    await complete('h-muong-lat', '2017-03-08', '2017-03-09');
    await progress('h-lang-chanh', '3', '2017-03-01', 10);
    const extension = await fx.monitoring().post(`/api/v1/directives/${directiveId}/tasks/3/deadline`, {
      agencyId: 'h-ba-thuoc',
      deadline: '2017-04-30',
      changedOn: '2017-03-05',
      reason: 'Theo đề nghị của UBND huyện Bá Thước',
      authorizingDocument: 'Công văn số 1234/UBND-VX',
    });
    expect(extension.status).toBe(200);
  });
  afterAll(() => fx.stop());

  it('reproduces the 2017-Q1 summary and scorecards taken at T exactly, while the present view counts the late reports', async () => {
    for (const route of ['summary', 'agencies'] as const) {
      const then = await body(at(paths()[route], T));
      expect(then.knownAt).toBe(T);
      expect(report(then)).toEqual(report(first[route]));
      expect(report(await body(paths()[route]))).not.toEqual(report(first[route]));
    }
    const now = await body(paths().summary);
    expect(now.knownAt).toBeNull();
    expect(now.counts.completedOnTime - first.summary.counts.completedOnTime).toBe(1);
    expect(now.counts.overdue - first.summary.counts.overdue).toBe(-2);
    expect(now.activity.progressReports - first.summary.activity.progressReports).toBe(1);
  });

  it('reproduces every other route as answered at T: directives, assignments, a state, a timeline, a task timeline', async () => {
    for (const route of ['list', 'directive', 'assignments', 'state', 'timeline', 'taskTimeline'] as const) {
      const then = await body(at(paths()[route], T));
      expect([route, then.knownAt]).toEqual([route, T]);
      expect([route, omitKnownAt(then)]).toEqual([route, omitKnownAt(first[route])]);
    }
    expect((await body(paths().state)).status).toBe('completedOnTime');
    expect((await body(paths().timeline)).events).toHaveLength(first.timeline.events.length + 2);
    expect((await body(paths().taskTimeline)).events.length).toBeGreaterThan(first.taskTimeline.events.length);
    const task3 = (answer: Body) => answer.tasks.find((t: { number: string }) => t.number === '3');
    expect(task3(await body(paths().directive)).amendments).toHaveLength(1);
    expect(task3(first.directive).amendments).toEqual([]);
  });

  it("keeps a change of the directive recorded after T out of T's view, whatever its business date", async () => {
    const baThuoc = `/api/v1/audit/assignments/${lead('3', 'h-ba-thuoc')}/state?asOf=2017-03-14`;
    expect(await body(at(baThuoc, T))).toMatchObject({ status: 'overdue', deadline: '2017-03-10', knownAt: T });
    expect(await body(baThuoc)).toMatchObject({ status: 'inProgressWithinDeadline', deadline: '2017-04-30', knownAt: null });
  });

  it('reads an offset or a date the same as the instant it names, and echoes it in UTC; a future one is now', async () => {
    const vietnam = new Date(Date.parse(T) + 7 * 3600_000).toISOString().replace('Z', '+07:00');
    const withOffset = await body(at(paths().summary, vietnam));
    expect([withOffset.knownAt, report(withOffset)]).toEqual([T, report(first.summary)]);

    const now = report(await body(paths().summary));
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const endOfToday = await body(at(paths().summary, today));
    expect([endOfToday.knownAt, report(endOfToday)]).toEqual([`${today}T16:59:59.999Z`, now]);
    expect(report(await body(at(paths().summary, '2999-01-01T00:00:00Z')))).toEqual(now);
  });

  it('before anything was recorded: 404 naming knownAt for one directive, assignment or task; empty lists and zero summaries', async () => {
    const before = '2017-04-05';
    for (const route of ['directive', 'state', 'timeline', 'taskTimeline'] as const) {
      const answer = await get(at(paths()[route], before));
      expect([route, answer.status, answer.body.errors?.[0]?.field]).toEqual([route, 404, 'knownAt']);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      expect(answer.body.detail).toContain('2017-04-05T16:59:59.999Z');
    }
    expect((await body(at(paths().list, before))).directives).toEqual([]);
    expect((await body(at(paths().assignments, before))).assignments).toEqual([]);
    expect((await body(at(paths().agencies, before))).agencies).toEqual([]);
    const summary = await body(at(paths().summary, before));
    expect([summary.assigned, summary.counts.total, summary.requests.assigned, summary.coordinating.assigned]).toEqual([0, 0, 0, 0]);
  });

  it('answers knownAt=garbage with 400 problem+json naming knownAt, on every route', async () => {
    for (const [route, path] of Object.entries(paths())) {
      const answer = await get(at(path, 'garbage'));
      expect([route, answer.status, answer.body.errors?.map((e: { field: string }) => e.field)]).toEqual([route, 400, ['knownAt']]);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
    }
  });
});
