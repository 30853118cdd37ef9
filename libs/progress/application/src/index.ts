export * from './progress-events.module';
export * from './assignment-view/assignment-view';
export * from './assignment-view/assignment-view.projection';
export * from './tokens';
