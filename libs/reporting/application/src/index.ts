export * from './report-projection.module';
export * from './report-projection';
export * from './report-queries';
export * from './read-models';
