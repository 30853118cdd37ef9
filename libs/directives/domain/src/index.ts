export * from './directive';
export * from './issue-directive';
export * from './change-deadline';
export * from './cancel-task';
export * from './amend-task';
export * from './close-directive';
export * from './ids';
export * from './policy';
