import { ROLES, type Principal, type UserRole } from '@dm/contracts';
import { authorize, ForbiddenError, isAllowed } from '@dm/eventsourcing';
import type { IssuedDirective } from './directive';
import { directivesPolicy } from './policy';

const as = (role: UserRole, agencyId: string | null): Principal => ({ sub: `${role}-${agencyId}`, name: null, agencyId, roles: [role] });

const directive: IssuedDirective = {
  exists: true,
  directiveId: 'd-1',
  number: '4308/UBND-VX',
  issuedOn: '2017-02-10',
  issuer: 'ubnd-tinh',
  issuerOffice: 'vp-ubnd-tinh',
  monitoringAgency: 'so-ldtbxh',
  assignments: {},
  closed: null,
  taskNumbers: [],
  tasks: {},
};
const issuer = { issuer: 'ubnd-tinh', issuerOffice: 'vp-ubnd-tinh' };

/** role → agencies allowed (every other agency, and no agency, is refused). */
const table: Array<[string, (p: Principal) => boolean, Partial<Record<UserRole, string[]>>]> = [
  ['issue', (p) => isAllowed(directivesPolicy.issue, p, issuer), { monitoring_officer: ['ubnd-tinh', 'vp-ubnd-tinh'] }],
  ['change', (p) => isAllowed(directivesPolicy.change, p, directive), { monitoring_officer: ['so-ldtbxh', 'ubnd-tinh', 'vp-ubnd-tinh'] }],
  ['import a directive', (p) => isAllowed(directivesPolicy.importDirective, p, undefined), { monitoring_officer: ['*'] }],
  [
    'review an import draft of vp-ubnd-tinh',
    (p) => isAllowed(directivesPolicy.reviewImport, p, { importedBy: { userId: 'someone-else', agencyId: 'vp-ubnd-tinh' } }),
    { monitoring_officer: ['vp-ubnd-tinh'] },
  ],
  [
    'read the registry',
    (p) => isAllowed(directivesPolicy.readRegistry, p, undefined),
    { agency_officer: ['*'], monitoring_officer: ['*'], inspector: ['*'], admin: ['*'] },
  ],
];
const agencies = ['ubnd-tinh', 'vp-ubnd-tinh', 'so-ldtbxh', 'so-yt', 'h-muong-lat', 'thanh-tra-tinh', null];

describe('directives policy', () => {
  const cases = table.flatMap(([action, allows, allowed]) =>
    ROLES.flatMap((role) =>
      agencies.map((agency) => [action, role, agency, allows, (allowed[role] ?? []).some((a) => a === '*' || a === agency)] as const),
    ),
  );

  it.each(cases)('%s as %s of %s', (_action, role, agency, allows, expected) => {
    expect(allows(as(role, agency))).toBe(expected);
  });

  it("names who may issue when it refuses, and never lets the monitoring agency issue in the issuer's name", () => {
    expect(() => authorize(directivesPolicy.issue, as('monitoring_officer', 'so-ldtbxh'), issuer)).toThrow(
      new ForbiddenError('Only a monitoring officer of ubnd-tinh or vp-ubnd-tinh may issue a directive in the name of ubnd-tinh'),
    );
    expect(() =>
      authorize(directivesPolicy.issue, as('monitoring_officer', 'so-ldtbxh'), { issuer: 'so-ldtbxh', issuerOffice: null }),
    ).not.toThrow();
  });

  it('names the parties who may change a directive, and the role the action needs', () => {
    expect(() => authorize(directivesPolicy.change, as('monitoring_officer', 'so-yt'), directive)).toThrow(
      'Only a monitoring officer of so-ldtbxh, ubnd-tinh, vp-ubnd-tinh may change directive 4308/UBND-VX',
    );
    expect(() => authorize(directivesPolicy.change, as('inspector', 'so-ldtbxh'), directive)).toThrow(
      'This action needs the role monitoring_officer',
    );
  });
});

describe('directives policy, reviewing an import draft', () => {
  it('lets the officer who imported it review it, whatever agency they hold, and names who may when it refuses', () => {
    const byHand = { importedBy: { userId: 'clerk-1', agencyId: null } };
    const clerk = { ...as('monitoring_officer', 'so-yt'), sub: 'clerk-1' };
    expect(isAllowed(directivesPolicy.reviewImport, clerk, byHand)).toBe(true);
    expect(() => authorize(directivesPolicy.reviewImport, as('monitoring_officer', 'so-yt'), byHand)).toThrow(
      new ForbiddenError('Only a monitoring officer of clerk-1, which imported it, may review this import draft'),
    );
    expect(() =>
      authorize(directivesPolicy.reviewImport, as('monitoring_officer', 'so-yt'), {
        importedBy: { userId: 'clerk-1', agencyId: 'vp-ubnd-tinh' },
      }),
    ).toThrow(new ForbiddenError('Only a monitoring officer of vp-ubnd-tinh, which imported it, may review this import draft'));
  });
});

describe('directives policy, for an issuer without an office', () => {
  it('names only the issuer, and only the parties there are, when it refuses', () => {
    expect(() => authorize(directivesPolicy.issue, as('monitoring_officer', 'so-yt'), { issuer: 'so-ldtbxh', issuerOffice: null })).toThrow(
      new ForbiddenError('Only a monitoring officer of so-ldtbxh may issue a directive in the name of so-ldtbxh'),
    );
    const noOffice = { ...directive, issuer: 'so-tc', issuerOffice: null };
    expect(() => authorize(directivesPolicy.change, as('monitoring_officer', 'so-yt'), noOffice)).toThrow(
      new ForbiddenError('Only a monitoring officer of so-ldtbxh, so-tc may change directive 4308/UBND-VX'),
    );
    expect(isAllowed(directivesPolicy.change, as('monitoring_officer', null), noOffice)).toBe(false);
  });
});

describe('directives policy, for a request that names no issuer', () => {
  it('lets nobody issue, and says what is missing', () => {
    for (const agency of ['ubnd-tinh', 'vp-ubnd-tinh', 'so-ldtbxh', null]) {
      expect(isAllowed(directivesPolicy.issue, as('monitoring_officer', agency), { issuer: null, issuerOffice: null })).toBe(false);
    }
    expect(() => authorize(directivesPolicy.issue, as('monitoring_officer', 'vp-ubnd-tinh'), { issuer: null, issuerOffice: null })).toThrow(
      'A directive is issued in the name of its issuer: name the issuer, of which (or of whose office) you are an officer',
    );
  });
});
