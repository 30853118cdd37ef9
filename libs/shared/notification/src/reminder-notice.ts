import type { ReminderKind } from '@dm/contracts';

export { REMINDER_KINDS, type ReminderKind } from '@dm/contracts';

/** One reminder (đôn đốc) to one agency, as the notifiers send it. */
export interface ReminderNotice {
  /** The reminder event's id: stable and unique, so receivers dedupe on it. */
  reminderId: string;
  agencyId: string;
  agencyName: string;
  kind: ReminderKind;
  /** One line, Vietnamese. */
  subject: string;
  /** The body, Vietnamese. */
  text: string;
  directiveId: string | null;
  directiveNumber: string | null;
  taskNumber: string | null;
  assignmentId: string | null;
  /** YYYY-MM-DD. */
  deadline: string | null;
  /** A periodic report duty's period, e.g. 2017-Q1. */
  period: string | null;
  /** ISO instant the reminder was recorded. */
  issuedAt: string;
}
