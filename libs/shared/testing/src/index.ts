export * from './async';
export * from './fixtures';
export * from './api-client';
export * from './seed/seed-4308';
export * from './seed/demo-year';
export * from './seed/demo-answers';
export * from './skip-tier';
export * from './timing';
