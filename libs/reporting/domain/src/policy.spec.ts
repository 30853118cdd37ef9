import { ROLES, type Principal, type UserRole } from '@dm/contracts';
import { mayAttempt } from '@dm/eventsourcing';
import { reportingPolicy } from './policy';

const as = (role: UserRole): Principal => ({ sub: role, name: null, agencyId: 'so-ldtbxh', roles: [role] });

/** The roles that reach each action; what a reader reads of a resource is read-scope.spec.ts's. */
const table: Array<[keyof typeof reportingPolicy, UserRole[]]> = [
  ['read', ['agency_officer', 'monitoring_officer', 'inspector', 'admin']],
  ['readAgency', ['agency_officer', 'monitoring_officer', 'inspector', 'admin']],
  ['readDirective', ['agency_officer', 'monitoring_officer', 'inspector', 'admin']],
  ['readAssignment', ['agency_officer', 'monitoring_officer', 'inspector', 'admin']],
  ['readTask', ['agency_officer', 'monitoring_officer', 'inspector', 'admin']],
  ['rebuild', ['admin']],
  ['rebuildStatus', ['admin', 'inspector']],
];

describe('reporting policy', () => {
  it('has a row for every action', () => {
    expect(table.map(([action]) => action).sort()).toEqual(Object.keys(reportingPolicy).sort());
  });

  it.each(table.flatMap(([action, allowed]) => ROLES.map((role) => [action, role, allowed.includes(role)] as const)))(
    '%s as %s',
    (action, role, expected) => {
      expect(mayAttempt(reportingPolicy[action], as(role))).toBe(expected);
    },
  );
});
