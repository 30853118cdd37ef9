import type { ReminderNotice } from './reminder-notice';

/** What became of one message carrying the given reminders. */
export interface DeliveryOutcome {
  reminderIds: string[];
  ok: boolean;
  /** Attempts the notifier made within this delivery (0 when it could not try, e.g. no address). */
  attempts: number;
  /** Why it failed: a status code or the server's message. */
  error?: string;
  /** ISO instant the delivery ended. */
  at: string;
}

/** A channel that carries reminders to agencies (webhook, e-mail). */
export interface Notifier {
  /** 'webhook' | 'email'; one delivery per channel and reminder. */
  readonly channel: string;
  /** Sends one agency's notices as one message (a digest); resolves with the outcome, never throws for a failed delivery. */
  deliver(agencyId: string, notices: ReminderNotice[]): Promise<DeliveryOutcome>;
}
