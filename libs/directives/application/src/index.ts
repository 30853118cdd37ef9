export * from './task-assignment.module';
export * from './tokens';
export * from './assignment-activity';
export * from './registry-projection';
export * from './registry-seed';
