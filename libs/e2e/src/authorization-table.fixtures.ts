import type { UserRole } from '@dm/contracts';
import type { ApiResponse } from '@dm/testing';
import type { EmbeddedFixture } from './fixture';

/** The shape of the authorisation table (authorization.e2e.spec.ts): an action, who may do it, for whose agency. */
export type Scope = 'own' | 'any';
export type Agencies = { own: string; other: string };
export type Action = {
  /** The served route the action calls, as Fastify names it ("POST /api/v1/directives/:id/revoke"). */
  route: string;
  /** The agency whose officer acts "for its own", and one that has nothing to do with the resource. */
  agencies: Agencies;
  /** Those agencies for one role, where they differ (reads: the monitoring officer's own is the monitoring agency). */
  byRole?: Partial<Record<UserRole, Agencies>>;
  allowed: Partial<Record<UserRole, Scope>>;
  /** A route anyone may call unsigned (sign-in). */
  public?: true;
  send: (as: ReturnType<EmbeddedFixture['client']>) => Promise<ApiResponse>;
};

export const everyone: Partial<Record<UserRole, Scope>> = {
  agency_officer: 'any',
  monitoring_officer: 'any',
  inspector: 'any',
  admin: 'any',
};
/** A read of one resource: an agency officer of its agency, a monitoring officer of the directive's overseers, inspectors and admins. */
export const scoped: Partial<Record<UserRole, Scope>> = {
  agency_officer: 'own',
  monitoring_officer: 'own',
  inspector: 'any',
  admin: 'any',
};
/** A list narrowed to one agency: an agency officer names its own only; monitoring officers (within their scope), inspectors and admins any. */
export const narrowed: Partial<Record<UserRole, Scope>> = {
  agency_officer: 'own',
  monitoring_officer: 'any',
  inspector: 'any',
  admin: 'any',
};
/** The monitoring officers of the letter's monitoring agency, and of one addressed in it that does not hold the assignment read. */
export const monitoringOfficers: Partial<Record<UserRole, Agencies>> = { monitoring_officer: { own: 'so-ldtbxh', other: 'h-ba-thuoc' } };
export const inspectors: Partial<Record<UserRole, Scope>> = { inspector: 'any', admin: 'any' };

/** A paper report an office records for an agency (its number and date). */
export const paperReport = { number: '45/BC-UBND', date: '2017-03-02' };
