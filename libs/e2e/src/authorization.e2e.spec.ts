import { ROLES } from '@dm/contracts';
import { isLoggedRead, routesOf } from '@dm/platform';
import { seed4308Directive } from '@dm/testing';
import { EmbeddedFixture } from './fixture';
import type { Action } from './authorization-table.fixtures';
import { recordReporting, type ReportingRecords } from './authorization-reporting.fixtures';
import { recordProgressFile } from './authorization-progress.fixtures';
import { tableActions } from './authorization-actions.fixtures';

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
  /** An import draft of vp-ubnd-tinh's. */
  let draftId: string;
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
    const imported = await fx
      .monitoring('vp-ubnd-tinh')
      .postRaw('/api/v1/directives/import', 'Kính gửi: Sở Tài chính.', { 'content-type': 'text/plain; charset=utf-8' });
    expect(imported.status).toBe(201);
    draftId = imported.body.draftId;
  });
  afterAll(() => fx.stop());

  const actions: Record<string, Action> = tableActions(() => ({
    directiveId,
    amended,
    superseded,
    revoked,
    muongLat,
    progressFile,
    ...reporting,
    username: 'khong-co-tai-khoan',
    draftId,
    next,
  }));

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
