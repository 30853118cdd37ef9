import type { UserRole } from '@dm/contracts';
import type { Permission } from '@dm/eventsourcing';
import type { AssignmentDoc } from './assignments/assignment-doc';
import type { DirectiveDoc } from './directives/directives.projection';
import { agencyFilterRefusal, assignmentRefusal, directiveRefusal, taskRefusal } from './read-scope';

const READERS: readonly UserRole[] = ['agency_officer', 'monitoring_officer', 'inspector', 'admin'];

/**
 * Who may read what the report projection serves (docs/architecture.md,
 * "Where each rule lives"; docs/domain.md, "Who reads what"). Every role
 * reaches the read routes; what each reads is scoped by its agency
 * (read-scope.ts): lists leave out what the caller may not read, a single
 * resource outside its scope is refused.
 */
export const reportingPolicy = {
  /** The read routes: every role; lists are then narrowed to the caller's scope (readScopeOf, mayReadAssignment). */
  read: { roles: READERS } satisfies Permission<void>,
  /** Narrowing a list, a summary or the scorecards to one agency (`agencyId`): an agency officer names its own only. */
  readAgency: { roles: READERS, rule: agencyFilterRefusal } satisfies Permission<string | undefined>,
  /** A directive: addressed to the caller's agency, or issued or monitored by a monitoring officer's. */
  readDirective: { roles: READERS, rule: directiveRefusal } satisfies Permission<{ directive: DirectiveDoc; assignments: AssignmentDoc[] }>,
  /** An assignment's timeline and state: held by the caller's agency (now or before), or of a directive its monitoring officer oversees. */
  readAssignment: { roles: READERS, rule: assignmentRefusal } satisfies Permission<AssignmentDoc>,
  /** A task's timeline: one of the task's assignments is readable (and then only their own events, beside the directive's). */
  readTask: { roles: READERS, rule: taskRefusal } satisfies Permission<{ taskNumber: string; assignments: AssignmentDoc[] }>,
  /** Replaying the read models into a new generation. */
  rebuild: { roles: ['admin'] } satisfies Permission<void>,
  /** Following a rebuild. */
  rebuildStatus: { roles: ['admin', 'inspector'] } satisfies Permission<void>,
};
