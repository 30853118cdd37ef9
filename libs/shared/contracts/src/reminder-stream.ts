import { createHash } from 'node:crypto';

/** One stream per reminder condition: a second reminder for the same condition finds the stream there. */
export const reminderStreamId = (key: string) => `reminder-${createHash('sha256').update(key).digest('hex').slice(0, 32)}`;
