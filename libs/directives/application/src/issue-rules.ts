import { vietnamDate } from '@dm/periods';
import { problems, type Principal } from '@dm/platform';
import type { AgencyRegistry } from '@dm/registry';

/**
 * Only a monitoring officer of the issuing body, of its office, or of the
 * monitoring agency the directive names issues it. Checked on the raw body,
 * before the body is validated.
 */
export function assertMayIssue(principal: Principal, body: unknown, registry: AgencyRegistry): void {
  const raw = (body ?? {}) as { issuer?: unknown; monitoringAgency?: unknown };
  const issuer = typeof raw.issuer === 'string' ? raw.issuer : null;
  const monitoring = typeof raw.monitoringAgency === 'string' ? raw.monitoringAgency : null;
  if (!principal.agencyId) throw problems.forbidden('Issuing a directive needs a monitoring officer of an agency');
  if (!issuer && !monitoring) return; // nothing to authorise against: validation names the missing fields
  const allowed = [issuer, issuer ? registry.officeOf(issuer) : null, monitoring].filter((a): a is string => !!a);
  if (!allowed.includes(principal.agencyId)) {
    throw problems.forbidden(`Only a monitoring officer of ${allowed.join(', ')} may issue this directive`);
  }
}

/** Business dates of commands may not lie after today (Asia/Ho_Chi_Minh). */
export function notInFuture(field: string, date: string | undefined): void {
  if (date && date > vietnamDate(new Date())) {
    throw problems.invalid([{ field, message: 'must not be after today' }]);
  }
}
