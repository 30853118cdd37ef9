export * from './recording-notifier';
export * from './reminder-notices';
