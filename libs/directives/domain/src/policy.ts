import type { Principal } from '@dm/contracts';
import type { Permission } from '@dm/eventsourcing';
import type { IssuedDirective } from './directive';
import type { DraftActor } from './import-draft';

/** The body a directive is issued in the name of (null when the request names none), and that body's office. */
export interface Issuer {
  issuer: string | null;
  issuerOffice: string | null;
}

const officersOf = (body: Issuer) => [body.issuer, body.issuerOffice].filter((id): id is string => !!id);
const mayIssue = (principal: Principal, body: Issuer) => !!principal.agencyId && officersOf(body).includes(principal.agencyId);
const changersOf = (d: IssuedDirective) => [d.monitoringAgency, d.issuer, d.issuerOffice].filter((id): id is string => !!id);

/**
 * Who may issue and change directives, and read the registry (docs/architecture.md,
 * "Where each rule lives"). Reading directives is the reporting context's
 * (libs/reporting/domain/src/policy.ts).
 */
export const directivesPolicy = {
  /** The agency registry and its timeline: every role reads them. */
  readRegistry: { roles: ['agency_officer', 'monitoring_officer', 'inspector', 'admin'] } satisfies Permission<void>,
  /** Changing the registry (agencies, groups, editions) and moving an ended agency's work to its successor: an admin. */
  changeRegistry: { roles: ['admin'] } satisfies Permission<void>,
  /**
   * Issuing in a body's name: a monitoring officer of that body or of its
   * office. The monitoring agency is the issuer's to choose; naming oneself
   * monitoring agency gives no right to issue.
   */
  issue: {
    roles: ['monitoring_officer'],
    rule: (principal: Principal, body: Issuer) => {
      if (mayIssue(principal, body)) return null;
      if (!body.issuer)
        return 'A directive is issued in the name of its issuer: name the issuer, of which (or of whose office) you are an officer';
      return `Only a monitoring officer of ${officersOf(body).join(' or ')} may issue a directive in the name of ${body.issuer}`;
    },
  } satisfies Permission<Issuer>,
  /** Importing a directive's text into a draft to review (docs/import.md): who may issue directives. */
  importDirective: { roles: ['monitoring_officer'] } satisfies Permission<void>,
  /**
   * Reading, correcting, issuing or discarding an import draft: a monitoring
   * officer of the agency that imported it, or the officer who did. Issuing
   * it is also issuing a directive (`issue`).
   */
  reviewImport: {
    roles: ['monitoring_officer'],
    rule: (principal: Principal, draft: { importedBy: DraftActor }) => {
      const { userId, agencyId } = draft.importedBy;
      if (principal.sub === userId || (!!agencyId && principal.agencyId === agencyId)) return null;
      return `Only a monitoring officer of ${agencyId ?? userId}, which imported it, may review this import draft`;
    },
  } satisfies Permission<{ importedBy: DraftActor }>,
  /** Changing a deadline or cancelling a task: a monitoring officer of the monitoring agency, the issuer or its office. */
  change: {
    roles: ['monitoring_officer'],
    rule: (principal: Principal, d: IssuedDirective) =>
      principal.agencyId && changersOf(d).includes(principal.agencyId)
        ? null
        : `Only a monitoring officer of ${changersOf(d).join(', ')} may change directive ${d.number}`,
  } satisfies Permission<IssuedDirective>,
};
