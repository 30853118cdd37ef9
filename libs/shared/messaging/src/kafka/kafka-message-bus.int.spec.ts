import { messageBusContract } from '@dm/testing';
import { KafkaMessageBus } from './kafka-message-bus';

const brokers = process.env.KAFKA_BROKERS;

if (!brokers) {
  console.log('KafkaMessageBus tier skipped: KAFKA_BROKERS is not set (infra/local/up.sh starts Kafka)');
  describe.skip('KafkaMessageBus (skipped, reason: KAFKA_BROKERS is not set)', () => {
    it('needs a Kafka broker', () => undefined);
  });
} else {
  messageBusContract(`KafkaMessageBus (${brokers})`, () => KafkaMessageBus.connect({ brokers: brokers.split(','), clientId: 'contract', partitions: 2, retryMs: 100, namespace: `contract-${process.pid}` }), {
    publishAwaitsConsumers: false,
  });
}
