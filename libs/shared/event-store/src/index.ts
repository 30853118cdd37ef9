export * from './event-store';
export * from './event-id-conflict-error';
export * from './sqlite';
export * from './kurrentdb';
