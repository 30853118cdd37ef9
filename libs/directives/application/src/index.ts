export * from './task-assignment.module';
export * from './tokens';
