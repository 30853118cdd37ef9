import { DeliveryQueue, type QueuedOutcome } from '@dm/notification';
import { aReminderNotice } from '@dm/notification/testing';
import { InMemoryReadStore } from '@dm/read-store';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.fixtures';
import { WebhookNotifier } from './webhook-notifier';
import { verifyWebhookSignature } from './webhook-signature';

describe('DeliveryQueue with the webhook notifier, against a loopback server that fails the first time', () => {
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await startWebhookReceiver((n) => (n === 0 ? { status: 503 } : { status: 200 }));
  });
  afterAll(() => receiver.close());

  it('records a retry, then sends on the next run once the clock has passed the backoff', async () => {
    let now = new Date('2017-04-03T01:00:00.000Z');
    const outcomes: QueuedOutcome[] = [];
    const secret = 'whsec_e2e';
    const queue = new DeliveryQueue(new InMemoryReadStore(), [new WebhookNotifier({ url: receiver.url, secret, retries: 0 })], {
      now: () => now,
      onOutcome: (outcome) => void outcomes.push(outcome),
    });
    const notice = aReminderNotice({ subject: 'Quá hạn: báo cáo tình hình giải ngân vốn đầu tư công' });
    await queue.enqueue([notice]);

    expect(await queue.runOnce()).toEqual({ sent: 0, failed: 0, retried: 1 });
    expect(await queue.deliveries({ reminderId: notice.reminderId })).toEqual([
      expect.objectContaining({
        channel: 'webhook',
        state: 'pending',
        attempts: 1,
        lastError: 'HTTP 503 Service Unavailable',
        nextAttemptAt: '2017-04-03T01:00:30.000Z',
      }),
    ]);
    expect(await queue.runOnce()).toEqual({ sent: 0, failed: 0, retried: 0 });

    now = new Date('2017-04-03T01:00:30.000Z');
    expect(await queue.runOnce()).toEqual({ sent: 1, failed: 0, retried: 0 });
    expect((await queue.deliveries())[0]).toMatchObject({ state: 'sent', attempts: 2, sentAt: '2017-04-03T01:00:30.000Z' });

    expect(receiver.requests).toHaveLength(2);
    expect(receiver.requests[0].headers['x-dm-delivery']).toBe(receiver.requests[1].headers['x-dm-delivery']);
    const delivered = receiver.requests[1];
    expect(JSON.parse(delivered.body.toString('utf8')).reminders).toEqual([notice]);
    expect(
      verifyWebhookSignature({
        secret,
        timestamp: delivered.headers['x-dm-timestamp'] as string,
        signature: delivered.headers['x-dm-signature'] as string,
        body: delivered.body,
      }),
    ).toBe(true);
    expect(
      outcomes.map(({ channel, agencyId, reminderIds, ok, final, error }) => ({ channel, agencyId, reminderIds, ok, final, error })),
    ).toEqual([
      {
        channel: 'webhook',
        agencyId: notice.agencyId,
        reminderIds: [notice.reminderId],
        ok: false,
        final: false,
        error: 'HTTP 503 Service Unavailable',
      },
      { channel: 'webhook', agencyId: notice.agencyId, reminderIds: [notice.reminderId], ok: true, final: true, error: undefined },
    ]);
  });
});
