export * from './read-store';
export * from './in-memory-read-store';
export * from './staged-read-store';
export * from './generation-read-store';
export * from './projector';
export * from './attachment-store';
export * from './keyset';
