import { z } from 'zod';
import type { Notifier } from '@dm/notification';
import { SmtpNotifier, WebhookNotifier } from './adapters';
import { ConfigError } from './config';

const AGENCY_EMAILS =
  /^[a-z0-9][a-z0-9-]*=[^\s;=,]+@[^\s;=,]+(,[^\s;=,]+@[^\s;=,]+)*(;[a-z0-9][a-z0-9-]*=[^\s;=,]+@[^\s;=,]+(,[^\s;=,]+@[^\s;=,]+)*)*$/;

/** The settings of urging and of the notifiers (docs/reporting.md, "Notifications"); part of every service's environment. */
export const notificationEnvShape = {
  /** Reminders are POSTed here as JSON, signed with NOTIFY_WEBHOOK_SECRET. */
  NOTIFY_WEBHOOK_URL: z
    .string()
    .refine((u) => /^https?:\/\/[^\s]+$/.test(u) && URL.canParse(u), 'must be an http:// or https:// URL')
    .optional(),
  NOTIFY_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  /** smtp://user:password@host:port or smtps://…; a digest per agency goes to the addresses of NOTIFY_EMAILS. */
  SMTP_URL: z
    .string()
    .refine((u) => /^smtps?:\/\/[^\s]+$/.test(u) && URL.canParse(u), 'must be an smtp:// or smtps:// URL')
    .optional(),
  SMTP_FROM: z.string().min(3).optional(),
  NOTIFY_EMAILS: z.string().regex(AGENCY_EMAILS, 'must be agency=address[,address…][;agency=…]').optional(),
  /** How often the deliveries due are sent (default 30 s). */
  NOTIFY_INTERVAL_SECONDS: z
    .string()
    .regex(/^[1-9]\d{0,4}$/, 'must be a whole number of seconds (1-99999)')
    .transform(Number)
    .default('30'),
  URGING: z.enum(['on', 'off']).default('on'),
  URGE_DUE_WITHIN_DAYS: z
    .string()
    .regex(/^\d{1,3}$/, 'must be a whole number of days (0-999)')
    .transform(Number)
    .default('7'),
  URGE_INTERVAL_MINUTES: z
    .string()
    .regex(/^[1-9]\d{0,4}$/, 'must be a whole number of minutes (1-99999)')
    .transform(Number)
    .default('60'),
};

export type NotificationEnv = z.output<z.ZodObject<typeof notificationEnvShape>>;

export interface NotificationSettings {
  notifiers: Notifier[];
  deliveryIntervalMs: number;
  urging: { enabled: boolean; intervalMs: number; rules: { dueWithinDays: number } };
}

/** The notifiers and the scheduler's settings from the environment; a URL without its secret or sender is a ConfigError. */
export function notificationSettingsOf(env: NodeJS.ProcessEnv | NotificationEnv, where = ''): NotificationSettings {
  const parsed = z.object(notificationEnvShape).safeParse(env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; '), where);
  const e = parsed.data;
  const notifiers: Notifier[] = [];
  if (e.NOTIFY_WEBHOOK_URL) {
    if (!e.NOTIFY_WEBHOOK_SECRET) throw new ConfigError('NOTIFY_WEBHOOK_SECRET is required when NOTIFY_WEBHOOK_URL is set', where);
    notifiers.push(new WebhookNotifier({ url: e.NOTIFY_WEBHOOK_URL, secret: e.NOTIFY_WEBHOOK_SECRET }));
  }
  if (e.SMTP_URL) {
    if (!e.SMTP_FROM) throw new ConfigError('SMTP_FROM is required when SMTP_URL is set', where);
    const url = new URL(e.SMTP_URL);
    const addresses = agencyEmails(e.NOTIFY_EMAILS);
    notifiers.push(
      new SmtpNotifier({
        host: url.hostname,
        port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 587)),
        secure: url.protocol === 'smtps:',
        auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
        from: e.SMTP_FROM,
        recipientsOf: (agencyId) => addresses.get(agencyId) ?? [],
      }),
    );
  }
  return {
    notifiers,
    deliveryIntervalMs: e.NOTIFY_INTERVAL_SECONDS * 1000,
    urging: { enabled: e.URGING === 'on', intervalMs: e.URGE_INTERVAL_MINUTES * 60_000, rules: { dueWithinDays: e.URGE_DUE_WITHIN_DAYS } },
  };
}

function agencyEmails(text: string | undefined): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const entry of text ? text.split(';') : []) {
    const [agency, list] = entry.split('=');
    map.set(agency, list.split(','));
  }
  return map;
}
