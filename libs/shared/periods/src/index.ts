export * from './dates';
export * from './period';
export * from './business-dates';
export * from './deadlines';
export * from './working-days';
export * from './recurrence';
