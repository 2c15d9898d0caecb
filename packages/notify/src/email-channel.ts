import { createHash } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { NodemailerError } from 'nodemailer';
import { deliverSafely } from './deliver-safely.ts';
import { renderEmail } from './email-message.ts';
import type { DeliveryResult, NotificationChannel } from './notification-channel.ts';
import { checkNonEmptyString, checkPositiveNumber, invalidOption } from './option-checks.ts';
import { createRedactor, secretsOfUrl } from './redactor.ts';

/** Default timeout of an SMTP connection, greeting, idle socket and whole send, in ms. */
export const DEFAULT_SMTP_TIMEOUT_MS = 10_000;

/** Options of {@link createEmailChannel}. */
export interface EmailChannelOptions {
  /** @default 'email' */
  name?: string;
  /** `smtp://user:pass@host:587` or `smtps://…:465`. Credentials are never echoed. */
  smtpUrl: string;
  /** Sender, e.g. `Taurine <alerts@example.com>`. */
  from: string;
  /** Recipients; at least one. */
  to: readonly string[];
  /** @default 10000 */
  timeoutMs?: number;
}

/** Nodemailer codes of errors raised before anything reached a server: retrying cannot help. */
const FINAL_ERROR_CODES = new Set([
  'ECONFIG',
  'EENVELOPE',
  'EMAXRECIPIENTS',
  'ENOAUTH',
  'EMESSAGE',
]);

/**
 * Maps a nodemailer error: SMTP 4xx replies, 503 (a session-state reply that a new connection
 * fixes) and connection/TLS/timeout errors are retryable; other 5xx replies and local
 * configuration errors are final.
 */
export function classifySmtpError(error: unknown, target: string): DeliveryResult {
  const err = (error instanceof Error ? error : new Error(String(error))) as NodemailerError;
  const responseCode = err.responseCode;
  if (responseCode !== undefined) {
    const reply = (err.response ?? err.message).replace(/\s+/g, ' ').trim().slice(0, 200);
    const retryable = responseCode < 500 || responseCode === 503;
    return { ok: false, retryable, status: responseCode, reason: `${target} answered ${reply}` };
  }
  const code = err.code ?? err.name;
  const retryable = !FINAL_ERROR_CODES.has(code);
  return { ok: false, retryable, reason: `${target}: ${code}` };
}

/** A stable `<hash@domain>` id: the same notification always gets the same Message-ID. */
function messageIdFor(key: string, domain: string): string {
  return `<${createHash('sha256').update(key).digest('hex').slice(0, 32)}@${domain}>`;
}

const SCOPE = 'createEmailChannel';

/**
 * An SMTP email channel (nodemailer). Sends HTML and text bodies with the values, the last
 * hour's trend, recommended actions and a dashboard link; a `report` notification sends its own
 * subject, bodies and attachments, to its own recipients when it names any. Message-ID derives from the
 * idempotency key and References from the fingerprint, so retries are recognisable and mail
 * clients thread one alert's messages together.
 */
export function createEmailChannel(options: EmailChannelOptions): NotificationChannel {
  const name = checkNonEmptyString(SCOPE, 'name', options.name ?? 'email');
  let url: URL | undefined;
  try {
    url = new URL(options.smtpUrl);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'smtp:' && url.protocol !== 'smtps:')) {
    invalidOption(SCOPE, 'smtpUrl must be an smtp:// or smtps:// URL');
  }
  const from = checkNonEmptyString(SCOPE, 'from', options.from);
  if (!Array.isArray(options.to) || options.to.length === 0) {
    invalidOption(SCOPE, 'to must list at least one address');
  }
  const to = options.to.map((address) => checkNonEmptyString(SCOPE, 'to[]', address));
  const timeoutMs = checkPositiveNumber(
    SCOPE,
    'timeoutMs',
    options.timeoutMs ?? DEFAULT_SMTP_TIMEOUT_MS,
  );
  const transporter = nodemailer.createTransport({
    url: options.smtpUrl,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    dnsTimeout: timeoutMs,
    logger: false,
  });
  const target = `SMTP server ${url.host}`;
  const redact = createRedactor(secretsOfUrl(url));
  const domain = /@([A-Za-z0-9.-]+)/.exec(from)?.[1] ?? 'taurine.invalid';

  return {
    type: 'email',
    name,
    send: (notification, signal) =>
      deliverSafely(target, redact, async () => {
        const { report } = notification;
        const message = report ?? renderEmail(notification);
        const timeout = AbortSignal.timeout(timeoutMs);
        try {
          await transporter.sendMail({
            from,
            to:
              report?.recipients !== undefined && report.recipients.length > 0
                ? report.recipients
                : to,
            subject: message.subject,
            text: message.text,
            html: message.html,
            attachments: (report?.attachments ?? []).map((file) => ({
              filename: file.filename,
              contentType: file.contentType,
              content: Buffer.from(file.contentBase64, 'base64'),
            })),
            messageId: messageIdFor(notification.idempotencyKey, domain),
            references: messageIdFor(notification.fingerprint, domain),
            headers: {
              'X-Taurine-Idempotency-Key': notification.idempotencyKey,
              'X-Taurine-Fingerprint': notification.fingerprint,
            },
            signal: signal === undefined ? timeout : AbortSignal.any([timeout, signal]),
          });
          return { ok: true };
        } catch (error) {
          if (timeout.aborted) {
            return {
              ok: false,
              retryable: true,
              reason: `${target}: no reply within ${timeoutMs} ms`,
            };
          }
          return classifySmtpError(error, target);
        }
      }),
  };
}
