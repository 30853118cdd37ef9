import type { Principal } from '@dm/contracts';
import { isAllowed } from '@dm/eventsourcing';
import { identityPolicy } from './identity.policy';

const admin: Principal = { sub: 'admin', name: null, agencyId: null, roles: ['admin'] };
const officer: Principal = { sub: 'cb', name: null, agencyId: 'ubnd-muong-lat', roles: ['agency_officer'] };
const inspector: Principal = { sub: 'tt', name: null, agencyId: 'thanh-tra-tinh', roles: ['inspector'] };

describe('identityPolicy', () => {
  it('lets only an admin manage accounts', () => {
    expect(isAllowed(identityPolicy.manage, admin, undefined)).toBe(true);
    for (const p of [officer, inspector]) expect(isAllowed(identityPolicy.manage, p, undefined)).toBe(false);
  });

  it('lets anyone read and set their own account’s password, and only an admin another’s', () => {
    for (const permission of [identityPolicy.read, identityPolicy.setPassword]) {
      expect(isAllowed(permission, officer, 'cb')).toBe(true);
      expect(isAllowed(permission, officer, 'tt')).toBe(false);
      expect(isAllowed(permission, inspector, 'cb')).toBe(false);
      expect(isAllowed(permission, admin, 'cb')).toBe(true);
    }
  });

  it('keeps an admin from locking themselves out', () => {
    expect(isAllowed(identityPolicy.disable, admin, 'admin')).toBe(false);
    expect(isAllowed(identityPolicy.disable, admin, 'cb')).toBe(true);
    expect(isAllowed(identityPolicy.disable, officer, 'tt')).toBe(false);
    expect(isAllowed(identityPolicy.change, admin, { username: 'admin', roles: ['inspector'] })).toBe(false);
    expect(isAllowed(identityPolicy.change, admin, { username: 'admin', roles: ['inspector', 'admin'] })).toBe(true);
    expect(isAllowed(identityPolicy.change, admin, { username: 'cb', roles: ['inspector'] })).toBe(true);
    expect(isAllowed(identityPolicy.change, officer, { username: 'cb', roles: ['agency_officer'] })).toBe(false);
  });

  it('lets anyone signed in read their session', () => {
    for (const p of [admin, officer, inspector]) expect(isAllowed(identityPolicy.session, p, undefined)).toBe(true);
  });
});
