export { InMemoryMessageBus, deadLetterTopic, type InMemoryMessageBusOptions } from './in-memory-message-bus';
