export * from './decider-specification';
export * from './projection-specification';
export * from './event-store-contract';
