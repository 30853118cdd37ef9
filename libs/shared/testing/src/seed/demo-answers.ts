import type { ApiClient } from '../api-client';

/** One read of API v1 and what it answered. */
export interface RecordedAnswer {
  status: number;
  body: unknown;
}

const DATES = ['2017-02-09', '2017-02-10', '2017-03-01', '2017-06-30', '2017-11-30', '2017-12-31'];
const PERIODS = ['2017', '2017-Q1', '2017-Q2', '2017-Q3', '2017-Q4', '2017-H1', '2017-H2', '2017-M9', '2017-03', '2017-12'];

/**
 * The read paths whose answers a data directory written by `npm run cli --
 * demo` must keep giving: the registry, the directive as of several dates,
 * assignment lists with every filter, summaries and scorecards on both
 * calendars, and the timeline and state of a fixed sample of assignments,
 * plus a few refusals. Every path names its dates, so answers do not
 * depend on the day the test runs.
 */
export async function demoReadPaths(inspector: ApiClient): Promise<string[]> {
  const list = await inspector.getAll('/api/v1/directives', ['directives']);
  const directiveId: string = list.body.directives[0].id;
  const leads = await inspector.getAll(`/api/v1/assignments?directiveId=${directiveId}&asOf=2017-12-31`, ['assignments']);
  const coordinating = await inspector.getAll(`/api/v1/assignments?directiveId=${directiveId}&role=coordinating&asOf=2017-12-31`, [
    'assignments',
  ]);
  const all = { body: { assignments: [...leads.body.assignments, ...coordinating.body.assignments] } };
  const ids: string[] = all.body.assignments.map((a: { id: string }) => a.id).sort();
  const reported: string[] = all.body.assignments
    .filter((a: { state: { lastReportedOn: string | null } }) => a.state.lastReportedOn !== null)
    .map((a: { id: string }) => a.id)
    .sort();
  const sample = [...new Set([...ids.filter((_, i) => i % 12 === 0), ...reported.filter((_, i) => i % 2 === 0)])];

  const paths = ['/api/v1/agencies', '/api/v1/agencies/groups/ubnd-huyen?asOf=2017-02-10', '/api/v1/directives'];
  for (const asOf of DATES) paths.push(`/api/v1/directives/${directiveId}?asOf=${asOf}`);
  for (const asOf of ['2017-03-01', '2017-12-31']) {
    paths.push(`/api/v1/assignments?asOf=${asOf}`);
    paths.push(`/api/v1/assignments?agencyId=h-muong-lat&asOf=${asOf}`);
    for (const status of ['completedOnTime', 'completedLate', 'inProgressWithinDeadline', 'overdue', 'noDeadline']) {
      paths.push(`/api/v1/assignments?directiveId=${directiveId}&status=${status}&asOf=${asOf}`);
    }
    paths.push(`/api/v1/assignments?directiveId=${directiveId}&role=coordinating&asOf=${asOf}`);
    paths.push(`/api/v1/assignments?directiveId=${directiveId}&lifecycle=cancelled&asOf=${asOf}`);
  }
  for (const calendar of ['decree09', 'calendar']) {
    for (const period of PERIODS) {
      paths.push(`/api/v1/reports/summary?period=${period}&calendar=${calendar}`);
      paths.push(`/api/v1/reports/agencies?period=${period}&calendar=${calendar}`);
    }
    paths.push(`/api/v1/reports/summary?period=2017&calendar=${calendar}&agencyId=so-ldtbxh`);
    paths.push(`/api/v1/reports/summary?period=2017&calendar=${calendar}&directiveId=${directiveId}`);
    paths.push(`/api/v1/reports/agencies?period=2017&calendar=${calendar}&directiveId=${directiveId}`);
  }
  for (const id of sample) {
    paths.push(`/api/v1/audit/assignments/${id}/timeline`);
    for (const asOf of ['2017-02-09', '2017-06-30', '2017-12-31']) paths.push(`/api/v1/audit/assignments/${id}/state?asOf=${asOf}`);
  }
  paths.push(
    '/api/v1/audit/assignments/00000000-0000-0000-0000-000000000000/state?asOf=2017-12-31',
    `/api/v1/audit/assignments/${ids[0]}/state?asOf=2017-02-30`,
    '/api/v1/reports/summary?period=2017-Q5',
    '/api/v1/directives/00000000-0000-0000-0000-000000000000?asOf=2017-12-31',
  );
  return paths;
}

/** The arrays of the paged lists among `demoReadPaths` (docs/security.md, "Pages of a list"), by the route's path. */
const PAGED: Record<string, string[]> = {
  '/api/v1/agencies': ['agencies', 'groups'],
  '/api/v1/directives': ['directives'],
  '/api/v1/assignments': ['assignments'],
  '/api/v1/reports/agencies': ['agencies'],
};

/**
 * The answers to `demoReadPaths`, by path; a list read whole (each `next`
 * followed) and recorded without `next`, as the lists were answered before
 * they had pages.
 */
export async function recordDemoAnswers(inspector: ApiClient): Promise<Record<string, RecordedAnswer>> {
  const answers: Record<string, RecordedAnswer> = {};
  for (const path of await demoReadPaths(inspector)) {
    const arrays = PAGED[path.split('?')[0]];
    const { status, body } = arrays ? await inspector.getAll(path, arrays) : await inspector.get(path);
    answers[path] = { status, body: withoutCheckpoints(arrays ? withoutNext(body) : body) };
  }
  return answers;
}

/** A whole list's answer without its `next` (null once every page is read). */
function withoutNext(body: unknown): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body) || !('next' in body)) return body;
  const { next: _next, ...rest } = body as Record<string, unknown>;
  return rest;
}

/** The checkpoints an answer names are this deployment's signed heads at the time of the read, not what the data says: recorded as none. */
function withoutCheckpoints(body: unknown): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body) || !('checkpoints' in body)) return body;
  return { ...body, checkpoints: [] };
}
