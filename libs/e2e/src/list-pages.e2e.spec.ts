import { randomUUID } from 'node:crypto';
import { executeDirectly } from '@dm/composition';
import { openApiDocument } from '@dm/contracts';
import { seed4308Directive, type ApiClient } from '@dm/testing';
import { EmbeddedFixture } from './fixture';
import { recordReporting } from './authorization-reporting.fixtures';

/**
 * Every list is answered a page at a time (docs/security.md, "Pages of a list"): `limit`
 * from 1 to 1000 (500 by default), `after` the `next` of the page before.
 * Walking a list with a small page visits the same items as one big page,
 * each once, and ends with `next` null; a bad `limit` or `after` is a 400
 * problem naming it. Several directives are issued on the same day, so the
 * order's tie-breaker (the id) is walked too.
 */
describe('pages of every list (embedded)', () => {
  const fx = new EmbeddedFixture();
  let directiveId: string;
  const admin = () => fx.client('admin-1', 'admin', null);

  /** Each list: how it is asked for, by whom, and the arrays it answers (their items' identity). */
  const lists: Array<{ path: () => string; as: () => ApiClient; arrays: Record<string, (item: any) => string> }> = [
    { path: () => '/api/v1/directives', as: () => fx.inspector(), arrays: { directives: (d) => d.id } },
    { path: () => '/api/v1/directives?knownAt=2100-01-01', as: () => fx.monitoring('so-ldtbxh'), arrays: { directives: (d) => d.id } },
    { path: () => '/api/v1/assignments?asOf=2017-12-31', as: () => fx.inspector(), arrays: { assignments: (a) => a.id } },
    {
      path: () => `/api/v1/assignments?asOf=2017-12-31&role=coordinating&directiveId=${directiveId}`,
      as: () => fx.inspector(),
      arrays: { assignments: (a) => a.id },
    },
    {
      path: () => '/api/v1/assignments?asOf=2017-12-31&agencyId=h-muong-lat',
      as: () => fx.monitoring(),
      arrays: { assignments: (a) => a.id },
    },
    { path: () => '/api/v1/assignments?asOf=2017-12-31', as: () => fx.officer('h-muong-lat'), arrays: { assignments: (a) => a.id } },
    { path: () => '/api/v1/agencies', as: () => fx.inspector(), arrays: { agencies: (a) => a.id, groups: (g) => g.id } },
    {
      path: () => '/api/v1/agencies?asOf=2017-02-10',
      as: () => fx.officer('h-muong-lat'),
      arrays: { agencies: (a) => a.id, groups: (g) => g.id },
    },
    { path: () => '/api/v1/accounts', as: admin, arrays: { accounts: (a) => a.username } },
    { path: () => '/api/v1/reports/issued', as: () => fx.monitoring(), arrays: { reports: (r) => r.reportId } },
    { path: () => '/api/v1/reports/agencies?period=2017', as: () => fx.inspector(), arrays: { agencies: (a) => a.agencyId } },
    { path: () => '/api/v1/reporting/submissions', as: () => fx.inspector(), arrays: { submissions: (s) => s.eventId } },
    {
      path: () => '/api/v1/reporting/compliance?from=2017-01-01&to=2017-12-31&asOf=2017-12-31',
      as: () => fx.inspector(),
      arrays: { instances: (i) => `${i.directiveId} ${i.dutyId} ${i.period} ${i.agencyId} ${i.recipient}`, agencies: (a) => a.agencyId },
    },
    {
      path: () => '/api/v1/audit/checkpoints',
      as: () => fx.inspector(),
      arrays: { checkpoints: (c) => `${c.store} ${c.treeSize} ${c.time}` },
    },
  ];
  const withQuery = (path: string, query: string) => `${path}${path.includes('?') ? '&' : '?'}${query}`;
  const idsOf = (body: any, arrays: Record<string, (item: any) => string>) =>
    Object.entries(arrays).flatMap(([name, id]) => (body[name] as unknown[]).map((item) => `${name}:${id(item)}`));

  const rateLimit = process.env.RATE_LIMIT;
  beforeAll(async () => {
    // Walking every list a few items a page is a burst of reads; the rate limit has its own tests.
    process.env.RATE_LIMIT = 'off';
    await fx.start();
    const issued = await fx.monitoring('vp-ubnd-tinh').post('/api/v1/directives', seed4308Directive({ '3': '2017-06-30' }));
    expect(issued.status).toBe(201);
    directiveId = issued.body.id;
    // More directives, four of them on one day, so pages split a day's directives.
    const task = {
      number: '1',
      text: 'Báo cáo kết quả',
      mode: 'giao' as const,
      lead: ['so-tc'],
      coordinating: ['so-yt'],
      deadline: null,
      reportDuty: null,
    };
    for (const [i, issuedOn] of ['2017-03-01', '2017-03-01', '2017-03-01', '2017-03-01', '2017-04-10'].entries()) {
      const more = await fx
        .monitoring('vp-ubnd-tinh')
        .post('/api/v1/directives', { ...seed4308Directive(), number: `${i + 1}/PAGES`, issuedOn, tasks: [task] });
      expect(more.status).toBe(201);
    }
    await recordReporting(fx, directiveId);
    // More submissions (other agencies and periods) and issued reports (other periods), so those lists span pages too.
    for (const [agencyId, period] of [
      ['h-ba-thuoc', '2017-Q1'],
      ['h-muong-lat', '2017-Q2'],
      ['h-nga-son', '2017-Q2'],
    ]) {
      const attachment = {
        fileName: 'bao-cao.pdf',
        mediaType: 'application/pdf',
        contentBase64: Buffer.from(`Báo cáo ${period}`).toString('base64'),
      };
      const submitted = await fx
        .officer(agencyId)
        .post(`/api/v1/reporting/regimes/${directiveId}/submissions`, { dutyId: 'quy', period, agencyId, attachment });
      expect(submitted.status).toBe(201);
    }
    for (const [period, date] of [
      ['2017-Q2', '2017-06-20'],
      ['2017-Q3', '2017-09-20'],
    ]) {
      const report = { period, number: `${period}/BC-SLĐTBXH`, place: 'Thanh Hóa', date, directiveId };
      expect((await fx.monitoring().post('/api/v1/reports/issued', report)).status).toBe(201);
    }
    const accounts = fx.server.runtime.identity.accounts(executeDirectly(fx.server.runtime.identityStore));
    for (const username of ['an', 'binh', 'chi', 'dung', 'em']) {
      await accounts.create(
        { username, password: `mật khẩu của ${username} 2017`, displayName: username, agencyId: 'so-tc', roles: ['agency_officer'] },
        {
          commandId: randomUUID(),
          bodyHash: '',
          keyed: false,
          actor: { userId: 'cli', agencyId: null, role: 'system' },
          correlationId: randomUUID(),
          occurredAt: new Date().toISOString(),
        },
      );
    }
    for (let i = 0; i < 2; i++) expect((await fx.inspector().post('/api/v1/audit/checkpoints', {})).status).toBe(201);
  });
  afterAll(async () => {
    if (rateLimit === undefined) delete process.env.RATE_LIMIT;
    else process.env.RATE_LIMIT = rateLimit;
    await fx.stop();
  });

  it.each(lists.map((l, i) => [i, l] as const))(
    'list %i: a bad limit or after is a 400 naming it; limit=1000 is accepted',
    async (_, list) => {
      const as = list.as();
      const ok = await as.get(withQuery(list.path(), 'limit=1000'));
      expect({ path: list.path(), status: ok.status }).toEqual({ path: list.path(), status: 200 });
      expect(ok.body.next).toBeNull();
      for (const [query, field] of [
        ['limit=1001', 'limit'],
        ['limit=0', 'limit'],
        ['limit=abc', 'limit'],
        ['limit=2.5', 'limit'],
        ['limit=-1', 'limit'],
        ['after=not-a-cursor!', 'after'],
        [`after=${Buffer.from('{"a":1}').toString('base64url')}`, 'after'],
        [`after=${Buffer.from('[true]').toString('base64url')}`, 'after'],
        [`after=${Buffer.from('["x"]').toString('base64url')}=`, 'after'],
      ]) {
        const bad = await as.get(withQuery(list.path(), query));
        expect({ path: list.path(), query, status: bad.status }).toEqual({ path: list.path(), query, status: 400 });
        expect(bad.headers.get('content-type')).toContain('application/problem+json');
        expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
      }
    },
  );

  it.each(lists.map((l, i) => [i, l] as const))(
    'list %i: walked 2 and 3 at a time, visits what one page holds, each once',
    async (_, list) => {
      const as = list.as();
      const whole = await as.get(withQuery(list.path(), 'limit=1000'));
      const all = idsOf(whole.body, list.arrays);
      expect(all.length).toBeGreaterThan(2);
      expect(new Set(all).size).toBe(all.length);
      for (const limit of [2, 3]) {
        const seen: string[] = [];
        let after: string | null = null;
        let pages = 0;
        do {
          const page: { status: number; body: any } = await as.get(
            withQuery(list.path(), `limit=${limit}${after ? `&after=${encodeURIComponent(after)}` : ''}`),
          );
          expect(page.status).toBe(200);
          const ids = idsOf(page.body, list.arrays);
          expect(ids.length).toBeLessThanOrEqual(limit);
          if (page.body.next !== null) expect(ids).toHaveLength(limit);
          seen.push(...ids);
          after = page.body.next;
          expect(++pages).toBeLessThan(1000);
        } while (after !== null);
        expect({ path: list.path(), limit, seen }).toEqual({ path: list.path(), limit, seen: all });
      }
      // The fields beside the arrays are the same on every page.
      const { next: _n, ...rest } = whole.body;
      const first = await as.get(withQuery(list.path(), 'limit=1'));
      for (const name of Object.keys(rest).filter((k) => !(k in list.arrays) && k !== 'checkpoints'))
        expect({ name, value: first.body[name] }).toEqual({ name, value: rest[name] });
    },
  );

  it('gives 500 at most by default, and the same items as a page of 1000 when there are fewer', async () => {
    for (const list of lists) {
      const as = list.as();
      const byDefault = await as.get(list.path());
      expect(byDefault.status).toBe(200);
      const ids = idsOf(byDefault.body, list.arrays);
      expect(ids.length).toBeLessThanOrEqual(500);
      expect(ids).toEqual(idsOf((await as.get(withQuery(list.path(), 'limit=1000'))).body, list.arrays));
    }
  });

  it('keeps every item once when items are added between pages', async () => {
    const as = fx.inspector();
    const first = await as.get('/api/v1/directives?limit=2');
    const added = await fx.monitoring('vp-ubnd-tinh').post('/api/v1/directives', {
      ...seed4308Directive(),
      number: '9/PAGES',
      issuedOn: '2017-03-01',
      tasks: [{ number: '1', text: 'Thêm', mode: 'giao', lead: ['so-tc'], coordinating: [], deadline: null, reportDuty: null }],
    });
    expect(added.status).toBe(201);
    const seen: string[] = first.body.directives.map((d: { id: string }) => d.id);
    for (let after = first.body.next; after !== null;) {
      const page = await as.get(`/api/v1/directives?limit=2&after=${after}`, {
        'x-consistency-token': added.headers.get('x-consistency-token') ?? '',
      });
      seen.push(...page.body.directives.map((d: { id: string }) => d.id));
      after = page.body.next;
    }
    expect(new Set(seen).size).toBe(seen.length);
    const now = (await as.get('/api/v1/directives?limit=1000')).body.directives.map((d: { id: string }) => d.id);
    expect(now.filter((id: string) => !seen.includes(id)).length).toBeLessThanOrEqual(1);
    expect(seen.filter((id) => !now.includes(id))).toEqual([]);
  });

  it('documents limit and after for every list: a GET whose answer has a top-level array', () => {
    /** Answers with arrays that are not lists of records to page: parts of one resource, proofs, or rows per store. */
    const notLists: Record<string, string> = {
      '/api/v1/directives/{id}': 'one directive: its tasks and assignments',
      '/api/v1/audit/directives/{id}/tasks/{taskNo}/timeline': "one task's events",
      '/api/v1/audit/assignments/{id}/timeline': "one assignment's events",
      '/api/v1/audit/assignments/{id}/state': "one assignment's state",
      '/api/v1/agencies/groups/{id}': "one group's members",
      '/api/v1/agencies/{id}': 'one agency: its names and successors',
      '/api/v1/directives/imports/{draftId}': 'one import draft: its tasks, warnings and the events of its review',
      '/api/v1/reports/summary': 'one summary, its checkpoints',
      '/api/v1/reports/rollup': 'one rollup of a period (groups and agencies of the registry)',
      '/api/v1/reports/annual-review': "one year's review",
      '/api/v1/reports/issued/{reportId}': 'one report revision',
      '/api/v1/reports/issued/{reportId}/revisions/{revision}': 'one report revision',
      '/api/v1/reports/issued/{reportId}/diff': 'one difference of two revisions',
      '/api/v1/reporting/regimes/{directiveId}': "one directive's regime",
      '/api/v1/reminders/{id}': "one reminder's deliveries",
      '/api/v1/calendar': "one year's working calendar",
      '/api/v1/calendar/day': 'one day',
      '/api/v1/audit/verify': 'one verification: a row per store',
      '/api/v1/audit/verify/progress': 'a row per store',
      '/api/v1/audit/tree': 'a row per store',
      '/api/v1/audit/proofs/inclusion': 'one proof',
      '/api/v1/audit/proofs/consistency': 'one proof',
      '/api/v1/admin/rebuild': 'one rebuild',
      '/api/v1/auth/methods': 'the sign-in methods',
      '/api/v1/auth/session': 'one session',
      '/api/v1/accounts/{username}': 'one account',
      '/health': 'a check per dependency',
      '/health/ready': 'a check per dependency',
      '/health/live': 'a check per dependency',
      '/.well-known/jwks.json': 'the signing keys',
    };
    const doc = openApiDocument() as any;
    const resolve = (s: any): any => (s?.$ref ? doc.components.schemas[s.$ref.split('/').pop()] : s);
    const unpaged: string[] = [];
    for (const [path, item] of Object.entries<any>(doc.paths)) {
      const props = resolve(resolve(item.get?.responses?.['200']?.content?.['application/json']?.schema))?.properties ?? {};
      const arrays = Object.entries<any>(props).filter(([, p]) => resolve(p)?.type === 'array');
      if (!arrays.length || path in notLists) continue;
      if (!(item.get.parameters ?? []).some((p: { name: string }) => p.name === 'limit'))
        unpaged.push(`${path} (${arrays.map(([n]) => n).join(', ')})`);
    }
    expect(unpaged).toEqual([]);
  });

  it('holds 500 at most by default once a list is longer; the next page goes on from there', async () => {
    const task = {
      number: '1',
      text: 'Báo cáo',
      mode: 'giao' as const,
      lead: ['so-tc'],
      coordinating: [],
      deadline: null,
      reportDuty: null,
    };
    const issuer = fx.monitoring('vp-ubnd-tinh');
    for (let i = 0; i < 505; i += 5)
      await Promise.all(
        [0, 1, 2, 3, 4].map(async (j) => {
          const r = await issuer.post('/api/v1/directives', {
            ...seed4308Directive(),
            number: `${i + j}/MANY`,
            issuedOn: '2017-05-05',
            tasks: [task],
          });
          expect(r.status).toBe(201);
        }),
      );
    await fx.inspector().get('/api/v1/directives?limit=1', { 'x-consistency-token': '' });
    for (const [path, name] of [
      ['/api/v1/directives', 'directives'],
      ['/api/v1/assignments?asOf=2017-12-31', 'assignments'],
      ['/api/v1/assignments?asOf=2017-12-31&agencyId=so-tc', 'assignments'],
    ]) {
      const whole = (await fx.inspector().get(withQuery(path, 'limit=1000'))).body[name].map((x: { id: string }) => x.id);
      expect(whole.length).toBeGreaterThan(505);
      const first = await fx.inspector().get(path);
      expect({ path, length: first.body[name].length }).toEqual({ path, length: 500 });
      expect(first.body.next).toEqual(expect.any(String));
      const second = await fx.inspector().get(withQuery(path, `after=${first.body.next}`));
      expect(second.body.next).toBeNull();
      expect([...first.body[name], ...second.body[name]].map((x: { id: string }) => x.id)).toEqual(whole);
    }
  }, 300_000);
});
