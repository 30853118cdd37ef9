import { messageBusContract } from '@dm/message-bus/testing';
import { skipTier } from '@dm/testing';
import { KafkaMessageBus } from './kafka-message-bus';

const brokers = process.env.KAFKA_BROKERS;

if (!brokers) {
  skipTier('KafkaMessageBus', 'KAFKA_BROKERS', 'KAFKA_BROKERS is not set (infra/local/up.sh starts Kafka)');
} else {
  messageBusContract(
    `KafkaMessageBus (${brokers})`,
    () =>
      KafkaMessageBus.connect({
        brokers: brokers.split(','),
        clientId: 'contract',
        partitions: 2,
        retryMs: 100,
        namespace: `contract-${process.pid}`,
      }),
    {
      publishAwaitsConsumers: false,
    },
  );
}
