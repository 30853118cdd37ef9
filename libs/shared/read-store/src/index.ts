export * from './read-store';
export * from './apply-fact';
export * from './sqlite';
