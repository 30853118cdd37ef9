import { ROLES, type Principal, type UserRole } from '@dm/contracts';
import { authorize, isAllowed } from '@dm/eventsourcing';
import { context } from './assignment.fixtures';
import { progressPolicy, recordsOnBehalf } from './policy';

const as = (role: UserRole, agencyId: string | null): Principal => ({ sub: `${role}-${agencyId}`, name: null, agencyId, roles: [role] });

/** role → agencies allowed on Mường Lát's assignment (issued by ubnd-tinh, monitored by so-ldtbxh). */
const agencies = ['h-muong-lat', 'h-ba-thuoc', 'so-ldtbxh', 'ubnd-tinh', 'vp-ubnd-tinh', 'so-yt', 'thanh-tra-tinh', null];
const table: Array<[keyof typeof progressPolicy, Partial<Record<UserRole, Array<string | null>>>]> = [
  // a monitoring officer of a deciding party records a paper report for the agency
  ['report', { agency_officer: ['h-muong-lat'], monitoring_officer: ['so-ldtbxh', 'ubnd-tinh', 'vp-ubnd-tinh'] }],
  ['decideCompletion', { monitoring_officer: ['so-ldtbxh', 'ubnd-tinh', 'vp-ubnd-tinh'] }],
  // who reads the assignment's timeline: its agency's officers, the deciding parties' monitoring officers, inspectors and admins
  [
    'readAttachment',
    {
      agency_officer: ['h-muong-lat'],
      monitoring_officer: ['h-muong-lat', 'so-ldtbxh', 'ubnd-tinh', 'vp-ubnd-tinh'],
      inspector: agencies,
      admin: agencies,
    },
  ],
];

describe('progress policy', () => {
  const cases = table.flatMap(([action, allowed]) =>
    ROLES.flatMap((role) => agencies.map((agency) => [action, role, agency, (allowed[role] ?? []).includes(agency)] as const)),
  );

  it.each(cases)('%s as %s of %s', (action, role, agency, expected) => {
    expect(isAllowed(progressPolicy[action], as(role, agency), context)).toBe(expected);
  });

  it('says whose assignment it is when an officer of another agency reports', () => {
    expect(() => authorize(progressPolicy.report, as('agency_officer', 'h-ba-thuoc'), context)).toThrow(
      'Assignment a-1 belongs to h-muong-lat; you report for h-ba-thuoc',
    );
  });

  it('leaves out an issuer office the directive does not have', () => {
    const noOffice = { ...context, issuerOffice: null };
    expect(isAllowed(progressPolicy.decideCompletion, as('monitoring_officer', 'vp-ubnd-tinh'), noOffice)).toBe(false);
    expect(() => authorize(progressPolicy.decideCompletion, as('monitoring_officer', 'so-yt'), noOffice)).toThrow(
      'Only a monitoring officer of so-ldtbxh, ubnd-tinh may confirm, return or reopen completions of directive 4308/UBND-VX',
    );
  });
});

describe('progressPolicy.readAttachment', () => {
  it('says whose assignment it is and who oversees it when another agency reads its files', () => {
    expect(() => authorize(progressPolicy.readAttachment, as('agency_officer', 'h-ba-thuoc'), context)).toThrow(
      'Assignment a-1 (task 3 of 4308/UBND-VX) is held by h-muong-lat and overseen by so-ldtbxh, ubnd-tinh, vp-ubnd-tinh: h-ba-thuoc may not read its files',
    );
    expect(() => authorize(progressPolicy.readAttachment, as('monitoring_officer', null), context)).toThrow('Your token names no agency');
  });

  it('follows a transfer: the successor holding it reads, the agency it moved from no longer does (this view knows only who holds it now)', () => {
    const transferred = { ...context, agencyId: 'h-quan-son', heldSince: '2025-07-01' };
    expect(isAllowed(progressPolicy.readAttachment, as('agency_officer', 'h-quan-son'), transferred)).toBe(true);
    expect(isAllowed(progressPolicy.readAttachment, as('agency_officer', 'h-muong-lat'), transferred)).toBe(false);
    const monitoredElsewhere = { ...context, monitoringAgency: 'so-nnmt' };
    expect(isAllowed(progressPolicy.readAttachment, as('monitoring_officer', 'so-nnmt'), monitoredElsewhere)).toBe(true);
    expect(isAllowed(progressPolicy.readAttachment, as('monitoring_officer', 'so-ldtbxh'), monitoredElsewhere)).toBe(false);
  });
});

describe('progress policy, for a caller without an agency', () => {
  it('says so when it refuses', () => {
    expect(() => authorize(progressPolicy.report, as('agency_officer', null), context)).toThrow(
      'Assignment a-1 belongs to h-muong-lat; you report for no agency',
    );
  });
});

describe('recordsOnBehalf', () => {
  it('is true only for a deciding monitoring officer who is not an officer of the agency', () => {
    expect(recordsOnBehalf(as('monitoring_officer', 'so-ldtbxh'), context)).toBe(true);
    expect(recordsOnBehalf(as('agency_officer', 'h-muong-lat'), context)).toBe(false);
    expect(recordsOnBehalf(as('monitoring_officer', 'so-yt'), context)).toBe(false);
    const both: Principal = { sub: 'x', name: null, agencyId: 'h-muong-lat', roles: ['agency_officer', 'monitoring_officer'] };
    expect(recordsOnBehalf(both, context)).toBe(false);
  });
});
