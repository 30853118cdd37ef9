import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

export interface ReceivedMail {
  envelope: { from: string; to: string[] };
  user: string | undefined;
  parsed: ParsedMail;
}

export interface SmtpReceiverOptions {
  /** Refuses RCPT TO for these addresses with `550 <message>`. */
  refuse?: Record<string, string>;
  /** Requires AUTH (PLAIN/LOGIN, allowed without TLS) with these users and passwords. */
  users?: Record<string, string>;
}

export interface SmtpReceiver {
  port: number;
  mails: ReceivedMail[];
  close(): Promise<void>;
}

/** A real SMTP server on 127.0.0.1 without TLS that keeps every message, parsed. */
export async function startSmtpReceiver({ refuse = {}, users }: SmtpReceiverOptions = {}): Promise<SmtpReceiver> {
  const mails: ReceivedMail[] = [];
  const options: SMTPServerOptions = {
    disabledCommands: ['STARTTLS'],
    authOptional: !users,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (users && auth.username && users[auth.username] === auth.password) return callback(null, { user: auth.username });
      callback(Object.assign(new Error('5.7.8 Authentication credentials invalid'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      const reason = refuse[address.address];
      callback(reason ? Object.assign(new Error(reason), { responseCode: 550 }) : null);
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          mails.push({
            envelope: {
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((r) => r.address),
            },
            user: session.user as string | undefined,
            parsed,
          });
          callback();
        })
        .catch(callback);
    },
  };
  const server = new SMTPServer(options);
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.server.address() as AddressInfo).port));
  });
  return { port, mails, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
