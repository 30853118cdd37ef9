export * from './domain-error';
export * from './dates';
export * from './period';
