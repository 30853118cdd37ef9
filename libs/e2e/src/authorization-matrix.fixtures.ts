import type { Principal, UserRole } from '@dm/contracts';
import { isAllowed, mayAttempt, type Permission } from '@dm/eventsourcing';
import type { ApiResponse } from '@dm/testing';
import type { Action, Agencies } from './authorization-table.fixtures';
import type { TableIds } from './authorization-actions.fixtures';

/**
 * The generated authorisation matrix (authorization-matrix.e2e.spec.ts): for
 * every served route, every role × an agency the resource concerns ("own") or
 * another × each state of the resource, the answer expected is computed from
 * the policy modules, not written by hand.
 */

/** One permission a handler applies, with the resource as the handler sees it (built from what the fixture made). */
export type Rule = { permission: Permission<any>; resource: unknown } | { anyOf: Rule[] };
export const rule = <R>(permission: Permission<R>, resource: R): Rule => ({ permission, resource });

/** The resource in one state: the records the table's action is sent on, and the rules its handler applies on it. */
export interface Case {
  ids: TableIds;
  /**
   * The permissions the handler applies on this resource beyond the route's
   * roles (the route's own permission included when it has a rule), for the
   * caller: a list of rules that must all allow.
   */
  rules?: Rule[] | ((principal: Principal) => Rule[]);
  /** For a list (narrowed, never refused): whether its answer holds the resource, and the rules that decide whether it should. */
  narrowed?: { holds: (answer: ApiResponse) => boolean; to: Rule[] };
  /** The subject of the "own" principal, where own means the record's holder rather than its agency (an account). */
  ownSub?: string;
}

/**
 * One row of the matrix: an action of the table (its route, request and
 * agencies) and the states of the resource it acts on. Each state's case is
 * made once, before that state's cells: a write the matrix lets through acts
 * on a resource of its own (`fresh`), a read shares one.
 */
export interface MatrixEntry {
  action: string;
  states: Record<string, () => Promise<Case>>;
}

export type Whose = 'own' | 'other';

/** A cell's caller: `${role}-${agency}` (or the record's holder for "own" where the case names one), that role, that agency. */
export function principalOf(action: Action, c: Case, role: UserRole, whose: Whose): Principal {
  const agencies: Agencies = action.byRole?.[role] ?? action.agencies;
  const agencyId = agencies[whose];
  return { sub: whose === 'own' && c.ownSub ? c.ownSub : `${role}-${agencyId}`, name: null, agencyId, roles: [role] };
}

const allows = (r: Rule, principal: Principal): boolean =>
  'anyOf' in r ? r.anyOf.some((one) => allows(one, principal)) : isAllowed(r.permission, principal, r.resource as never);

const mentions = (r: Rule, permission: Permission<any>): boolean =>
  'anyOf' in r ? r.anyOf.some((one) => mentions(one, permission)) : r.permission === permission;

export const rulesOf = (c: Case, principal: Principal): Rule[] => (typeof c.rules === 'function' ? c.rules(principal) : (c.rules ?? []));

/**
 * Whether the policy lets the caller through: it holds a role the route's
 * permission names, and every rule the handler applies allows it. A route
 * whose permission has a rule the case gives no resource for is an error (the
 * matrix would otherwise expect more than the policy allows).
 */
export function expectedOf(permission: Permission<any>, c: Case, principal: Principal): boolean {
  const rules = rulesOf(c, principal);
  if (permission.rule && !rules.some((r) => mentions(r, permission)))
    throw new Error('the route’s permission has a rule, but the matrix gives it no resource');
  return mayAttempt(permission, principal) && rules.every((r) => allows(r, principal));
}

/** Whether a narrowed list should hold the resource for this caller. */
export const shouldHold = (c: Case, principal: Principal): boolean => !!c.narrowed && c.narrowed.to.every((r) => allows(r, principal));

/** What the cells found: counts for the log, and each failure by name. */
export class MatrixTally {
  cells = 0;
  allowed = 0;
  refused = 0;
  anonymous = 0;
  /** Allowed reads of a list whose answer was checked to hold the resource exactly when the policy lets the caller read it. */
  narrowed = 0;
  publicRoutes = 0;
  readonly routes = new Set<string>();
  readonly states = new Set<string>();
  readonly failures: string[] = [];
  /** What the allowed cells were answered, by status class (a state that refuses the command: 4xx). */
  readonly allowedAnswers: Record<string, number> = {};

  answered(status: number): void {
    const key = `${String(status)[0]}xx`;
    this.allowedAnswers[key] = (this.allowedAnswers[key] ?? 0) + 1;
  }

  summary(): string {
    return (
      `authorisation matrix: ${this.cells} cells tested on ${this.routes.size} routes and ${this.states.size} route states ` +
      `(${this.allowed} allowed [${Object.entries(this.allowedAnswers)
        .sort()
        .map(([k, n]) => `${k} ${n}`)
        .join(
          ', ',
        )}], ${this.refused} refused, ${this.anonymous} anonymous; ${this.narrowed} narrowed lists checked), ${this.publicRoutes} public routes answered without a token, ` +
      `failures = ${this.failures.length}`
    );
  }
}
