export { KafkaMessageBus, type KafkaMessageBusOptions } from './kafka-message-bus';
