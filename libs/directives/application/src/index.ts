export * from './task-assignment.module';
export * from './tokens';
export * from './assignment-activity';
