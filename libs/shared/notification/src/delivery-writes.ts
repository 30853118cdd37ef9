import type { FactWrite } from '@dm/read-store';
import { deliveryId, type DeliveryDocument, type DeliveryState } from './delivery';
import type { ReminderNotice } from './reminder-notice';

/**
 * Every change of a delivery is a fact write of source `delivery` at its
 * version + 1: the store applies it only over an older version, so of two
 * writers who read the same version, one wins and the other changes nothing.
 */
const VERSION = 'delivery';

export const versionOf = (doc: DeliveryDocument): number => doc.rev[VERSION] ?? 0;

const nextVersion = (doc: DeliveryDocument, set: Partial<DeliveryDocument>): FactWrite => ({
  id: doc._id,
  source: VERSION,
  revision: versionOf(doc) + 1,
  set,
});

/** Creates the delivery, due now; changes nothing when it exists. */
export function enqueueWrite(channel: string, notice: ReminderNotice, at: string): FactWrite {
  const fields: Omit<DeliveryDocument, '_id' | 'rev'> = {
    channel,
    reminderId: notice.reminderId,
    agencyId: notice.agencyId,
    notice,
    state: 'pending',
    attempts: 0,
    nextAttemptAt: at,
    claimedUntil: null,
    claimToken: null,
    lastError: null,
    enqueuedAt: at,
    lastAttemptAt: null,
    sentAt: null,
  };
  return { id: deliveryId(channel, notice.reminderId), source: VERSION, revision: 0, insertOnly: true, set: fields };
}

export const claimWrite = (doc: DeliveryDocument, token: string, until: string): FactWrite =>
  nextVersion(doc, { state: 'sending', claimToken: token, claimedUntil: until });

export interface AttemptResult {
  state: Exclude<DeliveryState, 'sending'>;
  at: string;
  error: string | null;
  nextAttemptAt: string | null;
}

export const resultWrite = (doc: DeliveryDocument, result: AttemptResult): FactWrite =>
  nextVersion(doc, {
    state: result.state,
    attempts: doc.attempts + 1,
    nextAttemptAt: result.nextAttemptAt,
    claimToken: null,
    claimedUntil: null,
    lastError: result.error,
    lastAttemptAt: result.at,
    ...(result.state === 'sent' ? { sentAt: result.at } : {}),
  });
