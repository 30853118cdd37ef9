import type { Permission } from '@dm/eventsourcing';

/** Who may check the audit trail (docs/audit.md, "Inspection API"): read-only, inspectors and admins. */
export const inspectionPolicy = {
  inspect: { roles: ['inspector', 'admin'] } satisfies Permission<void>,
  /** Anyone signed in may fetch the public key that checks checkpoints. */
  publicKey: { roles: ['agency_officer', 'monitoring_officer', 'inspector', 'admin'] } satisfies Permission<void>,
};
