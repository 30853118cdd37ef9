import fc from 'fast-check';
import { seed4308Directive } from '@dm/testing';
import type { UserRole } from '@dm/contracts';
import type { EmbeddedFixture } from '../fixture';
import type { Credential } from './requests';
import { businessDate } from './values';

/**
 * The records the fuzzer aims at, so that ids in paths, queries and bodies
 * often name real ones: letter 4308 issued by vp-ubnd-tinh (task 3 to the
 * district committees), Mường Lát's progress with a file, Bá Thước's
 * completion awaiting confirmation, three spare directives to amend, supersede or revoke,
 * a reporting regime with a submission, an issued report with two revisions,
 * a reminder and an account.
 */
export interface World {
  directives: string[];
  spares: string[];
  assignments: string[];
  agencies: string[];
  groups: string[];
  hashes: string[];
  reportIds: string[];
  reminders: string[];
  usernames: string[];
}

const task = { number: '1', text: 'Báo cáo kết quả', mode: 'giao', lead: ['so-tc'], coordinating: [], deadline: null, reportDuty: null };
const file = (text: string) => ({
  fileName: 'bao-cao.pdf',
  mediaType: 'application/pdf',
  contentBase64: Buffer.from(text).toString('base64'),
});

export async function seedWorld(fx: EmbeddedFixture): Promise<World> {
  const ok = <T extends { status: number }>(what: string, answer: T): T => {
    if (answer.status >= 300) throw new Error(`seeding ${what}: ${answer.status} ${JSON.stringify(answer)}`);
    return answer;
  };
  const issued = ok(
    'letter 4308',
    await fx.monitoring('vp-ubnd-tinh').post('/api/v1/directives', seed4308Directive({ '3': '2017-06-30', '4': '2017-09-30' })),
  );
  const directiveId: string = issued.body.id;
  const assignments: Array<{ id: string; taskNumber: string; agencyId: string }> = issued.body.assignments;
  const muongLat = assignments.find((a) => a.taskNumber === '3' && a.agencyId === 'h-muong-lat')!.id;
  const baThuoc = assignments.find((a) => a.taskNumber === '3' && a.agencyId === 'h-ba-thuoc')!.id;
  const officer = fx.officer('h-muong-lat');
  const progress = ok(
    'progress',
    await officer.post(`/api/v1/assignments/${muongLat}/progress`, {
      reportedOn: '2017-02-28',
      summary: 'Tiến độ',
      percent: 40,
      attachment: file('Báo cáo tiến độ'),
    }),
  );
  ok(
    'completion',
    await fx.officer('h-ba-thuoc').post(`/api/v1/assignments/${baThuoc}/completion`, { completedOn: '2017-05-20', summary: 'Hoàn thành' }),
  );
  const spares: string[] = [];
  for (const number of ['1/FUZZ', '2/FUZZ', '3/FUZZ'])
    spares.push(
      ok('spare', await fx.monitoring('vp-ubnd-tinh').post('/api/v1/directives', { ...seed4308Directive(), number, tasks: [task] })).body
        .id,
    );
  const regime = {
    duties: [
      {
        id: 'quy',
        reporters: ['ubnd-huyen'],
        recipient: 'so-ldtbxh',
        frequency: 'quarter',
        deadline: { kind: 'dayOfMonth', day: 20 },
        from: '2017-02-10',
      },
    ],
  };
  ok('regime', await fx.monitoring().put(`/api/v1/reporting/regimes/${directiveId}`, regime));
  const submitted = ok(
    'submission',
    await officer.post(`/api/v1/reporting/regimes/${directiveId}/submissions`, {
      dutyId: 'quy',
      period: '2017-Q1',
      agencyId: 'h-muong-lat',
      attachment: file('Báo cáo quý I'),
    }),
  );
  const reportRequest = {
    period: '2017-Q1',
    number: '12/BC-SLĐTBXH',
    place: 'Thanh Hóa',
    date: '2017-03-20',
    reason: 'Lập báo cáo',
    directiveId,
  };
  const report = ok('report', await fx.monitoring().post('/api/v1/reports/issued', reportRequest));
  ok('report revision', await fx.monitoring().post('/api/v1/reports/issued', { ...reportRequest, reason: 'Bổ sung' }));
  const reminder = ok(
    'reminder',
    await fx.monitoring().post('/api/v1/reminders', { agencyId: 'h-muong-lat', directiveId, text: 'Đề nghị báo cáo' }),
  );
  const admin = fx.client('fuzz-admin', 'admin', null);
  ok(
    'account',
    await admin.post('/api/v1/accounts', {
      username: 'cb.muonglat',
      password: 'mat-khau-du-dai-1',
      displayName: 'Cán bộ Mường Lát',
      agencyId: 'h-muong-lat',
      roles: ['agency_officer'],
    }),
  );
  const registry = ok('agencies', await admin.get('/api/v1/agencies'));
  const listed: Array<{ id: string; kind?: string }> = registry.body.agencies ?? registry.body;
  return {
    directives: [directiveId],
    spares,
    assignments: [muongLat, baThuoc, ...assignments.slice(0, 3).map((a) => a.id)],
    agencies: [
      'h-muong-lat',
      'h-ba-thuoc',
      'so-ldtbxh',
      'vp-ubnd-tinh',
      'ubnd-tinh',
      'so-tc',
      'so-yt',
      'hdnd-tinh',
      ...listed.slice(0, 10).map((a) => a.id),
    ],
    groups: ['ubnd-huyen'],
    hashes: [progress.body.data.attachment.sha256, submitted.body.data.attachment.sha256],
    reportIds: [report.body.reportId],
    reminders: [reminder.body.reminderId],
    usernames: ['cb.muonglat', 'fuzz-admin'],
  };
}

interface Principal {
  name: string;
  sub: string;
  role: UserRole;
  agencyId: string | null;
}
const PRINCIPALS: Principal[] = [
  { name: 'admin', sub: 'fuzz-admin', role: 'admin', agencyId: null },
  { name: 'inspector', sub: 'fuzz-inspector', role: 'inspector', agencyId: 'thanh-tra-tinh' },
  { name: 'monitoring so-ldtbxh', sub: 'fuzz-mo-ldtbxh', role: 'monitoring_officer', agencyId: 'so-ldtbxh' },
  { name: 'monitoring vp-ubnd-tinh', sub: 'fuzz-mo-vp', role: 'monitoring_officer', agencyId: 'vp-ubnd-tinh' },
  { name: 'officer h-muong-lat', sub: 'fuzz-ao-muonglat', role: 'agency_officer', agencyId: 'h-muong-lat' },
  { name: 'officer h-ba-thuoc', sub: 'fuzz-ao-bathuoc', role: 'agency_officer', agencyId: 'h-ba-thuoc' },
];

/** Who may call a route, by its method and path (docs/security.md); every role for the reads of everyone. */
function mayCall(method: string, url: string): string[] {
  const write = method !== 'GET';
  if (/^\/api\/v1\/(accounts|registry\/(?!timeline)|admin\/urging|calendar\/adjustments)/.test(url) || url === '/api/v1/admin/rebuild')
    return write || url.startsWith('/api/v1/accounts') ? ['admin'] : ['admin', 'inspector'];
  if (/^\/api\/v1\/audit\/(verify|checkpoints|access-log|events|changes|tree|proofs|export)/.test(url)) return ['inspector', 'admin'];
  if (url.startsWith('/api/v1/reports/annual-review')) return ['inspector', 'admin', 'monitoring so-ldtbxh'];
  if (!write) return PRINCIPALS.map((p) => p.name);
  if (url === '/api/v1/directives') return ['monitoring vp-ubnd-tinh'];
  if (/\/assignments\/:id\/(progress|completion)$/.test(url)) return ['officer h-muong-lat'];
  if (url.endsWith('/submissions')) return ['officer h-muong-lat', 'monitoring so-ldtbxh'];
  if (url.startsWith('/api/v1/auth/')) return PRINCIPALS.map((p) => p.name);
  if (url === '/api/v1/audit/checkpoints') return ['inspector', 'admin'];
  return ['monitoring so-ldtbxh', 'monitoring vp-ubnd-tinh'];
}

export function credentials(fx: EmbeddedFixture, method: string, url: string): { allowed: Credential[]; others: Credential[] } {
  const all = PRINCIPALS.map((p) => ({
    name: p.name,
    authorization: `Bearer ${fx.server.runtime.tokens.sign({ sub: p.sub, agencyId: p.agencyId, roles: [p.role] })}`,
  }));
  const allowed = new Set(mayCall(method, url));
  return { allowed: all.filter((c) => allowed.has(c.name)), others: [...all.filter((c) => !allowed.has(c.name)), { name: 'none' }] };
}

/** An instant of the run (the audit routes filter by when events were recorded): a day ago to a day ahead, or a business date. */
const instant = fc.oneof(
  fc.integer({ min: -86_400_000, max: 86_400_000 }).map((ms) => new Date(Date.now() + ms).toISOString()),
  fc.constantFrom('2017-01-01T00:00:00Z', '2017-03-01T08:00:00+07:00', '2017-03-01'),
);
const PERIODS = ['2017', '2017-Q1', '2017-Q2', '2017-H1', '2017-M9', '2017-03', '2018-Q4', '2017-Q5', '2017-13', 'Q1'];
const STORES = ['task-assignment', 'progress-events', 'reporting', 'identity', 'audit', 'nope'];

/** Realistic values by the name of a path or query parameter or body field, on the route `url`. */
export function hintsFor(world: World, url: string): (name: string) => fc.Arbitrary<unknown> | undefined {
  const pick = (values: unknown[]) => fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: fc.uuid() });
  const agency = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...world.agencies) },
    { weight: 1, arbitrary: fc.constantFrom(...world.groups) },
    { weight: 1, arbitrary: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/) },
  );
  const idOf = (): fc.Arbitrary<unknown> | undefined => {
    if (url.startsWith('/api/v1/directives/:id/supersede') || url.startsWith('/api/v1/directives/:id/revoke')) return pick(world.spares);
    if (url.startsWith('/api/v1/directives') || url.startsWith('/api/v1/audit/directives'))
      return pick([...world.directives, ...world.spares]);
    // Reports go to Mường Lát's open assignment (its officer sends most of them); decisions to Bá Thước's awaiting completion.
    if (/assignments\/:id\/(progress|completion)$/.test(url)) return pick([world.assignments[0]]);
    if (/assignments\/:id\/(confirmation|reopen)$/.test(url)) return pick([world.assignments[1]]);
    if (url.includes('assignments/:id')) return pick(world.assignments);
    if (url.includes('groups/:id')) return fc.oneof(fc.constantFrom(...world.groups), agency);
    if (url.includes('agencies/:id')) return agency;
    if (url.startsWith('/api/v1/reminders/')) return pick(world.reminders);
    return undefined;
  };
  const byName: Record<string, () => fc.Arbitrary<unknown> | undefined> = {
    id: idOf,
    directiveId: () => pick(url.includes('/tasks') ? world.spares : [...world.directives, ...world.spares]),
    supersededBy: () => pick([...world.directives, ...world.spares]),
    assignmentId: () => pick(world.assignments),
    agencyId: () => agency,
    issuer: () => fc.oneof({ weight: 4, arbitrary: fc.constantFrom('ubnd-tinh', 'vp-ubnd-tinh') }, { weight: 1, arbitrary: agency }),
    monitoringAgency: () => fc.oneof({ weight: 4, arbitrary: fc.constant('so-ldtbxh') }, { weight: 1, arbitrary: agency }),
    fileName: () => fc.constantFrom('bao-cao.pdf', 'Báo cáo quý I.docx', 'bang-tong-hop.xlsx'),
    mediaType: () => fc.constantFrom('application/pdf', 'image/png', 'text/plain'),
    contentBase64: () =>
      fc.oneof(
        fc.constant(''),
        fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes).toString('base64')),
      ),
    lead: () => agency,
    coordinating: () => agency,
    addressees: () => agency,
    reporters: () => agency,
    members: () => agency,
    add: () => agency,
    remove: () => agency,
    successors: () => agency,
    recipient: () => agency,
    parent: () => agency,
    to: () =>
      url.includes('transfer')
        ? agency
        : url.startsWith('/api/v1/audit/proofs') || url.endsWith('/diff')
          ? fc.constantFrom('1', '2', '3')
          : url.startsWith('/api/v1/audit/')
            ? instant
            : businessDate,
    registry: () => fc.constantFrom('true', 'false', 'yes'),
    all: () => fc.constantFrom('true', 'false', 'yes'),
    calendar: () => fc.constantFrom('decree09', 'calendar', 'lunar'),
    type: () => fc.constantFrom('assignment.', 'directive.issued', 'assignment.progress-reported,directive.', 'registry.', 'nope'),
    userId: () => fc.constantFrom('fuzz-admin', 'fuzz-mo-ldtbxh', 'fuzz-ao-muonglat', 'mo-vp-ubnd-tinh', 'nobody'),
    route: () => fc.constantFrom('/api/v1/', '/api/v1/directives', '/api/v1/audit/', 'x'),
    taskNo: () => fc.oneof(fc.constantFrom('1', '2', '3', '4', '9', '11'), fc.string({ minLength: 1, maxLength: 4 })),
    hash: () =>
      fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...world.hashes) }, { weight: 1, arbitrary: fc.stringMatching(/^[0-9a-f]{64}$/) }),
    reportId: () => fc.constantFrom(...world.reportIds),
    revision: () => fc.constantFrom('1', '2', '3', '0'),
    username: () => fc.oneof(fc.constantFrom(...world.usernames), fc.stringMatching(/^[a-z0-9][a-z0-9._-]{1,20}$/)),
    period: () =>
      fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...PERIODS.slice(0, 7)) }, { weight: 1, arbitrary: fc.constantFrom(...PERIODS) }),
    year: () => fc.constantFrom('2017', '2018', '1900', '2100', '0', '99999'),
    store: () => fc.constantFrom(...STORES),
    dutyId: () => fc.constantFrom('quy', 'khac'),
    position: () => fc.constantFrom('1', '2', '10', '0', '-1'),
    treeSize: () => fc.constantFrom('1', '5', '100000'),
    from: () =>
      url.startsWith('/api/v1/audit/proofs') || url.endsWith('/diff')
        ? fc.constantFrom('1', '2', '0')
        : url.startsWith('/api/v1/audit/')
          ? instant
          : businessDate,
    after: () => fc.constantFrom('0', '1', '100', '-1'),
    limit: () => fc.constantFrom('1', '10', '100', '1000', '0', '-1'),
    knownAt: () => fc.oneof(businessDate, fc.constantFrom('2030-01-01T00:00:00Z', '2017-03-01T08:00:00+07:00')),
  };
  return (name) => byName[name]?.();
}
