export * from './assignment';
export * from './report-progress';
export * from './report-completion';
export * from './confirm-completion';
export * from './policy';
export * from './reopen-completion';
