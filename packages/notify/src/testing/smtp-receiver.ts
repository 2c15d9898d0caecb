import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A message the SMTP server accepted. */
export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server (smtp-server) on 127.0.0.1, port 0. */
export interface SmtpReceiver {
  host: string;
  port: number;
  messages: ReceivedMail[];
  /** Logins the server accepted. */
  logins: { username: string; password: string }[];
  close(): Promise<void>;
}

export interface SmtpReceiverOptions {
  /** Reply code to refuse every recipient with (e.g. 450, 550). */
  rejectRecipientsWith?: number;
  /** Require this login; anything else gets 535. */
  credentials?: { username: string; password: string };
  /** Listen on this port (e.g. the one a receiver closed earlier used, to model an outage). @default 0 */
  port?: number;
}

function smtpError(message: string, responseCode: number): Error {
  return Object.assign(new Error(message), { responseCode });
}

export async function startSmtpReceiver(options: SmtpReceiverOptions = {}): Promise<SmtpReceiver> {
  const messages: ReceivedMail[] = [];
  const logins: { username: string; password: string }[] = [];
  const { credentials, rejectRecipientsWith } = options;
  const server = new SMTPServer({
    disabledCommands: credentials === undefined ? ['STARTTLS', 'AUTH'] : ['STARTTLS'],
    authOptional: credentials === undefined,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      const username = auth.username ?? '';
      const password = auth.password ?? '';
      if (username === credentials?.username && password === credentials.password) {
        logins.push({ username, password });
        callback(null, { user: username });
      } else {
        // Echoes the attempt, as a careless server might, so redaction has something to remove.
        callback(smtpError(`Authentication failed for ${username}:${password}`, 535));
      }
    },
    onRcptTo(address, _session, callback) {
      if (rejectRecipientsWith === undefined) {
        callback();
      } else {
        callback(smtpError(`Mailbox ${address.address} unavailable`, rejectRecipientsWith));
      }
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const mailFrom = session.envelope.mailFrom;
        messages.push({
          from: mailFrom === false ? '' : mailFrom.address,
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => {
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    host: '127.0.0.1',
    port,
    messages,
    logins,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}
