import type { BusMessage } from '@dm/message-bus';
import { busMessage, messageBusContract } from '@dm/message-bus/testing';
import { eventually, skipTier, uniqueName } from '@dm/testing';
import { KafkaMessageBus } from './kafka-message-bus';

const brokers = process.env.KAFKA_BROKERS;

if (!brokers) {
  skipTier('KafkaMessageBus', 'KAFKA_BROKERS', 'KAFKA_BROKERS is not set (infra/local/up.sh starts Kafka)');
} else {
  const connect = (partitions: number) =>
    KafkaMessageBus.connect({
      brokers: brokers.split(','),
      clientId: 'contract',
      partitions,
      retryMs: 100,
      namespace: `contract-${process.pid}`,
    });

  messageBusContract(`KafkaMessageBus (${brokers})`, () => connect(2), {
    publishAwaitsConsumers: false,
  });

  describe('KafkaMessageBus: batches of several partitions', () => {
    let bus: KafkaMessageBus;
    beforeEach(async () => {
      bus = await connect(4);
    });
    afterEach(async () => {
      await bus.close();
    });

    it('hands one fetch of several topics and partitions to one handler call, each key in order, and commits them all', async () => {
      const [orders, reports] = [uniqueName('orders'), uniqueName('reports')];
      const group = uniqueName('gathered');
      const keys = Array.from({ length: 12 }, (_, i) => `stream-${i}`);
      const sent = keys.flatMap((key, k) =>
        Array.from({ length: 25 }, (_, revision) => busMessage(k % 2 ? orders : reports, key, { streamRevision: revision })),
      );
      // Stored before the group starts: its first fetches find every partition full.
      await bus.publish(sent);
      const calls: BusMessage[][] = [];
      const consumer = await bus.subscribe(group, [orders, reports], async (batch) => void calls.push(batch));
      try {
        await eventually(() => expect(calls.flat()).toHaveLength(sent.length), 30_000);
        // Each stream's events arrive in their order; one call holds both topics and more than one partition of each.
        for (const key of keys) {
          const revisions = calls
            .flat()
            .filter((m) => m.key === key)
            .map((m) => m.event.streamRevision);
          expect(revisions).toEqual([...revisions].sort((a, b) => a - b));
        }
        expect(calls.length).toBeLessThan(8);
        expect(calls.some((batch) => new Set(batch.map((m) => m.topic)).size === 2)).toBe(true);
        await eventually(async () => expect(await bus.lag(group, [orders, reports])).toBe(0), 30_000);
      } finally {
        await consumer.stop();
      }
    });

    it('hands a group that is behind (more than 500 messages waiting) up to 500 a call, and 100 once it keeps up', async () => {
      const topic = uniqueName('backlog');
      const group = uniqueName('behind');
      const backlog = Array.from({ length: 1_600 }, (_, i) =>
        busMessage(topic, `stream-${i % 40}`, { streamRevision: Math.floor(i / 40) }),
      );
      await bus.publish(backlog);
      const calls: BusMessage[][] = [];
      const consumer = await bus.subscribe(group, [topic], async (batch) => void calls.push(batch));
      try {
        await eventually(() => expect(calls.flat()).toHaveLength(backlog.length), 30_000);
        const sizes = calls.map((batch) => batch.length);
        expect(Math.max(...sizes)).toBeGreaterThan(100);
        expect(Math.max(...sizes)).toBeLessThanOrEqual(500);
        calls.length = 0;
        const trickle = Array.from({ length: 150 }, (_, i) =>
          busMessage(topic, `stream-${i % 40}`, { streamRevision: 40 + Math.floor(i / 40) }),
        );
        await bus.publish(trickle);
        await eventually(() => expect(calls.flat()).toHaveLength(trickle.length), 30_000);
        expect(Math.max(...calls.map((batch) => batch.length))).toBeLessThanOrEqual(100);
      } finally {
        await consumer.stop();
      }
    });
  });
}
