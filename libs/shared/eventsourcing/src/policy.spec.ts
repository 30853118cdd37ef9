import type { Principal } from '@dm/contracts';
import { ForbiddenError } from './errors';
import { assertMayAttempt, authorize, isAllowed, mayAttempt, type Permission } from './policy';

const principal = (roles: Principal['roles'], agencyId: string | null = 'a-1'): Principal => ({ sub: 'u', name: null, agencyId, roles });
const ownOnly: Permission<{ owner: string }> = {
  roles: ['agency_officer', 'monitoring_officer'],
  rule: (p, r) => (p.agencyId === r.owner ? null : `only ${r.owner}`),
};

describe('policy', () => {
  it('lets a caller attempt an action when one of its roles is among the permission roles', () => {
    expect(mayAttempt(ownOnly, principal(['inspector', 'monitoring_officer']))).toBe(true);
    expect(mayAttempt(ownOnly, principal(['inspector']))).toBe(false);
    expect(mayAttempt(ownOnly, principal([]))).toBe(false);
    expect(() => assertMayAttempt(ownOnly, principal(['admin']))).toThrow(
      new ForbiddenError('This action needs the role agency_officer or monitoring_officer'),
    );
  });

  it('authorises only when the role and the rule on the resource both allow it', () => {
    expect(() => authorize(ownOnly, principal(['agency_officer']), { owner: 'a-1' })).not.toThrow();
    expect(() => authorize(ownOnly, principal(['agency_officer']), { owner: 'a-2' })).toThrow(new ForbiddenError('only a-2'));
    expect(() => authorize(ownOnly, principal(['inspector']), { owner: 'a-1' })).toThrow(ForbiddenError);
    expect(isAllowed(ownOnly, principal(['agency_officer']), { owner: 'a-1' })).toBe(true);
    expect(isAllowed(ownOnly, principal(['agency_officer']), { owner: 'a-2' })).toBe(false);
    expect(isAllowed(ownOnly, principal(['inspector']), { owner: 'a-1' })).toBe(false);
  });

  it('takes a permission without a rule on the role alone', () => {
    const anyone: Permission<void> = { roles: ['inspector'] };
    expect(() => authorize(anyone, principal(['inspector'], null), undefined)).not.toThrow();
    expect(isAllowed(anyone, principal(['inspector']), undefined)).toBe(true);
  });
});
