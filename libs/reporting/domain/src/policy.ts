import type { Permission } from '@dm/eventsourcing';

/**
 * Who may read what the report projection serves (docs/architecture.md,
 * "Where each rule lives"). Every role reads every directive, assignment,
 * summary and timeline; read scopes per agency come with the inspection issue.
 */
export const reportingPolicy = {
  read: { roles: ['agency_officer', 'monitoring_officer', 'inspector', 'admin'] } satisfies Permission<void>,
  /** Replaying the read models into a new generation. */
  rebuild: { roles: ['admin'] } satisfies Permission<void>,
  /** Following a rebuild. */
  rebuildStatus: { roles: ['admin', 'inspector'] } satisfies Permission<void>,
};
