export * from './async';
export * from './fixtures';
export * from './event-store-contract';
export * from './message-bus-contract';
export * from './read-store-contract';
export * from './api-client';
export * from './seed/seed-4308';
export * from './seed/demo-year';
