export * from './hashing';
export * from './merkle';
export * from './stored-tree';
