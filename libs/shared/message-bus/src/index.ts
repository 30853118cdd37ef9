export * from './message-bus';
export * from './in-memory';
export * from './relay';
export * from './validating-consumer';
