import type { Document } from '@dm/read-store';
import type { ReminderNotice } from './reminder-notice';

export const DELIVERY_STATES = ['pending', 'sending', 'sent', 'failed'] as const;
/** pending → (claimed) sending → sent | pending again (a retry) | failed (after the last attempt). */
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/** One reminder's delivery over one channel. */
export interface Delivery {
  /** `<channel>:<reminderId>`. */
  id: string;
  channel: string;
  reminderId: string;
  agencyId: string;
  notice: ReminderNotice;
  state: DeliveryState;
  /** Deliveries attempted by the queue (each a call of the notifier). */
  attempts: number;
  /** When a pending delivery is due. */
  nextAttemptAt: string | null;
  /** Until when a sending delivery is claimed by one queue; after it, another may take it. */
  claimedUntil: string | null;
  lastError: string | null;
  enqueuedAt: string;
  lastAttemptAt: string | null;
  sentAt: string | null;
}

/** A delivery as the read store keeps it: `rev.delivery` is its version, `claimToken` names the run that claimed it. */
export type DeliveryDocument = Document & Omit<Delivery, 'id'> & { claimToken: string | null };

export const DELIVERIES_COLLECTION = 'reminder_deliveries';

export const deliveryId = (channel: string, reminderId: string) => `${channel}:${reminderId}`;

export function toDelivery({ _id, rev: _rev, claimToken: _token, ...fields }: DeliveryDocument): Delivery {
  return { id: _id, ...fields };
}
