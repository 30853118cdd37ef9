import { createHash } from 'node:crypto';
import type { ReminderNotice } from '@dm/notification';

export interface WebhookPayload {
  type: 'reminders';
  agencyId: string;
  agencyName: string;
  reminders: ReminderNotice[];
  /** ISO instant of the delivery (the same in each of its attempts). */
  sentAt: string;
}

/** The x-dm-delivery id: a hash of the reminder ids, so the same digest sent again carries the same id. */
export function deliveryIdOf(reminderIds: string[]): string {
  return createHash('sha256')
    .update(JSON.stringify([...reminderIds].sort()))
    .digest('hex')
    .slice(0, 32);
}

export function webhookPayload(agencyId: string, notices: ReminderNotice[], sentAt: Date): WebhookPayload {
  return { type: 'reminders', agencyId, agencyName: notices[0]?.agencyName ?? '', reminders: notices, sentAt: sentAt.toISOString() };
}
