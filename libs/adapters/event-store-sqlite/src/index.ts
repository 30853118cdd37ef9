export { SqliteEventStore, type SqliteEventStoreOptions, type StreamAppend } from './sqlite-event-store';
export type { SqliteSync } from './schema';
