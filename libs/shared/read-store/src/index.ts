export * from './read-store';
export * from './sqlite';
