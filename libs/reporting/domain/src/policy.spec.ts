import { ROLES, type Principal, type UserRole } from '@dm/contracts';
import { isAllowed } from '@dm/eventsourcing';
import { reportingPolicy } from './policy';

const as = (role: UserRole): Principal => ({ sub: role, name: null, agencyId: 'so-ldtbxh', roles: [role] });

const table: Array<[keyof typeof reportingPolicy, UserRole[]]> = [
  ['read', ['agency_officer', 'monitoring_officer', 'inspector', 'admin']],
  ['rebuild', ['admin']],
  ['rebuildStatus', ['admin', 'inspector']],
];

describe('reporting policy', () => {
  it.each(table.flatMap(([action, allowed]) => ROLES.map((role) => [action, role, allowed.includes(role)] as const)))(
    '%s as %s',
    (action, role, expected) => {
      expect(isAllowed(reportingPolicy[action], as(role), undefined)).toBe(expected);
    },
  );
});
