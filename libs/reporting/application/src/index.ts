export * from './report-projection.module';
export * from './report-projector';
export * from './report-queries';
export * from './directive-projection';
export * from './read-models';
