export * from './commands';
export * from './decide';
export * from './ids';
export * from './registry-snapshot';
export * from './state';
