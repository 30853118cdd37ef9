export * from './reminder-notice';
export * from './notifier';
export * from './delivery';
export * from './backoff';
export * from './delivery-queue';
