import { hasRole, type Principal } from '@dm/contracts';
import type { Permission } from '@dm/eventsourcing';
import type { DirectiveDoc } from '../directives/directives.projection';

type Overseen = Pick<DirectiveDoc, 'number' | 'monitoringAgency' | 'issuerOffice'>;

/** The office acting on a directive's reporting: its monitoring agency now, or the issuer's office; an admin always. */
export function officeRefusal(principal: Principal, directive: Overseen | null): string | null {
  if (hasRole(principal, 'admin')) return null;
  if (!principal.agencyId) return 'a monitoring officer acts for an agency; this token names none';
  if (directive === null) return null;
  if (principal.agencyId === directive.monitoringAgency || principal.agencyId === directive.issuerOffice) return null;
  return `${principal.agencyId} neither monitors directive ${directive.number} (${directive.monitoringAgency} does) nor issued it`;
}

/** An agency officer submits its own agency's reports; a monitoring officer records an agency's paper report. */
export function submitterRefusal(principal: Principal, agencyId: string): string | null {
  if (hasRole(principal, 'monitoring_officer') || hasRole(principal, 'admin')) return null;
  return principal.agencyId === agencyId
    ? null
    : `an agency officer of ${principal.agencyId} submits its own agency's reports, not ${agencyId}'s`;
}

/** Reminders: an agency officer reads its own agency's only. */
export function remindersRefusal(principal: Principal, agencyId: string | undefined): string | null {
  if (!hasRole(principal, 'agency_officer') || principal.roles.length > 1) return null;
  return agencyId === principal.agencyId ? null : `an agency officer reads the reminders of ${principal.agencyId} only`;
}

/**
 * Who may do what in the reporting context's own records (docs/reporting.md,
 * "Who may do what"): the working calendar, regimes, periodic reports,
 * issued reports and reminders.
 */
export const dutiesPolicy = {
  /** Reading the working calendar: everyone signed in. */
  readCalendar: { roles: ['agency_officer', 'monitoring_officer', 'inspector', 'admin'] } satisfies Permission<void>,
  /** Make-up days and extra days off. */
  adjustCalendar: { roles: ['admin'] } satisfies Permission<void>,
  /** A directive's reporting regime: its monitoring office. */
  setRegime: { roles: ['monitoring_officer', 'admin'], rule: officeRefusal } satisfies Permission<Overseen>,
  /** A periodic report: the agency itself, or the office from its paper report. */
  submit: { roles: ['agency_officer', 'monitoring_officer', 'admin'], rule: submitterRefusal } satisfies Permission<string>,
  /** Recording an agency's paper report: the directive's monitoring office. */
  recordPaperReport: { roles: ['monitoring_officer', 'admin'], rule: officeRefusal } satisfies Permission<Overseen>,
  /** Issuing a period's report: the monitoring office of the directive (any office for the directives it follows). */
  issueReport: { roles: ['monitoring_officer', 'admin'], rule: officeRefusal } satisfies Permission<Overseen | null>,
  /** A reminder with the office's own text. */
  remind: { roles: ['monitoring_officer', 'admin'], rule: officeRefusal } satisfies Permission<Overseen | null>,
  /** Running the urging scheduler now, rather than at its next tick: an admin. */
  runUrging: { roles: ['admin'] } satisfies Permission<void>,
  /** Reminders: an agency officer its own agency's; the others all they may read. */
  readReminders: {
    roles: ['agency_officer', 'monitoring_officer', 'inspector', 'admin'],
    rule: remindersRefusal,
  } satisfies Permission<string | undefined>,
};
