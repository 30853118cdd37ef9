import { ROLES, type UserRole } from '@dm/contracts';
import { inspectionPolicy } from '@dm/audit';
import { directivesPolicy } from '@dm/directives-domain';
import type { Permission } from '@dm/eventsourcing';
import { identityPolicy } from '@dm/identity-domain';
import { routesOf, type RoutePolicy } from '@dm/platform';
import { progressPolicy } from '@dm/progress-domain';
import { annualReviewPolicy, dutiesPolicy, reportingPolicy } from '@dm/reporting-domain';
import type { ApiResponse } from '@dm/testing';
import { EmbeddedFixture } from './fixture';
import { tableActions } from './authorization-actions.fixtures';
import {
  expectedOf,
  MatrixTally,
  principalOf,
  rulesOf,
  shouldHold,
  type Case,
  type Rule,
  type Whose,
} from './authorization-matrix.fixtures';
import { matrixEntries } from './authorization-matrix-entries.fixtures';
import { MatrixWorld } from './authorization-matrix-world.fixtures';

/**
 * The authorisation matrix, generated from the policy modules and asked of
 * the live HTTP server (issue 13, item 5): every served /api route × every
 * role × an agency the resource concerns ("own") or another × each state of
 * the resource the route acts on (a directive in force, amended, superseded,
 * revoked; an assignment open, with a completion awaiting confirmation,
 * confirmed, returned; an account enabled, disabled; the reporting records),
 * and without a token. The answer expected is computed, not written: the
 * caller holds a role the route's permission names (mayAttempt), and every
 * rule its handler applies allows it on the resource as the handler sees it
 * (isAllowed). Refused: 403 problem+json whatever the state (an outsider
 * learns no state from a 409), 401 without a token. Allowed: anything but
 * 401/403 (a state that refuses the command answers 400, 404, 409 or 422), and
 * a narrowed list holds the resource exactly when the rules let the caller
 * read it. A served route without a policy, or an /api route without a row
 * here, fails the test by name. The hand-written table
 * (authorization.e2e.spec.ts) stays the independent oracle of the policies.
 */
describe('authorisation matrix generated from the policy modules (embedded)', () => {
  const fx = new EmbeddedFixture();
  const world = new MatrixWorld(fx);
  const tally = new MatrixTally();
  /** The permissions the cells' rules applied: with those the routes name, what the policy modules' permissions are for. */
  const applied = new Set<Permission<any>>();
  const entries = matrixEntries(world);
  /** The table's actions, for their routes and agencies (their requests are made per case, on its ids). */
  const actions = tableActions(() => {
    throw new Error('the routes are read without ids');
  });
  const policies = new Map<string, RoutePolicy | null>();

  const rateLimit = process.env.RATE_LIMIT;
  beforeAll(async () => {
    // A burst of requests per principal is what this test is; the rate limit has its own tests.
    process.env.RATE_LIMIT = 'off';
    await fx.start();
    for (const route of routesOf(fx.server.app)) policies.set(`${route.method} ${route.url}`, route.policy);
    await world.recordReporting();
  });
  afterAll(async () => {
    if (rateLimit === undefined) delete process.env.RATE_LIMIT;
    else process.env.RATE_LIMIT = rateLimit;
    console.log(tally.summary());
    await fx.stop();
  });

  it('serves no route without a policy, and every /api route has a row of the matrix', () => {
    const rows = new Set(entries.map((e) => actions[e.action]?.route));
    const missing = [...policies].flatMap(([route, policy]) => [
      ...(policy === null ? [`${route}: no permission (@Allow) and not @Public`] : []),
      ...(policy && !policy.public && !rows.has(route) ? [`${route}: no row in the authorisation matrix`] : []),
    ]);
    const unknown = entries.filter((e) => !actions[e.action]).map((e) => `${e.action}: no such action in the table`);
    const unserved = [...rows].filter((route) => route && !policies.has(route)).map((route) => `${route}: a row, but not served`);
    expect([...missing, ...unknown, ...unserved]).toEqual([]);
    expect(policies.size).toBeGreaterThan(80);
  });

  it('answers every public route without a token (sign-in, health, docs)', async () => {
    const publicRoutes = [...policies].filter(([, policy]) => policy?.public).map(([route]) => route);
    const answers: Array<[string, number]> = [];
    for (const route of publicRoutes) {
      const [method, url] = route.split(' ');
      const name = Object.keys(actions).find((n) => actions[n].route === route && actions[n].public);
      let response: ApiResponse;
      if (name) response = await tableActions(() => world.ids(world.reporting.letter))[name].send(fx.anonymous());
      else if (method === 'GET' && !url.includes(':')) response = await fx.anonymous().get(url);
      else throw new Error(`${route}: a public route the matrix has no request for`);
      answers.push([route, response.status]);
      tally.publicRoutes++;
    }
    expect(answers.filter(([, status]) => status === 401 || status === 403 || status >= 500)).toEqual([]);
    expect(publicRoutes).toEqual(expect.arrayContaining(['POST /api/v1/auth/sign-in', 'GET /health/live', 'GET /docs']));
  });

  const cells = entries.flatMap((entry) => Object.keys(entry.states).map((state) => [entry.action, state] as const));

  it.each(cells)('%s — %s', async (name, state) => {
    const failures: string[] = [];
    const route = actions[name].route;
    try {
      const entry = entries.find((e) => e.action === name)!;
      const policy = policies.get(route);
      if (!policy || policy.public) throw new Error(`${route} is not served with a permission`);
      const c: Case = await entry.states[state]();
      const action = tableActions(() => c.ids)[name];
      tally.routes.add(route);
      tally.states.add(`${route} ${state}`);

      const planned = ROLES.flatMap((role: UserRole) =>
        (['own', 'other'] as const).map((whose: Whose) => {
          const principal = principalOf(action, c, role, whose);
          return { role, whose, principal, allowed: expectedOf(policy.permission, c, principal) };
        }),
      );
      for (const p of planned) for (const r of rulesOf(c, p.principal)) noteApplied(r);
      // Refused first, so each refusal meets the resource in its state before an allowed write changes it.
      const ordered = [...planned.filter((p) => !p.allowed), ...planned.filter((p) => p.allowed)];
      const problem = (response: ApiResponse) => (response.headers.get('content-type') ?? '').includes('application/problem+json');

      const anonymous = await action.send(fx.anonymous());
      tally.cells++;
      tally.anonymous++;
      if (anonymous.status !== 401 || !problem(anonymous)) failures.push(`anonymous: ${anonymous.status}, expected 401 problem+json`);

      for (const { role, whose, principal, allowed } of ordered) {
        const response = await action.send(fx.client(principal.sub, role, principal.agencyId));
        tally.cells++;
        const cell = `${role} of ${whose} agency (${principal.agencyId}${principal.sub.startsWith(role) ? '' : `, as ${principal.sub}`})`;
        if (allowed) {
          tally.allowed++;
          tally.answered(response.status);
          if ([401, 403].includes(response.status) || response.status >= 500)
            failures.push(`${cell}: ${response.status} ${detailOf(response)}, expected allowed by the policy`);
          else if (c.narrowed && response.status === 200) {
            tally.narrowed++;
            if (c.narrowed.holds(response) !== shouldHold(c, principal))
              failures.push(`${cell}: the list ${shouldHold(c, principal) ? 'leaves out' : 'holds'} the resource, against the policy`);
          }
        } else {
          tally.refused++;
          if (response.status !== 403 || !problem(response))
            failures.push(`${cell}: ${response.status} ${detailOf(response)}, expected 403 problem+json (refused by the policy)`);
        }
      }
    } catch (error) {
      failures.push(`the matrix could not run: ${(error as Error).message}`);
    }
    tally.failures.push(...failures.map((f) => `${name} (${route}), ${state}: ${f}`));
    expect(failures).toEqual([]);
  });

  /** The policy modules, whose permissions every route names and every handler applies (docs/architecture.md, "Where each rule lives"). */
  const modules: Record<string, Record<string, Permission<any>>> = {
    directivesPolicy,
    progressPolicy,
    reportingPolicy,
    dutiesPolicy,
    annualReviewPolicy,
    identityPolicy,
    inspectionPolicy,
  };
  const fromModules = new Map(
    Object.entries(modules).flatMap(([module, permissions]) =>
      Object.entries(permissions).map(([name, permission]) => [permission, `${module}.${name}`] as const),
    ),
  );
  /** Permissions of a policy module no route names and no handler applies, and why they are kept. */
  const internal = new Map<Permission<any>, string>([]);

  it('names on every route a permission of a policy module, not one written on the route', () => {
    const inline = [...policies]
      .filter(([, policy]) => policy && !policy.public && !fromModules.has(policy.permission))
      .map(([route]) => route);
    expect(inline).toEqual([]);
  });

  it('leaves no permission of a policy module unused by every route and handler, but those listed as internal', () => {
    for (const policy of policies.values()) if (policy && !policy.public) applied.add(policy.permission);
    const unused = [...fromModules].filter(([permission]) => !applied.has(permission) && !internal.has(permission)).map(([, name]) => name);
    expect(unused).toEqual([]);
  });

  it('found every cell as the policy says', () => {
    expect(tally.failures).toEqual([]);
    expect(tally.cells).toBeGreaterThan(1000);
  });

  function noteApplied(r: Rule): void {
    if ('anyOf' in r) r.anyOf.forEach(noteApplied);
    else applied.add(r.permission);
  }
});

const detailOf = (response: ApiResponse) => {
  const body = response.body as { detail?: unknown } | string | null;
  const detail = typeof body === 'object' && body !== null ? body.detail : body;
  return typeof detail === 'string' ? `(${detail.slice(0, 160)})` : '';
};
