export * from './process-harness';
export * from './distributed-system';
