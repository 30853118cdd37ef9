import type { Principal, UserRole } from '@dm/contracts';
import { isAllowed } from '@dm/eventsourcing';
import { dutiesPolicy, officeRefusal, remindersRefusal, submitterRefusal } from './duties.policy';

const who = (role: UserRole, agencyId: string | null): Principal => ({ sub: `${role}-${agencyId}`, name: null, agencyId, roles: [role] });
const letter = { number: '4308/UBND-VX', monitoringAgency: 'so-ldtbxh', issuerOffice: 'vp-ubnd-tinh' };

describe('who may act on reporting (docs/reporting.md, "Who may do what")', () => {
  it("lets the directive's monitoring agency and the issuer's office act on it, an admin always, no other office", () => {
    expect(officeRefusal(who('monitoring_officer', 'so-ldtbxh'), letter)).toBeNull();
    expect(officeRefusal(who('monitoring_officer', 'vp-ubnd-tinh'), letter)).toBeNull();
    expect(officeRefusal(who('admin', null), letter)).toBeNull();
    expect(officeRefusal(who('monitoring_officer', 'so-yt'), letter)).toBe(
      'so-yt neither monitors directive 4308/UBND-VX (so-ldtbxh does) nor issued it',
    );
    expect(officeRefusal(who('monitoring_officer', null), letter)).toMatch(/names none/);
    expect(officeRefusal(who('monitoring_officer', null), null)).toMatch(/names none/);
  });

  it('lets any office with an agency issue its report on every directive it follows', () => {
    expect(officeRefusal(who('monitoring_officer', 'so-yt'), null)).toBeNull();
    expect(isAllowed(dutiesPolicy.issueReport, who('monitoring_officer', 'so-yt'), null)).toBe(true);
    expect(isAllowed(dutiesPolicy.issueReport, who('agency_officer', 'so-yt'), null)).toBe(false);
    expect(isAllowed(dutiesPolicy.issueReport, who('inspector', 'thanh-tra-tinh'), null)).toBe(false);
  });

  it('lets an agency officer submit for its own agency only; the office and admins for any (the paper report is checked apart)', () => {
    expect(submitterRefusal(who('agency_officer', 'h-muong-lat'), 'h-muong-lat')).toBeNull();
    expect(submitterRefusal(who('agency_officer', 'h-quan-hoa'), 'h-muong-lat')).toBe(
      "an agency officer of h-quan-hoa submits its own agency's reports, not h-muong-lat's",
    );
    expect(submitterRefusal(who('monitoring_officer', 'so-ldtbxh'), 'h-muong-lat')).toBeNull();
    expect(submitterRefusal(who('admin', null), 'h-muong-lat')).toBeNull();
    expect(isAllowed(dutiesPolicy.submit, who('inspector', 'thanh-tra-tinh'), 'thanh-tra-tinh')).toBe(false);
    expect(isAllowed(dutiesPolicy.recordPaperReport, who('monitoring_officer', 'so-yt'), letter)).toBe(false);
    expect(isAllowed(dutiesPolicy.recordPaperReport, who('monitoring_officer', 'so-ldtbxh'), letter)).toBe(true);
    expect(isAllowed(dutiesPolicy.recordPaperReport, who('agency_officer', 'so-ldtbxh'), letter)).toBe(false);
  });

  it("lets an agency officer read its own agency's reminders only; other roles are scoped by the directive", () => {
    expect(remindersRefusal(who('agency_officer', 'h-muong-lat'), 'h-muong-lat')).toBeNull();
    expect(remindersRefusal(who('agency_officer', 'h-muong-lat'), 'h-ba-thuoc')).toBe(
      'an agency officer reads the reminders of h-muong-lat only',
    );
    expect(remindersRefusal(who('agency_officer', 'h-muong-lat'), undefined)).not.toBeNull();
    expect(remindersRefusal(who('monitoring_officer', 'so-ldtbxh'), 'h-ba-thuoc')).toBeNull();
    expect(remindersRefusal({ ...who('agency_officer', 'h-muong-lat'), roles: ['agency_officer', 'inspector'] }, 'h-ba-thuoc')).toBeNull();
  });

  it('gives each action to exactly the roles the table in docs/reporting.md names', () => {
    const roles = ['agency_officer', 'monitoring_officer', 'inspector', 'admin'] as const;
    const allowedRoles = (permission: { roles: readonly string[] }) => roles.filter((r) => permission.roles.includes(r));
    expect(allowedRoles(dutiesPolicy.setRegime)).toEqual(['monitoring_officer', 'admin']);
    expect(allowedRoles(dutiesPolicy.submit)).toEqual(['agency_officer', 'monitoring_officer', 'admin']);
    expect(allowedRoles(dutiesPolicy.recordPaperReport)).toEqual(['monitoring_officer', 'admin']);
    expect(allowedRoles(dutiesPolicy.issueReport)).toEqual(['monitoring_officer', 'admin']);
    expect(allowedRoles(dutiesPolicy.remind)).toEqual(['monitoring_officer', 'admin']);
    expect(allowedRoles(dutiesPolicy.adjustCalendar)).toEqual(['admin']);
    expect(allowedRoles(dutiesPolicy.runUrging)).toEqual(['admin']);
    for (const permission of [dutiesPolicy.setRegime, dutiesPolicy.recordPaperReport, dutiesPolicy.issueReport, dutiesPolicy.remind])
      expect(isAllowed(permission as never, who('admin', null), letter)).toBe(true);
    expect(isAllowed(dutiesPolicy.submit, who('agency_officer', 'h-muong-lat'), 'h-muong-lat')).toBe(true);
    expect(isAllowed(dutiesPolicy.submit, who('monitoring_officer', 'so-ldtbxh'), 'h-muong-lat')).toBe(true);
  });

  it('keeps the calendar to admins and its reading to everyone signed in; only an admin runs what an admin runs', () => {
    for (const role of ['agency_officer', 'monitoring_officer', 'inspector'] as const)
      expect([role, isAllowed(dutiesPolicy.adjustCalendar, who(role, 'so-ldtbxh'), undefined)]).toEqual([role, false]);
    expect(isAllowed(dutiesPolicy.adjustCalendar, who('admin', null), undefined)).toBe(true);
    for (const role of ['agency_officer', 'monitoring_officer', 'inspector', 'admin'] as const) {
      expect(isAllowed(dutiesPolicy.readCalendar, who(role, 'x'), undefined)).toBe(true);
      expect(isAllowed(dutiesPolicy.readReminders, who(role, 'x'), 'x')).toBe(true);
    }
    expect(isAllowed(dutiesPolicy.setRegime, who('agency_officer', 'so-ldtbxh'), letter)).toBe(false);
    expect(isAllowed(dutiesPolicy.remind, who('agency_officer', 'so-ldtbxh'), letter)).toBe(false);
    expect(isAllowed(dutiesPolicy.remind, who('monitoring_officer', 'so-ldtbxh'), letter)).toBe(true);
    expect(isAllowed(dutiesPolicy.setRegime, who('monitoring_officer', 'so-yt'), letter)).toBe(false);
  });
});
