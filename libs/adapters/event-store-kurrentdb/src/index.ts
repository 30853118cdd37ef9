export { KurrentDbEventStore, type KurrentDbConnectOptions, type KurrentDbEventStoreOptions } from './kurrentdb-event-store';
export type { KurrentDbLogger } from './kurrentdb-subscription';
