export * from './commands';
export * from './decide';
export * from './state';
