export { SqliteEventStore, type SqliteEventStoreOptions, type StreamAppend } from './sqlite-event-store';
export type { Logger } from './catch-up-subscription';
