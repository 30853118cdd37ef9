import { hasRole, type Principal } from '@dm/contracts';
import { directivesPolicy } from '@dm/directives-domain';
import { progressPolicy } from '@dm/progress-domain';
import { annualReviewPolicy, agencyFilterOf, dutiesPolicy, reportingPolicy } from '@dm/reporting-domain';
import { identityPolicy } from '@dm/identity-domain';
import type { TableIds } from './authorization-actions.fixtures';
import { rule, type Case, type MatrixEntry, type Rule } from './authorization-matrix.fixtures';
import {
  ACCOUNT_STATES,
  ASSIGNMENT_STATES,
  DIRECTIVE_STATES,
  views,
  type AccountState,
  type AssignmentState,
  type DirectiveState,
  type Letter,
  type MatrixWorld,
} from './authorization-matrix-world.fixtures';

/** What a case says beyond its ids: its rules, a narrowed list's check, the "own" holder. */
type CaseOn = Omit<Case, 'ids'> & { more?: Partial<TableIds> };

/** An agency officer and nothing else: the reporting handlers narrow such a caller to its own agency. */
const onlyAgencyOfficer = (p: Principal) => hasRole(p, 'agency_officer') && p.roles.length === 1;

/**
 * The rows of the generated matrix: every action of the authorisation table
 * (authorization-actions.fixtures.ts), on its resource in each state, with
 * the rules its handler applies (from the policy modules) on that resource as
 * the handler sees it. A write gets a resource of its own per state (an
 * allowed one changes it); reads share one.
 */
export function matrixEntries(world: MatrixWorld): MatrixEntry[] {
  const withIds = (letter: Letter, on: CaseOn): Case => {
    const { more, ...c } = on;
    return { ids: world.ids(letter, more), ...c };
  };
  /** The letter in each of its states: a new one per state for a write, the shared one for a read. */
  const directiveStates = (kind: 'write' | 'read', on: (l: Letter) => CaseOn) =>
    Object.fromEntries(
      DIRECTIVE_STATES.map((s: DirectiveState) => [
        `directive ${s}`,
        async () => {
          const letter = kind === 'write' ? await world.directive(s) : await world.sharedDirective(s);
          return withIds(letter, on(letter));
        },
      ]),
    );
  /** Mường Lát's assignment in each of its states. */
  const assignmentStates = (kind: 'write' | 'read', on: (l: Letter) => CaseOn) =>
    Object.fromEntries(
      ASSIGNMENT_STATES.map((s: AssignmentState) => [
        `assignment ${s}`,
        async () => {
          const letter = kind === 'write' ? await world.assignment(s) : await world.sharedAssignment(s);
          return withIds(letter, on(letter));
        },
      ]),
    );
  /** An account in each of its states; "own" is its holder. */
  const accountStates = (kind: 'write' | 'read', on: (username: string) => CaseOn) =>
    Object.fromEntries(
      ACCOUNT_STATES.map((s: AccountState) => [
        `account ${s}`,
        async () => {
          const username = kind === 'write' ? await world.account(s) : await world.sharedAccount(s);
          const c = on(username);
          return withIds(await world.sharedDirective('in force'), { ownSub: username, ...c, more: { username, ...c.more } });
        },
      ]),
    );
  /** A route whose resource has no state of its own (the registry, the audit trail, the calendar, lists): one case. */
  const stateless = (label: string, on: (l: Letter) => CaseOn = () => ({})) => ({
    [label]: async () => {
      const letter = await world.sharedDirective('in force');
      return withIds(letter, on(letter));
    },
  });
  /** The reporting records (regime, submission, issued report, reminder) on their letter in force. */
  const reporting = (label: string, on: (l: Letter) => CaseOn) => ({
    [label]: async () => withIds(world.reporting.letter, on(world.reporting.letter)),
  });

  const change = (l: Letter) => ({ rules: [rule(directivesPolicy.change, views.issued(l) as never)] });
  const report = (l: Letter) => ({ rules: [rule(progressPolicy.report, views.context(l))] });
  const decide = (l: Letter) => ({ rules: [rule(progressPolicy.decideCompletion, views.context(l))] });
  const readDirective = (l: Letter): Rule => rule(reportingPolicy.readDirective, views.directiveDoc(l));
  const readAssignment = (l: Letter): Rule => rule(reportingPolicy.readAssignment, views.assignmentDoc(l));
  /** A list narrowed to what the caller reads: it holds the resource exactly when `to` allows. */
  const narrowed = (l: Letter, to: Rule[], rules?: Case['rules']): CaseOn => ({
    rules,
    narrowed: { holds: (answer) => JSON.stringify(answer.body).includes(l.id), to },
  });
  /** A list, summary or scorecards narrowed to the agency asked for, or (asked none) an agency officer's own. */
  const agencyFilter = (asked: string | undefined) => (p: Principal) => [rule(reportingPolicy.readAgency, agencyFilterOf(p, asked))];
  const annualReview = (agencyId?: string) => ({ rules: [rule(annualReviewPolicy.read, { agencyId })] });

  const rows: Array<[string, Record<string, () => Promise<Case>>]> = [
    // Directives (task-assignment): issued in the issuer's name, changed by its monitoring agency, the issuer or its office.
    [
      'issue a directive in the name of ubnd-tinh',
      stateless('new directive', () => ({
        rules: [rule(directivesPolicy.issue, { issuer: 'ubnd-tinh', issuerOffice: 'vp-ubnd-tinh' })],
        more: { next: world.next },
      })),
    ],
    // Import drafts (docs/import.md): imported by a monitoring officer, reviewed by its agency's (or the one who imported).
    ['import a directive text', stateless('new draft')],
    ...(['read an import draft', 'correct an import draft', 'issue an import draft', 'discard an import draft'] as const).map(
      (action): [string, Record<string, () => Promise<Case>>] => [
        action,
        {
          'draft of vp-ubnd-tinh': async () =>
            withIds(await world.sharedDirective('in force'), {
              rules: [rule(directivesPolicy.reviewImport, { importedBy: { userId: 'mo-vp-ubnd-tinh', agencyId: 'vp-ubnd-tinh' } })],
              more: { draftId: await world.importDraft() },
            }),
        },
      ],
    ),
    ['change a task deadline', directiveStates('write', change)],
    ['cancel a task', directiveStates('write', change)],
    ['add a task', directiveStates('write', change)],
    ['add an agency to a task', directiveStates('write', change)],
    ['change a task lead', directiveStates('write', change)],
    ['correct a task text', directiveStates('write', change)],
    [
      'supersede a directive',
      Object.fromEntries(
        DIRECTIVE_STATES.map((s) => [
          `directive ${s}`,
          async () => {
            const [letter, successor] = [await world.directive(s), await world.sharedDirective('in force')];
            return withIds(letter, { ...change(letter), more: { amended: successor.id } });
          },
        ]),
      ),
    ],
    ['revoke a directive', directiveStates('write', change)],
    // Progress (progress-events): the assigned agency reports; its deciders record paper reports, confirm, return, reopen.
    ['report progress', assignmentStates('write', report)],
    ['report a completion', assignmentStates('write', report)],
    ['record a paper progress report for an agency', assignmentStates('write', report)],
    ['record a paper completion for an agency', assignmentStates('write', report)],
    ['confirm or return a completion', assignmentStates('write', decide)],
    ['reopen a completion', assignmentStates('write', decide)],
    [
      "download a file of an assignment's report",
      assignmentStates('read', (l) => ({ rules: [rule(progressPolicy.readAttachment, views.context(l))] })),
    ],
    // Reads of the report projection (docs/domain.md, "Who reads what"): lists narrowed, single resources refused.
    ['list directives', directiveStates('read', (l) => narrowed(l, [readDirective(l)]))],
    ['read a directive', directiveStates('read', (l) => ({ rules: [readDirective(l)] }))],
    ['list assignments', stateless('assignments as of 01/03/2017', (l) => narrowed(l, [readAssignment(l)], agencyFilter(undefined)))],
    ["list one agency's assignments", stateless("Mường Lát's assignments", () => ({ rules: agencyFilter('h-muong-lat') }))],
    ['read a summary', stateless('2017-Q1', () => ({ rules: agencyFilter(undefined) }))],
    ["read one agency's summary", stateless("Mường Lát's 2017-Q1", () => ({ rules: agencyFilter('h-muong-lat') }))],
    ['read scorecards', stateless('2017', () => ({ rules: agencyFilter(undefined) }))],
    ['read a timeline', assignmentStates('read', (l) => ({ rules: [readAssignment(l)] }))],
    ["read a task's timeline", assignmentStates('read', (l) => ({ rules: [rule(reportingPolicy.readTask, views.task(l, '3'))] }))],
    ['read a state', assignmentStates('read', (l) => ({ rules: [readAssignment(l)] }))],
    ['read the annual reviews', stateless('2017', () => annualReview())],
    ["read one agency's annual review", stateless("Mường Lát's 2017", () => annualReview('h-muong-lat'))],
    ["export one agency's annual review", stateless("Mường Lát's 2017", () => annualReview('h-muong-lat'))],
    // The registry (every role reads it; an admin changes it) and the audit trail (inspectors and admins).
    ...[
      'read the registry',
      'read a group',
      'read an agency',
      "read the registry's timeline",
      'create an agency',
      'rename an agency',
      'end an agency',
      "transfer an ended agency's work",
      'create a group',
      "change a group's members",
      'end a group',
      'import an edition',
      'verify the audit trail',
      'follow a verification',
      'fetch the checkpoint key',
      "read a directive's events",
      'read the changes of a time span',
      'read the access log',
      'list checkpoints',
      'take a checkpoint',
      'read the tree heads',
      'prove an event is in the log',
      'prove the log only grew',
      'export the audit trail',
      'read the working calendar',
      'ask whether a date is a working day',
      'record a make-up day',
      'list issued reports',
      'run the urging scheduler',
      'read one’s session',
      'list accounts',
      'create an account',
    ].map((action): [string, Record<string, () => Promise<Case>>] => [action, stateless('no resource')]),
    // Reporting (docs/reporting.md, "Who may do what"): the directive's monitoring office acts, its readers read.
    ['read a period rolled up by agency, group and province', directiveStates('read', (l) => ({ rules: [readDirective(l)] }))],
    ['set a reporting regime', directiveStates('write', (l) => ({ rules: [rule(dutiesPolicy.setRegime, views.overseen(l))] }))],
    [
      'read a reporting regime',
      {
        ...reporting('regime set', (l) => ({ rules: [readDirective(l)] })),
        ...directiveStates('read', (l) => ({ rules: [readDirective(l)] })),
      },
    ],
    [
      "submit Mường Lát's periodic report",
      reporting('quarterly duty of the districts', (l) => ({
        rules: (p) => [
          rule(dutiesPolicy.submit, 'h-muong-lat'),
          ...(p.agencyId !== 'h-muong-lat' ? [rule(dutiesPolicy.recordPaperReport, views.overseen(l))] : []),
        ],
      })),
    ],
    ['list periodic reports of an agency', reporting("Mường Lát's", () => ({ rules: agencyFilter('h-muong-lat') }))],
    ["read an agency's periodic report compliance", reporting("Mường Lát's 2017", () => ({ rules: agencyFilter('h-muong-lat') }))],
    [
      'download a submitted file',
      reporting("Mường Lát's file", (l) => ({
        // An agency officer reads its own agency's files; anyone else those of a directive it reads.
        rules: (p) => [onlyAgencyOfficer(p) ? rule(reportingPolicy.readAgency, 'h-muong-lat') : readDirective(l)],
      })),
    ],
    [
      "issue a directive's period report",
      directiveStates('write', (l) => ({ rules: [rule(dutiesPolicy.issueReport, views.overseen(l))] })),
    ],
    ...[
      'read an issued report',
      'read a revision of an issued report',
      'compare two revisions',
      'download an issued report',
      'download a revision',
    ].map((action): [string, Record<string, () => Promise<Case>>] => [
      action,
      reporting('issued twice', (l) => ({ rules: [readDirective(l)] })),
    ]),
    ["download a draft of a directive's report", directiveStates('read', (l) => ({ rules: [readDirective(l)] }))],
    ["list an agency's reminders", reporting("Mường Lát's", () => ({ rules: [rule(dutiesPolicy.readReminders, 'h-muong-lat')] }))],
    [
      'read a reminder',
      reporting("so-ldtbxh's reminder to Mường Lát", (l) => ({
        // The route's rule on the reminder's agency (an agency officer reads its own agency's); anyone else reads those of a directive it reads.
        rules: (p) => [rule(dutiesPolicy.readReminders, 'h-muong-lat'), ...(onlyAgencyOfficer(p) ? [] : [readDirective(l)])],
      })),
    ],
    ['send a reminder', directiveStates('read', (l) => ({ rules: [rule(dutiesPolicy.remind, views.overseen(l))] }))],
    // Accounts (docs/security.md): admins manage them; anyone reads and sets their own.
    ['sign out', stateless('own session')],
    ['read another’s account', accountStates('read', (u) => ({ rules: [rule(identityPolicy.read, u)] }))],
    ['change an account', accountStates('write', (u) => ({ rules: [rule(identityPolicy.change, { username: u, roles: ['inspector'] })] }))],
    ['reset another’s password', accountStates('write', (u) => ({ rules: [rule(identityPolicy.setPassword, u)] }))],
    ['disable an account', accountStates('write', (u) => ({ rules: [rule(identityPolicy.disable, u)] }))],
    ['enable an account', accountStates('write', () => ({}))],
    ['issue an API token', accountStates('write', () => ({}))],
    // Last: a rebuild replays the read models while it runs.
    ['follow a rebuild', stateless('no resource')],
    ['rebuild the read models', stateless('no resource')],
  ];
  return rows.map(([action, states]) => ({ action, states }));
}
