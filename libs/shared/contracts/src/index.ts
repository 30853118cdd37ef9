export * from './envelope';
export * from './hash-chain';
export * from './events';
export * from './integration-message';
export * from './api';
export * from './openapi';
