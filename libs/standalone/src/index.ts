export * from './config';
export * from './embedded-runtime';
export * from './embedded-app';
export * from './rebuild';
export * from './single-service';
