export { MongoReadStore, type MongoReadStoreOptions } from './mongo-read-store';
