import type { RecordedEvent } from '@dm/contracts';
import type { BusMessage, MessageBus } from '../message-bus';
import { deferred, eventually, isSettled, uniqueName } from '@dm/testing';

export type MessageBusFactory = () => Promise<MessageBus>;

export interface MessageBusContractOptions {
  /**
   * The bus resolves `publish` only once every subscribed group has committed
   * (the in-process bus), and rejects it when a handler throws. A broker
   * resolves once it stored the messages, and redelivers on its own.
   */
  publishAwaitsConsumers: boolean;
}

let sequence = 0;

export function busMessage(topic: string, key: string, overrides: Partial<RecordedEvent> = {}): BusMessage {
  sequence += 1;
  const event = {
    eventId: `event-${sequence}`,
    type: 'contract.something-happened',
    schemaVersion: 1,
    streamId: key,
    streamRevision: 0,
    globalPosition: sequence,
    occurredAt: '2017-03-01T09:00:00+07:00',
    recordedAt: '2026-01-01T00:00:00.000Z',
    actor: { userId: 'u-1', agencyId: null, role: 'system' as const },
    correlationId: 'corr-1',
    causationId: null,
    data: { sequence },
    metadata: {},
    prevHash: '0'.repeat(64),
    hash: '1'.repeat(64),
    ...overrides,
  };
  return { topic, key, source: 'contract', event };
}

/** The message-bus port's contract; tests isolate themselves by unique topic and group names. */
export function messageBusContract(name: string, factory: MessageBusFactory, options: MessageBusContractOptions): void {
  describe(`MessageBus contract: ${name}`, () => {
    let bus: MessageBus;
    const ids = (messages: BusMessage[]) => messages.map((m) => m.event.eventId);
    const recorder = () => {
      const received: BusMessage[] = [];
      return { received, handler: async (batch: BusMessage[]) => void received.push(...batch) };
    };
    /** With a broker, delivery follows publish; in-process it has happened when publish resolves. */
    const delivered = (check: () => void) => (options.publishAwaitsConsumers ? check() : eventually(check));

    beforeEach(async () => {
      bus = await factory();
    });
    afterEach(async () => {
      await bus.close();
    });

    it('delivers each message once to every group subscribed to its topic', async () => {
      const topic = uniqueName('topic-');
      const other = uniqueName('topic-');
      const [g1, g2, g3] = [recorder(), recorder(), recorder()];
      await bus.subscribe(uniqueName('group-'), [topic], g1.handler);
      await bus.subscribe(uniqueName('group-'), [topic], g2.handler);
      await bus.subscribe(uniqueName('group-'), [other], g3.handler);
      const messages = [busMessage(topic, 'k1'), busMessage(topic, 'k2'), busMessage(topic, 'k1')];
      await bus.publish(messages);
      await delivered(() => {
        expect(ids(g1.received)).toEqual(ids(messages));
        expect(ids(g2.received)).toEqual(ids(messages));
      });
      expect(g3.received).toEqual([]);
      expect(g1.received[0]).toMatchObject({ topic, key: 'k1', source: 'contract', event: messages[0].event });
    });

    it('keeps the order of messages with the same key, across publishes', async () => {
      const topic = uniqueName('topic-');
      const { received, handler } = recorder();
      await bus.subscribe(uniqueName('group-'), [topic], handler);
      const keys = ['a', 'b', 'c'];
      const batches = Array.from({ length: 10 }, (_, i) => keys.map((key) => busMessage(topic, key, { data: { i } })));
      for (const batch of batches) await bus.publish(batch);
      const byKey = (key: string, messages: BusMessage[]) => ids(messages.filter((m) => m.key === key));
      await delivered(() => expect(received).toHaveLength(30));
      for (const key of keys) expect(byKey(key, received)).toEqual(byKey(key, batches.flat()));
    });

    it('delivers messages of several topics, published in shuffled order', async () => {
      const topics = [uniqueName('topic-'), uniqueName('topic-'), uniqueName('topic-')];
      const { received, handler } = recorder();
      await bus.subscribe(uniqueName('group-'), topics, handler);
      const messages = Array.from({ length: 30 }, (_, i) => busMessage(topics[(i * 7) % 3], `key-${i % 4}`));
      for (let i = messages.length - 1; i > 0; i--) {
        const j = (i * 13) % (i + 1);
        [messages[i], messages[j]] = [messages[j], messages[i]];
      }
      await bus.publish(messages.slice(0, 10));
      await bus.publish(messages.slice(10));
      await delivered(() => expect(ids(received).sort()).toEqual(ids(messages).sort()));
    });

    it('publishing to a topic nobody subscribes resolves', async () => {
      await expect(bus.publish([busMessage(uniqueName('topic-'), 'k')])).resolves.toBeUndefined();
      await expect(bus.publish([])).resolves.toBeUndefined();
    });

    it('stops delivering to a stopped consumer', async () => {
      const topic = uniqueName('topic-');
      const { received, handler } = recorder();
      const consumer = await bus.subscribe(uniqueName('group-'), [topic], handler);
      await bus.publish([busMessage(topic, 'k')]);
      await delivered(() => expect(received).toHaveLength(1));
      await consumer.stop();
      await bus.publish([busMessage(topic, 'k')]);
      expect(received).toHaveLength(1);
    });

    it('keeps dead letters per group', async () => {
      const group = uniqueName('group-');
      const letter = { group, topic: 'monitoring.progress.v1', key: 'assignment-1', reason: 'data: percent: too big', payload: '{"x":1}' };
      await bus.deadLetter(letter);
      await bus.deadLetter({ ...letter, key: null, payload: 'not json' });
      const letters = await bus.deadLetters(group);
      expect(letters).toEqual([
        { ...letter, at: expect.any(String) },
        { ...letter, key: null, payload: 'not json', at: expect.any(String) },
      ]);
      expect(new Date(letters[0].at).toISOString()).toBe(letters[0].at);
      expect(await bus.deadLetters(uniqueName('group-'))).toEqual([]);
    });

    if (options.publishAwaitsConsumers) {
      it('publish resolves only once every group has committed', async () => {
        const topic = uniqueName('topic-');
        const slow = deferred();
        let committed = false;
        await bus.subscribe(uniqueName('group-'), [topic], async () => {
          await slow.promise;
          committed = true;
        });
        await bus.subscribe(uniqueName('group-'), [topic], async () => undefined);
        const publishing = bus.publish([busMessage(topic, 'k')]);
        expect(await isSettled(publishing)).toBe(false);
        slow.resolve();
        await publishing;
        expect(committed).toBe(true);
      });

      it('rejects publish when a handler throws; publishing again delivers the messages again', async () => {
        const topic = uniqueName('topic-');
        const messages = [busMessage(topic, 'k1'), busMessage(topic, 'k2')];
        const attempts: string[][] = [];
        await bus.subscribe(uniqueName('group-'), [topic], async (batch) => {
          attempts.push(ids(batch));
          if (attempts.length === 1) throw new Error('projection failed');
        });
        const healthy = recorder();
        await bus.subscribe(uniqueName('group-'), [topic], healthy.handler);
        await expect(bus.publish(messages)).rejects.toThrow('projection failed');
        await bus.publish(messages);
        expect(attempts).toEqual([ids(messages), ids(messages)]);
        expect(ids(healthy.received)).toEqual([...ids(messages), ...ids(messages)]);
      });

      it('delivers to a group one publish after another, in publish order', async () => {
        const topic = uniqueName('topic-');
        const first = deferred();
        const handled: string[] = [];
        let running = 0;
        let overlapped = false;
        await bus.subscribe(uniqueName('group-'), [topic], async (batch) => {
          overlapped ||= ++running > 1;
          if (handled.length === 0) await first.promise;
          handled.push(...ids(batch));
          running--;
        });
        const a = busMessage(topic, 'k');
        const b = busMessage(topic, 'k');
        const publishingA = bus.publish([a]);
        const publishingB = bus.publish([b]);
        expect(await isSettled(publishingB)).toBe(false);
        first.resolve();
        await Promise.all([publishingA, publishingB]);
        expect(handled).toEqual(ids([a, b]));
        expect(overlapped).toBe(false);
      });
    } else {
      it('delivers a batch again after its handler threw', async () => {
        const topic = uniqueName('topic-');
        const messages = [busMessage(topic, 'k1')];
        const attempts: string[][] = [];
        await bus.subscribe(uniqueName('group-'), [topic], async (batch) => {
          attempts.push(ids(batch));
          if (attempts.length === 1) throw new Error('projection failed');
        });
        await bus.publish(messages);
        await eventually(() => expect(attempts).toEqual([ids(messages), ids(messages)]), 30_000);
      });
    }
  });
}
