export * from './webhook-notifier';
export * from './webhook-signature';
export type { WebhookPayload } from './webhook-payload';
