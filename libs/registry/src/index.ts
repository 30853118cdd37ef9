export * from './snapshot';
export * from './registry';
export * from './registry-state';
export * from './registry.decider';
export * from './edition';
export * from './default-registry';
