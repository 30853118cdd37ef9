export * from './access-log';
export * from './audit-keys';
export * from './audit-trail';
export * from './checkpoint-log';
export * from './event-timeline';
export * from './inspection.module';
export * from './merkle-log';
export * from './store-verification';
