import { createHmac } from 'node:crypto';
import type { AlertNotification } from './alert-notification.ts';
import { systemClock } from './clock.ts';
import type { Clock } from './clock.ts';
import { classifyHttpOutcome, DEFAULT_HTTP_TIMEOUT_MS, postJson } from './http-delivery.ts';
import { deliverSafely } from './deliver-safely.ts';
import { formatMetricValue, formatThreshold } from './notification-format.ts';
import type { ChannelRetryPolicy, NotificationChannel } from './notification-channel.ts';
import {
  checkHttpUrl,
  checkNonEmptyString,
  checkNonNegativeInteger,
  checkPositiveNumber,
  invalidOption,
} from './option-checks.ts';
import { createRedactor, secretsOfUrl } from './redactor.ts';

/** Header carrying `sha256=<hex>`, the HMAC-SHA256 of the raw body keyed with the secret. */
export const SIGNATURE_HEADER = 'X-Taurine-Signature';
/** Header carrying the send time in Unix seconds (the body's `timestamp` is the same instant). */
export const TIMESTAMP_HEADER = 'X-Taurine-Timestamp';
/** Header carrying the notification's idempotency key, identical on every retry. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
/** Header carrying the event name, e.g. `alert.firing`. */
export const EVENT_HEADER = 'X-Taurine-Event';

const RESERVED_HEADERS = [
  'content-type',
  SIGNATURE_HEADER.toLowerCase(),
  TIMESTAMP_HEADER.toLowerCase(),
  IDEMPOTENCY_HEADER.toLowerCase(),
  EVENT_HEADER.toLowerCase(),
];

/** Options of {@link createWebhookChannel}. */
export interface WebhookChannelOptions {
  /** @default 'webhook' */
  name?: string;
  /** Receiver URL. Treated as a secret (it may embed a token): only its host is ever shown. */
  url: string;
  /** HMAC key for {@link SIGNATURE_HEADER}; without it requests are unsigned. */
  secret?: string;
  /** Extra headers, e.g. Authorization. Their values are redacted from reasons. */
  headers?: Record<string, string>;
  /** Overrides the dispatcher's attempt limit and back-off base for this channel. */
  retryPolicy?: ChannelRetryPolicy;
  /** @default 10000 */
  timeoutMs?: number;
  /** @default systemClock */
  clock?: Clock;
}

/**
 * The JSON body: `data` is the notification plus `groupKey` (= fingerprint) and the numbers as a
 * person reads them. `value` and `threshold` stay raw, in `unit`, for machines; `valueText` and
 * `thresholdText` are rounded with units (`2.67 %`, `5 %`).
 */
export interface WebhookBody {
  timestamp: string;
  event: string;
  data: AlertNotification & { groupKey: string; valueText: string; thresholdText: string | null };
}

/** Builds the body for a notification sent at `nowMs`. Pure. */
export function buildWebhookBody(notification: AlertNotification, nowMs: number): WebhookBody {
  return {
    timestamp: new Date(nowMs).toISOString(),
    event: `alert.${notification.kind}`,
    data: {
      groupKey: notification.fingerprint,
      ...notification,
      valueText: formatMetricValue(notification, notification.value),
      thresholdText: formatThreshold(notification),
    },
  };
}

/** `sha256=<hex>` of the raw body; receivers recompute it to verify a request. */
export function signWebhookBody(rawBody: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

const SCOPE = 'createWebhookChannel';

/** A generic JSON webhook: 2xx is success, 429 and 5xx are retried, other statuses are final. */
export function createWebhookChannel(options: WebhookChannelOptions): NotificationChannel {
  const name = checkNonEmptyString(SCOPE, 'name', options.name ?? 'webhook');
  const url = checkHttpUrl(SCOPE, 'url', options.url);
  const timeoutMs = checkPositiveNumber(
    SCOPE,
    'timeoutMs',
    options.timeoutMs ?? DEFAULT_HTTP_TIMEOUT_MS,
  );
  if (options.secret !== undefined) checkNonEmptyString(SCOPE, 'secret', options.secret);
  const headers = { ...options.headers };
  try {
    new Headers(headers);
  } catch {
    invalidOption(SCOPE, 'headers must be valid HTTP header names and values');
  }
  for (const header of Object.keys(headers)) {
    if (RESERVED_HEADERS.includes(header.toLowerCase())) {
      invalidOption(SCOPE, `headers must not set the reserved header "${header}"`);
    }
  }
  const retryPolicy = options.retryPolicy;
  if (retryPolicy !== undefined) {
    checkNonNegativeInteger(SCOPE, 'retryPolicy.maxRetries', retryPolicy.maxRetries);
    checkPositiveNumber(SCOPE, 'retryPolicy.backoffMs', retryPolicy.backoffMs);
  }
  const clock = options.clock ?? systemClock;
  const target = `webhook at ${url.host}`;
  const redact = createRedactor([
    ...secretsOfUrl(url),
    ...(options.secret === undefined ? [] : [options.secret]),
    ...Object.values(headers),
  ]);

  return {
    type: 'webhook',
    name,
    ...(retryPolicy === undefined ? {} : { retryPolicy: { ...retryPolicy } }),
    send: (notification, signal) =>
      deliverSafely(target, redact, async () => {
        const nowMs = clock.now();
        const body = buildWebhookBody(notification, nowMs);
        const rawBody = JSON.stringify(body);
        const outcome = await postJson({
          url: url.href,
          body: rawBody,
          headers: {
            ...headers,
            [IDEMPOTENCY_HEADER]: notification.idempotencyKey,
            [EVENT_HEADER]: body.event,
            [TIMESTAMP_HEADER]: String(Math.floor(nowMs / 1000)),
            ...(options.secret === undefined
              ? {}
              : { [SIGNATURE_HEADER]: signWebhookBody(rawBody, options.secret) }),
          },
          timeoutMs,
          target,
          ...(signal === undefined ? {} : { signal }),
        });
        return classifyHttpOutcome(outcome, {
          target,
          nowMs: clock.now(),
          accepted: (status) => status >= 200 && status < 300,
        });
      }),
  };
}
