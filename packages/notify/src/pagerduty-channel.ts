import { KIND_LABELS } from './alert-notification.ts';
import type { AlertNotification, NotificationKind, Severity } from './alert-notification.ts';
import { systemClock } from './clock.ts';
import type { Clock } from './clock.ts';
import { classifyHttpOutcome, DEFAULT_HTTP_TIMEOUT_MS, postJson } from './http-delivery.ts';
import { deliverSafely } from './deliver-safely.ts';
import type { NotificationChannel } from './notification-channel.ts';
import {
  formatInstant,
  formatMetricValue,
  formatThreshold,
  truncate,
} from './notification-format.ts';
import { checkHttpUrl, checkNonEmptyString, checkPositiveNumber } from './option-checks.ts';
import { createRedactor, secretsOfUrl } from './redactor.ts';

/** The Events API v2 endpoint. */
export const PAGERDUTY_EVENTS_URL = 'https://events.pagerduty.com/v2/enqueue';

/** PagerDuty rejects summaries longer than this. */
const MAX_SUMMARY_LENGTH = 1024;

/** Options of {@link createPagerDutyChannel}. */
export interface PagerDutyChannelOptions {
  /** @default 'pagerduty' */
  name?: string;
  /** Integration routing key. A secret: never echoed in reasons or errors. */
  routingKey: string;
  /** @default PAGERDUTY_EVENTS_URL */
  endpoint?: string;
  /** `payload.source`: the affected system. @default 'taurine' */
  source?: string;
  /** @default 10000 */
  timeoutMs?: number;
  /** @default systemClock */
  clock?: Clock;
}

/** PagerDuty event action. */
export type PagerDutyAction = 'trigger' | 'acknowledge' | 'resolve';

/** Events API v2 body. `payload` is sent with `trigger` only. */
export interface PagerDutyEvent {
  routing_key: string;
  event_action: PagerDutyAction;
  dedup_key: string;
  payload?: {
    summary: string;
    source: string;
    severity: Severity;
    timestamp: string;
    custom_details: Record<string, unknown>;
  };
  client?: string;
  client_url?: string;
}

/** Event action per notification kind: repeats and escalations re-trigger the same incident. */
export const PAGERDUTY_ACTIONS: Readonly<Record<NotificationKind, PagerDutyAction>> = {
  firing: 'trigger',
  repeat: 'trigger',
  escalation: 'trigger',
  test: 'trigger',
  // Reports are routed to email and Slack only; a misrouted one opens nothing lasting.
  report: 'trigger',
  acknowledged: 'acknowledge',
  resolved: 'resolve',
};

/** Builds the event for a notification; `dedup_key` is the alert fingerprint. Pure. */
export function buildPagerDutyEvent(
  notification: AlertNotification,
  routingKey: string,
  source: string,
): PagerDutyEvent {
  const n = notification;
  const action = PAGERDUTY_ACTIONS[n.kind];
  const event: PagerDutyEvent = {
    routing_key: routingKey,
    event_action: action,
    dedup_key: n.fingerprint,
  };
  if (action !== 'trigger') return event;
  return {
    ...event,
    payload: {
      summary: truncate(
        `[${KIND_LABELS[n.kind]}] ${n.alertName}: ${n.summary}`,
        MAX_SUMMARY_LENGTH,
      ),
      source,
      severity: n.severity,
      timestamp: formatInstant(n.at),
      custom_details: {
        kind: n.kind,
        metric: n.metric,
        value: n.value,
        threshold: n.threshold,
        ...(n.unit === undefined ? {} : { unit: n.unit }),
        valueText: formatMetricValue(n, n.value),
        ...(n.threshold === null ? {} : { thresholdText: formatThreshold(n) }),
        status: n.status,
        startsAt: formatInstant(n.startsAt),
        idempotencyKey: n.idempotencyKey,
        ...(n.description === undefined ? {} : { description: n.description }),
        ...(n.recommendedActions === undefined ? {} : { recommendedActions: n.recommendedActions }),
        ...(n.tags === undefined ? {} : { tags: n.tags }),
      },
    },
    client: 'Taurine',
    ...(n.dashboardUrl === undefined ? {} : { client_url: n.dashboardUrl }),
  };
}

const SCOPE = 'createPagerDutyChannel';

/**
 * A PagerDuty Events API v2 channel: 2xx (202) is success, 429 and 5xx are retried, 400 and
 * other 4xx are final.
 */
export function createPagerDutyChannel(options: PagerDutyChannelOptions): NotificationChannel {
  const name = checkNonEmptyString(SCOPE, 'name', options.name ?? 'pagerduty');
  const routingKey = checkNonEmptyString(SCOPE, 'routingKey', options.routingKey);
  const endpoint = checkHttpUrl(SCOPE, 'endpoint', options.endpoint ?? PAGERDUTY_EVENTS_URL);
  const source = checkNonEmptyString(SCOPE, 'source', options.source ?? 'taurine');
  const timeoutMs = checkPositiveNumber(
    SCOPE,
    'timeoutMs',
    options.timeoutMs ?? DEFAULT_HTTP_TIMEOUT_MS,
  );
  const clock = options.clock ?? systemClock;
  const target = `PagerDuty at ${endpoint.host}`;
  const redact = createRedactor([routingKey, ...secretsOfUrl(endpoint)]);

  return {
    type: 'pagerduty',
    name,
    send: (notification, signal) =>
      deliverSafely(target, redact, async () => {
        const outcome = await postJson({
          url: endpoint.href,
          body: JSON.stringify(buildPagerDutyEvent(notification, routingKey, source)),
          headers: {},
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
