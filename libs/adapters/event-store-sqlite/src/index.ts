export { SqliteEventStore, type SqliteEventStoreOptions, type StreamAppend } from './sqlite-event-store';
