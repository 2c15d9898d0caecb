import { KIND_LABELS } from './alert-notification.ts';
import type { AlertNotification, Severity } from './alert-notification.ts';
import { systemClock } from './clock.ts';
import type { Clock, Sleep } from './clock.ts';
import { classifyHttpOutcome, DEFAULT_HTTP_TIMEOUT_MS, postJson } from './http-delivery.ts';
import { deliverSafely } from './deliver-safely.ts';
import type { NotificationChannel } from './notification-channel.ts';
import { formatInstant, formatValueWithThreshold } from './notification-format.ts';
import { checkHttpUrl, checkNonEmptyString, checkPositiveNumber } from './option-checks.ts';
import { createRateLimiter } from './rate-limiter.ts';
import type { RateLimiter } from './rate-limiter.ts';
import { createRedactor, secretsOfUrl } from './redactor.ts';

/** Attachment colour per severity (Slack accepts hex or `good` / `warning` / `danger`). */
export const SLACK_SEVERITY_COLORS: Readonly<Record<Severity, string>> = {
  critical: '#d00000',
  error: 'danger',
  warning: '#daa038',
  info: '#439fe0',
};

/** Attachment colour of a resolved alert. */
export const SLACK_RESOLVED_COLOR = 'good';

/** Options of {@link createSlackChannel}. */
export interface SlackChannelOptions {
  /** @default 'slack' */
  name?: string;
  /** Incoming-webhook URL. A secret: never echoed in reasons or errors. */
  webhookUrl: string;
  /** @default 10000 */
  timeoutMs?: number;
  /** Slack allows about one message per second per webhook. @default 1000 */
  minIntervalMs?: number;
  /** Share one limiter between channels that post to the same webhook. @default a new limiter */
  rateLimiter?: RateLimiter;
  /** @default systemClock */
  clock?: Clock;
  /** Used by the default rate limiter. @default systemSleep */
  sleep?: Sleep;
}

/** One Slack legacy attachment field. */
export interface SlackField {
  title: string;
  value: string;
  short: boolean;
}

/** The body posted to the webhook. */
export interface SlackMessage {
  attachments: {
    fallback: string;
    color: string;
    title: string;
    title_link?: string;
    text: string;
    fields: SlackField[];
    footer: string;
    ts: number;
  }[];
}

/** Slack decodes exactly these three entities; escaping them stops `<!channel>` injection. */
function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Builds the attachment message for a notification. Pure. */
export function buildSlackMessage(notification: AlertNotification): SlackMessage {
  const n = notification;
  const title = `[${KIND_LABELS[n.kind]}] ${n.alertName}`;
  const text = n.description === undefined ? n.summary : `${n.summary}\n${n.description}`;
  const color = n.kind === 'resolved' ? SLACK_RESOLVED_COLOR : SLACK_SEVERITY_COLORS[n.severity];
  return {
    attachments: [
      {
        fallback: escapeSlack(`${title}: ${n.summary}`),
        color,
        title: escapeSlack(title),
        ...(n.dashboardUrl === undefined ? {} : { title_link: n.dashboardUrl }),
        text: escapeSlack(text),
        fields: [
          { title: 'Severity', value: n.severity, short: true },
          { title: 'Time', value: formatInstant(n.at), short: true },
          { title: 'Metric', value: escapeSlack(n.metric), short: true },
          { title: 'Value', value: escapeSlack(formatValueWithThreshold(n)), short: true },
        ],
        footer: 'Taurine',
        ts: Math.floor(n.at / 1000),
      },
    ],
  };
}

const SCOPE = 'createSlackChannel';

/**
 * A Slack incoming-webhook channel. Success is a 200 with body `ok`; 429 honours Retry-After (and
 * holds the webhook's rate limiter that long); 5xx and network errors are retryable; other 4xx
 * are final. Messages to one webhook start at least `minIntervalMs` apart.
 */
export function createSlackChannel(options: SlackChannelOptions): NotificationChannel {
  const name = checkNonEmptyString(SCOPE, 'name', options.name ?? 'slack');
  const url = checkHttpUrl(SCOPE, 'webhookUrl', options.webhookUrl);
  const timeoutMs = checkPositiveNumber(
    SCOPE,
    'timeoutMs',
    options.timeoutMs ?? DEFAULT_HTTP_TIMEOUT_MS,
  );
  const clock = options.clock ?? systemClock;
  const limiter =
    options.rateLimiter ??
    createRateLimiter({
      minIntervalMs: options.minIntervalMs ?? 1000,
      clock,
      ...(options.sleep === undefined ? {} : { sleep: options.sleep }),
    });
  const target = `Slack webhook at ${url.host}`;
  const redact = createRedactor(secretsOfUrl(url));
  const hookKey = url.href;

  return {
    type: 'slack',
    name,
    send: (notification, signal) =>
      deliverSafely(target, redact, async () => {
        const slot = await limiter.acquire(hookKey);
        if (!slot.ok) {
          return {
            ok: false,
            retryable: true,
            retryAfterMs: slot.retryAfterMs,
            reason: `${target}: rate limited, not sent`,
          };
        }
        const outcome = await postJson({
          url: url.href,
          body: JSON.stringify(buildSlackMessage(notification)),
          headers: {},
          timeoutMs,
          target,
          ...(signal === undefined ? {} : { signal }),
        });
        const result = classifyHttpOutcome(outcome, {
          target,
          nowMs: clock.now(),
          accepted: (status, body) => status === 200 && body.trim() === 'ok',
        });
        if (!result.ok && result.status === 429) {
          limiter.holdUntil(hookKey, clock.now() + (result.retryAfterMs ?? 1000));
        }
        return result;
      }),
  };
}
