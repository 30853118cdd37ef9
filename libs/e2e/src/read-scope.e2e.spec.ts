import { seed4308Directive } from '@dm/testing';
import { EmbeddedFixture } from './fixture';

/**
 * What a scoped reader reads (docs/domain.md, "Who reads what"), on the
 * letter 4308 issued by ubnd-tinh (its office vp-ubnd-tinh) and monitored
 * by so-ldtbxh, with Mường Lát's completion of task 3: lists narrowed to
 * the reader's agency, resources outside it refused, knownAt within scope.
 * Who may call each route at all is the authorisation table's.
 */
describe('what a scoped reader reads (embedded; docs/domain.md, "Who reads what")', () => {
  const fx = new EmbeddedFixture();
  let directiveId: string;
  let muongLat: string;
  /** One-task directives to Sở Tài chính only: they reach no district. */
  let amended: string;
  let superseded: string;
  let revoked: string;

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
    const toSoTc = async (number: string) => {
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
    [amended, superseded, revoked] = [await toSoTc('1/SPARE'), await toSoTc('2/SPARE'), await toSoTc('3/SPARE')];
  });
  afterAll(() => fx.stop());

  type Listed = { id: string; agencyId: string; directiveId: string };
  const agenciesOf = (list: Listed[]) => [...new Set(list.map((a) => a.agencyId))].sort();

  it("an agency officer's lists are its own agency's: assignments, summary, scorecards", async () => {
    const officer = fx.officer('h-muong-lat');
    const leads = await officer.get('/api/v1/assignments?asOf=2017-12-31');
    expect(leads.status).toBe(200);
    expect(leads.body.assignments.length).toBeGreaterThan(1);
    expect(agenciesOf(leads.body.assignments)).toEqual(['h-muong-lat']);
    const named = await officer.get('/api/v1/assignments?agencyId=h-muong-lat&asOf=2017-12-31');
    expect(named.body.assignments).toEqual(leads.body.assignments);
    const refused = await officer.get('/api/v1/assignments?agencyId=h-ba-thuoc&asOf=2017-12-31');
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toContain('h-ba-thuoc');

    const cards = await officer.get('/api/v1/reports/agencies?period=2017');
    expect(cards.body.agencies.map((c: { agencyId: string }) => c.agencyId)).toEqual(['h-muong-lat']);
    const everyCard = (await fx.inspector().get('/api/v1/reports/agencies?period=2017')).body.agencies;
    expect(cards.body.agencies[0]).toEqual(everyCard.find((c: { agencyId: string }) => c.agencyId === 'h-muong-lat'));

    const summary = await officer.get('/api/v1/reports/summary?period=2017');
    const ofMuongLat = await fx.inspector().get('/api/v1/reports/summary?period=2017&agencyId=h-muong-lat');
    expect(summary.body.filter).toEqual({ agencyId: 'h-muong-lat' });
    expect(summary.body).toEqual(ofMuongLat.body);
  });

  it('a directive addressed to an agency shows its officer the header and every task, and its own assignments only', async () => {
    const whole = (await fx.inspector().get(`/api/v1/directives/${directiveId}?asOf=2017-12-31`)).body;
    const mine = await fx.officer('h-muong-lat').get(`/api/v1/directives/${directiveId}?asOf=2017-12-31`);
    expect(mine.status).toBe(200);
    expect(mine.body.tasks).toEqual(whole.tasks);
    expect(mine.body.number).toBe(whole.number);
    expect(agenciesOf(mine.body.assignments)).toEqual(['h-muong-lat']);
    expect(mine.body.assignments).toEqual(whole.assignments.filter((a: Listed) => a.agencyId === 'h-muong-lat'));
    const coordinating = await fx.officer('so-tc').get(`/api/v1/directives/${directiveId}?asOf=2017-12-31&role=coordinating`);
    expect(agenciesOf(coordinating.body.assignments)).toEqual(['so-tc']);
  });

  it('an agency the letter does not address lists no directive, assignment or scorecard, and reads none', async () => {
    for (const reader of [fx.officer('hdnd-tinh'), fx.monitoring('hdnd-tinh')]) {
      expect((await reader.get('/api/v1/directives')).body.directives).toEqual([]);
      expect((await reader.get('/api/v1/assignments?asOf=2017-12-31')).body.assignments).toEqual([]);
      expect((await reader.get('/api/v1/reports/agencies?period=2017')).body.agencies).toEqual([]);
      expect((await reader.get('/api/v1/reports/summary?period=2017')).body.assigned).toBe(0);
      const refused = await reader.get(`/api/v1/directives/${directiveId}`);
      expect(refused.status).toBe(403);
      expect(refused.body.detail).toContain('is not addressed to hdnd-tinh');
    }
    // The letter reaches Mường Lát; the one-task directives to Sở Tài chính do not.
    const ids = (list: { body: { directives: Array<{ id: string }> } }) => list.body.directives.map((d) => d.id);
    const addressed = ids(await fx.officer('h-muong-lat').get('/api/v1/directives'));
    expect(addressed).toContain(directiveId);
    expect(addressed).toEqual(
      ids(await fx.inspector().get('/api/v1/directives')).filter((id) => ![amended, superseded, revoked].includes(id)),
    );
  });

  it("the monitoring agency, the issuer and the issuer's office read all of the directive; an addressed agency its own part", async () => {
    const whole = (await fx.inspector().get(`/api/v1/directives/${directiveId}?asOf=2017-12-31`)).body.assignments;
    const everyone = (await fx.inspector().get(`/api/v1/assignments?directiveId=${directiveId}&asOf=2017-12-31`)).body.assignments;
    for (const agency of ['so-ldtbxh', 'ubnd-tinh', 'vp-ubnd-tinh']) {
      const reader = fx.monitoring(agency);
      expect((await reader.get(`/api/v1/directives/${directiveId}?asOf=2017-12-31`)).body.assignments).toEqual(whole);
      expect((await reader.get(`/api/v1/assignments?directiveId=${directiveId}&asOf=2017-12-31`)).body.assignments).toEqual(everyone);
      const baThuoc = await reader.get(`/api/v1/assignments?agencyId=h-ba-thuoc&directiveId=${directiveId}&asOf=2017-12-31`);
      expect(agenciesOf(baThuoc.body.assignments)).toEqual(['h-ba-thuoc']);
      expect((await reader.get(`/api/v1/audit/assignments/${muongLat}/timeline`)).status).toBe(200);
    }
    const district = fx.monitoring('h-ba-thuoc');
    expect(agenciesOf((await district.get(`/api/v1/directives/${directiveId}?asOf=2017-12-31`)).body.assignments)).toEqual(['h-ba-thuoc']);
    expect(agenciesOf((await district.get(`/api/v1/assignments?directiveId=${directiveId}&asOf=2017-12-31`)).body.assignments)).toEqual([
      'h-ba-thuoc',
    ]);
    expect((await district.get('/api/v1/reports/agencies?period=2017')).body.agencies.map((c: { agencyId: string }) => c.agencyId)).toEqual(
      ['h-ba-thuoc'],
    );
  });

  it("a task's timeline shows an agency its own events and the directive's, not another agency's", async () => {
    const path = `/api/v1/audit/directives/${directiveId}/tasks/3/timeline`;
    type Entry = { eventId: string; source: string; agencyId: string | null };
    const every: Entry[] = (await fx.inspector().get(path)).body.events;
    expect(every.some((e) => e.agencyId === 'h-muong-lat')).toBe(true);
    const seen: Entry[] = (await fx.officer('h-ba-thuoc').get(path)).body.events;
    expect(seen.filter((e) => e.agencyId === 'h-muong-lat')).toEqual([]);
    expect(seen).toEqual(every.filter((e) => e.source === 'd' || e.agencyId === 'h-ba-thuoc'));
    const own: Entry[] = (await fx.officer('h-muong-lat').get(path)).body.events;
    expect(own).toEqual(every.filter((e) => e.source === 'd' || e.agencyId === 'h-muong-lat'));
  });

  it('knownAt and asOf keep the scope: who reads is decided first, then what was known or in force', async () => {
    const before = '2000-01-01';
    const refused = await fx.officer('hdnd-tinh').get(`/api/v1/directives/${directiveId}?knownAt=${before}`);
    expect(refused.status).toBe(403);
    const notYet = await fx.officer('h-muong-lat').get(`/api/v1/directives/${directiveId}?knownAt=${before}`);
    expect([notYet.status, notYet.body.errors?.[0]?.field]).toEqual([404, 'knownAt']);
    expect((await fx.officer('h-ba-thuoc').get(`/api/v1/audit/assignments/${muongLat}/state?knownAt=${before}`)).status).toBe(403);
    expect((await fx.officer('h-muong-lat').get(`/api/v1/audit/assignments/${muongLat}/state?knownAt=${before}`)).status).toBe(404);
    const now = new Date().toISOString();
    const known = await fx.officer('h-muong-lat').get(`/api/v1/assignments?asOf=2017-03-01&knownAt=${now}`);
    expect(known.body.knownAt).toBe(now);
    expect(agenciesOf(known.body.assignments)).toEqual(['h-muong-lat']);
    expect((await fx.officer('h-muong-lat').get(`/api/v1/assignments?asOf=2017-03-01&knownAt=${before}`)).body.assignments).toEqual([]);
    expect((await fx.officer('h-muong-lat').get(`/api/v1/directives?knownAt=${before}`)).body.directives).toEqual([]);
    const cards = await fx.officer('h-muong-lat').get(`/api/v1/reports/agencies?period=2017-Q1&knownAt=${now}`);
    expect(cards.body.agencies.map((c: { agencyId: string }) => c.agencyId)).toEqual(['h-muong-lat']);
  });
});
