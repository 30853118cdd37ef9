export * from './progress-events.module';
export * from './assignment-view';
export * from './tokens';
