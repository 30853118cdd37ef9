import { createHash } from 'node:crypto';
import type { ConnectionOptions } from 'node:tls';
import { createTransport } from 'nodemailer';
import type { DeliveryOutcome, Notifier, ReminderNotice } from '@dm/notification';
import { digestEmail } from './digest-email';

export interface SmtpNotifierOptions {
  host: string;
  port: number;
  /** TLS from the start (port 465); otherwise STARTTLS when the server offers it. */
  secure?: boolean;
  /** Never STARTTLS (a loopback server in tests). */
  ignoreTLS?: boolean;
  /** Fail unless STARTTLS succeeds. */
  requireTLS?: boolean;
  tls?: ConnectionOptions;
  auth?: { user: string; pass: string };
  /** The From header, e.g. `"Văn phòng UBND tỉnh" <noreply@example.gov.vn>`. */
  from: string;
  /** The addresses of an agency. */
  recipientsOf: (agencyId: string) => string[] | Promise<string[]>;
  /** For connecting, the greeting and each socket read; default 10 000. */
  timeoutMs?: number;
  now?: () => Date;
}

/** Sends each agency's reminders as one e-mail (a digest) over SMTP; the queue retries a failed one. */
export class SmtpNotifier implements Notifier {
  readonly channel = 'email';
  private readonly transport: ReturnType<typeof createTransport>;
  private readonly now: () => Date;

  constructor(private readonly options: SmtpNotifierOptions) {
    const timeoutMs = options.timeoutMs ?? 10_000;
    this.now = options.now ?? (() => new Date());
    this.transport = createTransport({
      host: options.host,
      port: options.port,
      secure: options.secure ?? false,
      ignoreTLS: options.ignoreTLS,
      requireTLS: options.requireTLS,
      tls: options.tls,
      auth: options.auth,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
    });
  }

  async deliver(agencyId: string, notices: ReminderNotice[]): Promise<DeliveryOutcome> {
    const reminderIds = notices.map((n) => n.reminderId);
    const outcome = ({ ok, attempts, error }: Pick<DeliveryOutcome, 'ok' | 'attempts' | 'error'>): DeliveryOutcome => ({
      reminderIds,
      ok,
      attempts,
      ...(error === undefined ? {} : { error }),
      at: this.now().toISOString(),
    });
    let recipients: string[];
    try {
      recipients = [...new Set((await this.options.recipientsOf(agencyId)).map((a) => a.trim()).filter(Boolean))];
    } catch (error) {
      return outcome({ ok: false, attempts: 0, error: `cannot read the addresses of agency ${agencyId}: ${messageOf(error)}` });
    }
    if (!recipients.length) return outcome({ ok: false, attempts: 0, error: `no e-mail address for agency ${agencyId}` });

    const { subject, text, html } = digestEmail(notices);
    try {
      const info = await this.transport.sendMail({
        from: this.options.from,
        to: recipients,
        subject,
        text,
        html,
        messageId: messageIdOf(reminderIds, this.options.from),
        headers: { 'X-DM-Reminders': reminderIds.join(', '), 'X-DM-Agency': agencyId },
      });
      const refused = info.rejected.map(String);
      // Some recipients took it: sending again would repeat it to them, so the outcome is ok and names the others.
      return refused.length
        ? outcome({ ok: true, attempts: 1, error: `refused recipients: ${refused.join(', ')}` })
        : outcome({ ok: true, attempts: 1 });
    } catch (error) {
      return outcome({ ok: false, attempts: 1, error: messageOf(error) });
    }
  }

  close(): void {
    this.transport.close();
  }
}

/** The same digest sent again has the same Message-ID, so mail clients may show it once. */
function messageIdOf(reminderIds: string[], from: string): string {
  const hash = createHash('sha256')
    .update(JSON.stringify([...reminderIds].sort()))
    .digest('hex')
    .slice(0, 32);
  const domain = /@([^\s<>@]+)>?\s*$/.exec(from)?.[1] ?? 'localhost';
  return `<dm-reminders.${hash}@${domain}>`;
}

/** The server's reply where nodemailer kept it apart from its own message. Duck-typed: errors may come from another realm. */
function messageOf(error: unknown): string {
  const { message, response } = (error ?? {}) as { message?: string; response?: string };
  if (typeof message !== 'string') return String(error);
  return response && !message.includes(response) ? `${message}: ${response}` : message;
}
