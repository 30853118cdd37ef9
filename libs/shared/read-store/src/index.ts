export * from './read-store';
export * from './sqlite';
export * from './staged-read-store';
export * from './mongo/mongo-read-store';
export * from './generation-read-store';
