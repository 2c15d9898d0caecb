export { KIND_LABELS } from './alert-notification.ts';
export type {
  AlertNotification,
  AlertStatus,
  MailAttachment,
  ReportMailContent,
  NotificationKind,
  Severity,
  TrendPoint,
} from './alert-notification.ts';
export type {
  ChannelRetryPolicy,
  ChannelType,
  DeliveryResult,
  NotificationChannel,
} from './notification-channel.ts';
export { NotifyError } from './notify-error.ts';
export type { NotifyErrorCode } from './notify-error.ts';
export { systemClock, systemSleep } from './clock.ts';
export type { Clock, Sleep } from './clock.ts';
export { DEFAULT_HTTP_TIMEOUT_MS } from './http-delivery.ts';
export { createRateLimiter } from './rate-limiter.ts';
export type { RateLimiter, RateLimiterOptions, SlotDecision } from './rate-limiter.ts';
export {
  buildSlackMessage,
  createSlackChannel,
  SLACK_RESOLVED_COLOR,
  SLACK_SEVERITY_COLORS,
} from './slack-channel.ts';
export type { SlackChannelOptions, SlackField, SlackMessage } from './slack-channel.ts';
export { createEmailChannel, DEFAULT_SMTP_TIMEOUT_MS } from './email-channel.ts';
export type { EmailChannelOptions } from './email-channel.ts';
export { renderEmail, TREND_TABLE_ROWS, TREND_WINDOW_MS } from './email-message.ts';
export type { EmailMessage } from './email-message.ts';
export {
  buildPagerDutyEvent,
  createPagerDutyChannel,
  PAGERDUTY_ACTIONS,
  PAGERDUTY_EVENTS_URL,
} from './pagerduty-channel.ts';
export type {
  PagerDutyAction,
  PagerDutyChannelOptions,
  PagerDutyEvent,
} from './pagerduty-channel.ts';
export {
  buildWebhookBody,
  createWebhookChannel,
  EVENT_HEADER,
  IDEMPOTENCY_HEADER,
  SIGNATURE_HEADER,
  signWebhookBody,
  TIMESTAMP_HEADER,
} from './webhook-channel.ts';
export type { WebhookBody, WebhookChannelOptions } from './webhook-channel.ts';
export { newOutboxItems } from './outbox-store.ts';
export type {
  DeliveryAttempt,
  NewOutboxItem,
  OutboxItem,
  OutboxQuery,
  OutboxStatus,
  OutboxStore,
} from './outbox-store.ts';
export { createMemoryOutboxStore } from './memory-outbox-store.ts';
export { computeBackoff, DEFAULT_BACKOFF } from './backoff.ts';
export type { BackoffPolicy } from './backoff.ts';
export { createDispatcher } from './dispatcher.ts';
export type { Dispatcher, DispatcherOptions, TickSummary } from './dispatcher.ts';
