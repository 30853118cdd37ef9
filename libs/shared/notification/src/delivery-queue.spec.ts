import { InMemoryReadStore } from '@dm/read-store';
import { deferred, eventually, isSettled } from '@dm/testing';
import { DELIVERIES_COLLECTION } from './delivery';
import { DeliveryQueue, type DeliveryQueueOptions, type QueuedOutcome } from './delivery-queue';
import type { Notifier } from './notifier';
import { aReminderNotice, RecordingNotifier } from './testing';

const START = new Date('2017-04-03T01:00:00.000Z');
const SECOND = 1000;

describe('DeliveryQueue', () => {
  let store: InMemoryReadStore;
  let now: Date;
  let outcomes: QueuedOutcome[];
  let errors: unknown[];
  const advance = (ms: number) => (now = new Date(now.getTime() + ms));
  const queueOf = (notifiers: Notifier[], options: DeliveryQueueOptions = {}) =>
    new DeliveryQueue(store, notifiers, {
      now: () => now,
      onOutcome: (outcome) => void outcomes.push(outcome),
      onError: (error) => void errors.push(error),
      ...options,
    });

  beforeEach(() => {
    store = new InMemoryReadStore();
    now = START;
    outcomes = [];
    errors = [];
  });

  describe('enqueue', () => {
    it('creates one pending delivery per channel and reminder, due now, and nothing more when enqueued again', async () => {
      const queue = queueOf([new RecordingNotifier('webhook'), new RecordingNotifier('email')]);
      const notice = aReminderNotice();
      await queue.enqueue([notice]);
      advance(5 * SECOND);
      await queue.enqueue([notice, { ...notice, subject: 'changed' }]);

      const deliveries = await queue.deliveries();
      expect(deliveries.map((d) => d.id).sort()).toEqual([`email:${notice.reminderId}`, `webhook:${notice.reminderId}`]);
      expect(deliveries[0]).toEqual({
        id: expect.any(String),
        channel: expect.any(String),
        reminderId: notice.reminderId,
        agencyId: notice.agencyId,
        notice,
        state: 'pending',
        attempts: 0,
        nextAttemptAt: START.toISOString(),
        claimedUntil: null,
        lastError: null,
        enqueuedAt: START.toISOString(),
        lastAttemptAt: null,
        sentAt: null,
      });
    });

    it('only writes to the store: a notifier that never answers does not hold it up', async () => {
      const hanging: Notifier = { channel: 'webhook', deliver: () => new Promise(() => undefined) };
      await queueOf([hanging]).enqueue([aReminderNotice()]);
      expect(await store.find(DELIVERIES_COLLECTION)).toHaveLength(1);
    });

    it('refuses two notifiers of one channel', () => {
      expect(() => queueOf([new RecordingNotifier('email'), new RecordingNotifier('email')])).toThrow(/two notifiers for channel email/);
    });
  });

  describe('runOnce', () => {
    it('sends one digest per channel and agency, at most batchPerAgency reminders each', async () => {
      const webhook = new RecordingNotifier('webhook');
      const email = new RecordingNotifier('email');
      const queue = queueOf([webhook, email], { batchPerAgency: 2 });
      const lat = [1, 2, 3].map((i) => aReminderNotice({ issuedAt: `2017-04-0${i}T00:00:00.000Z` }));
      const xuan = [aReminderNotice({ agencyId: 'ubnd-thuong-xuan', agencyName: 'UBND huyện Thường Xuân' })];
      await queue.enqueue([...lat, ...xuan]);

      expect(await queue.runOnce()).toEqual({ sent: 8, failed: 0, retried: 0 });
      for (const notifier of [webhook, email]) {
        expect(notifier.calls.map((c) => [c.agencyId, c.notices.map((n) => n.reminderId)])).toEqual([
          ['ubnd-muong-lat', [lat[0].reminderId, lat[1].reminderId]],
          ['ubnd-muong-lat', [lat[2].reminderId]],
          ['ubnd-thuong-xuan', [xuan[0].reminderId]],
        ]);
      }
      expect(await queue.deliveries({ state: 'sent' })).toHaveLength(8);
      expect((await queue.deliveries({ reminderId: lat[0].reminderId }))[0]).toMatchObject({ sentAt: START.toISOString(), attempts: 1 });
      expect(await queue.runOnce()).toEqual({ sent: 0, failed: 0, retried: 0 });
      expect(webhook.calls).toHaveLength(3);
      expect(outcomes.filter((o) => o.channel === 'email').map((o) => [o.agencyId, o.reminderIds.length, o.ok, o.final])).toEqual([
        ['ubnd-muong-lat', 2, true, true],
        ['ubnd-muong-lat', 1, true, true],
        ['ubnd-thuong-xuan', 1, true, true],
      ]);
    });

    it('retries a failed delivery after its backoff, by the injected clock', async () => {
      const notifier = new RecordingNotifier('webhook').failNext(2, 'HTTP 503');
      const queue = queueOf([notifier]);
      const notice = aReminderNotice();
      await queue.enqueue([notice]);

      expect(await queue.runOnce()).toEqual({ sent: 0, failed: 0, retried: 1 });
      expect((await queue.deliveries())[0]).toMatchObject({
        state: 'pending',
        attempts: 1,
        lastError: 'HTTP 503',
        lastAttemptAt: START.toISOString(),
        nextAttemptAt: new Date(START.getTime() + 30 * SECOND).toISOString(),
      });
      advance(29 * SECOND);
      expect(await queue.runOnce()).toEqual({ sent: 0, failed: 0, retried: 0 });
      advance(1 * SECOND);
      expect(await queue.runOnce()).toEqual({ sent: 0, failed: 0, retried: 1 });
      expect((await queue.deliveries())[0]).toMatchObject({
        attempts: 2,
        nextAttemptAt: new Date(now.getTime() + 60 * SECOND).toISOString(),
      });
      advance(60 * SECOND);
      expect(await queue.runOnce()).toEqual({ sent: 1, failed: 0, retried: 0 });
      expect((await queue.deliveries())[0]).toMatchObject({ state: 'sent', attempts: 3, lastError: null, nextAttemptAt: null });
      expect(outcomes.map((o) => [o.ok, o.final, o.error])).toEqual([
        [false, false, 'HTTP 503'],
        [false, false, 'HTTP 503'],
        [true, true, undefined],
      ]);
      expect(notifier.delivered).toEqual([notice]);
    });

    it('fails a delivery after maxAttempts, keeping the last error, and never tries it again', async () => {
      const notifier = new RecordingNotifier('email').failNext(100, '550 5.1.1 mailbox unavailable');
      const queue = queueOf([notifier], { maxAttempts: 3, backoffMs: () => 10 * SECOND });
      await queue.enqueue([aReminderNotice()]);

      const runs = [];
      for (let i = 0; i < 5; i++, advance(10 * SECOND)) runs.push(await queue.runOnce());
      expect(runs).toEqual([
        { sent: 0, failed: 0, retried: 1 },
        { sent: 0, failed: 0, retried: 1 },
        { sent: 0, failed: 1, retried: 0 },
        { sent: 0, failed: 0, retried: 0 },
        { sent: 0, failed: 0, retried: 0 },
      ]);
      expect(await queue.deliveries({ state: 'failed' })).toEqual([
        expect.objectContaining({ attempts: 3, lastError: '550 5.1.1 mailbox unavailable', nextAttemptAt: null }),
      ]);
      expect(outcomes.map((o) => o.final)).toEqual([false, false, true]);
    });

    it('reports, in one digest, the reminders failed for good apart from those to be retried', async () => {
      const notifier = new RecordingNotifier('webhook').failNext(100, 'HTTP 500');
      const queue = queueOf([notifier], { maxAttempts: 2, backoffMs: () => 0 });
      const first = aReminderNotice({ issuedAt: '2017-04-01T00:00:00.000Z' });
      await queue.enqueue([first]);
      await queue.runOnce();
      const second = aReminderNotice({ issuedAt: '2017-04-02T00:00:00.000Z' });
      await queue.enqueue([second]);

      expect(await queue.runOnce()).toEqual({ sent: 0, failed: 1, retried: 1 });
      expect(notifier.calls[1].notices.map((n) => n.reminderId)).toEqual([first.reminderId, second.reminderId]);
      expect(outcomes.slice(1).map((o) => [o.reminderIds, o.final])).toEqual([
        [[first.reminderId], true],
        [[second.reminderId], false],
      ]);
    });

    it('takes a notifier that throws for a failed delivery', async () => {
      const throwing: Notifier = {
        channel: 'webhook',
        deliver: async () => {
          throw new Error('socket hang up');
        },
      };
      const queue = queueOf([throwing]);
      await queue.enqueue([aReminderNotice()]);
      expect(await queue.runOnce()).toEqual({ sent: 0, failed: 0, retried: 1 });
      expect((await queue.deliveries())[0]).toMatchObject({ state: 'pending', lastError: 'socket hang up' });
    });

    it('keeps each delivery state and goes on when onOutcome throws', async () => {
      const notifier = new RecordingNotifier('webhook');
      const queue = queueOf([notifier], {
        onOutcome: () => {
          throw new Error('audit trail unavailable');
        },
      });
      await queue.enqueue([aReminderNotice(), aReminderNotice({ agencyId: 'ubnd-thuong-xuan' })]);

      expect(await queue.runOnce()).toEqual({ sent: 2, failed: 0, retried: 0 });
      expect(notifier.calls).toHaveLength(2);
      expect(await queue.deliveries({ state: 'sent' })).toHaveLength(2);
      expect(errors).toEqual([new Error('audit trail unavailable'), new Error('audit trail unavailable')]);
      expect(await queue.runOnce()).toEqual({ sent: 0, failed: 0, retried: 0 });
    });

    it('runs one run of a queue at a time', async () => {
      const release = deferred<void>();
      const notifier = new RecordingNotifier('webhook');
      const slow: Notifier = { channel: 'webhook', deliver: async (a, n) => (await release.promise, notifier.deliver(a, n)) };
      const queue = queueOf([slow]);
      await queue.enqueue([aReminderNotice()]);

      const first = queue.runOnce();
      const second = queue.runOnce();
      release.resolve();
      expect(await Promise.all([first, second])).toEqual([
        { sent: 1, failed: 0, retried: 0 },
        { sent: 0, failed: 0, retried: 0 },
      ]);
      expect(notifier.calls).toHaveLength(1);
    });
  });

  describe('two queues on one store', () => {
    it('do not both send a delivery one of them has claimed', async () => {
      const release = deferred<void>();
      const sent = new RecordingNotifier('webhook');
      const slow: Notifier = { channel: 'webhook', deliver: async (a, n) => (await release.promise, sent.deliver(a, n)) };
      const [one, two] = [queueOf([slow]), queueOf([slow])];
      await one.enqueue([1, 2, 3].map(() => aReminderNotice()));

      const runs = Promise.all([one.runOnce(), two.runOnce()]);
      setTimeout(() => release.resolve(), 20);
      const [a, b] = await runs;
      expect(a.sent + b.sent).toBe(3);
      expect(sent.calls.flatMap((c) => c.notices)).toHaveLength(3);
    });

    it('let another queue take a delivery whose claim ran out, and drop the late result of the first', async () => {
      const never = deferred<void>();
      const stuck = new RecordingNotifier('webhook');
      const stuckNotifier: Notifier = { channel: 'webhook', deliver: async (a, n) => (await never.promise, stuck.deliver(a, n)) };
      const healthy = new RecordingNotifier('webhook');
      const first = queueOf([stuckNotifier], { claimMs: 60 * SECOND, onOutcome: undefined });
      const second = queueOf([healthy]);
      await first.enqueue([aReminderNotice()]);

      const stuckRun = first.runOnce();
      await eventually(async () => expect((await first.deliveries())[0].state).toBe('sending'));
      expect(await second.runOnce()).toEqual({ sent: 0, failed: 0, retried: 0 });
      advance(60 * SECOND);
      expect(await second.runOnce()).toEqual({ sent: 1, failed: 0, retried: 0 });

      stuck.failNext(1, 'late failure');
      never.resolve();
      await stuckRun;
      expect((await second.deliveries())[0]).toMatchObject({ state: 'sent', attempts: 1, lastError: null });
    });
  });

  describe('start and stop', () => {
    it('runs on a timer and stop waits for the run in progress', async () => {
      const entered = deferred<void>();
      const release = deferred<void>();
      const notifier = new RecordingNotifier('webhook');
      const slow: Notifier = {
        channel: 'webhook',
        deliver: async (a, n) => {
          entered.resolve();
          await release.promise;
          return notifier.deliver(a, n);
        },
      };
      const queue = queueOf([slow]);
      await queue.enqueue([aReminderNotice()]);

      queue.start(10);
      await entered.promise;
      const stopped = queue.stop();
      expect(await isSettled(stopped)).toBe(false);
      release.resolve();
      await stopped;
      expect(await queue.deliveries({ state: 'sent' })).toHaveLength(1);

      await queue.enqueue([aReminderNotice()]);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(notifier.calls).toHaveLength(1);
    });

    it('keeps running after a run that fails', async () => {
      const notifier = new RecordingNotifier('webhook');
      const queue = queueOf([notifier]);
      await queue.enqueue([aReminderNotice()]);
      const find = jest.spyOn(store, 'find').mockRejectedValueOnce(new Error('store unavailable'));

      queue.start(5);
      await eventually(() => expect(notifier.calls).toHaveLength(1));
      await queue.stop();
      expect(errors).toEqual([new Error('store unavailable')]);
      find.mockRestore();
    });
  });

  it('lists deliveries by agency, reminder and state, newest first', async () => {
    // The first digest (Mường Lát's two reminders) fails; Thường Xuân's is sent.
    const queue = queueOf([new RecordingNotifier('webhook').failNext(1)]);
    const lat = aReminderNotice();
    await queue.enqueue([lat]);
    advance(SECOND);
    const xuan = aReminderNotice({ agencyId: 'ubnd-thuong-xuan' });
    await queue.enqueue([xuan]);
    advance(SECOND);
    const later = aReminderNotice();
    await queue.enqueue([later]);
    await queue.runOnce();

    const ids = (deliveries: Array<{ reminderId: string }>) => deliveries.map((d) => d.reminderId);
    expect(ids(await queue.deliveries({ agencyId: 'ubnd-muong-lat' }))).toEqual([later.reminderId, lat.reminderId]);
    expect(ids(await queue.deliveries({ state: 'sent' }))).toEqual([xuan.reminderId]);
    expect(ids(await queue.deliveries({ state: 'pending', agencyId: 'ubnd-muong-lat' }))).toEqual([later.reminderId, lat.reminderId]);
    expect(ids(await queue.deliveries({ reminderId: xuan.reminderId, channel: 'webhook' }))).toEqual([xuan.reminderId]);
    expect(await queue.deliveries({ limit: 1 })).toHaveLength(1);
  });
});
