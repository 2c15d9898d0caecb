import type { AlertNotification } from './alert-notification.ts';

/** The kinds of channel this package ships. */
export type ChannelType = 'slack' | 'email' | 'pagerduty' | 'webhook';

/**
 * Outcome of one delivery attempt. `ok: true` only once the receiver accepted the message.
 * `reason` never contains secrets (webhook URLs, routing keys, passwords).
 */
export type DeliveryResult =
  | { ok: true; status?: number }
  | {
      ok: false;
      /** True for network errors, timeouts, 429 and 5xx; false for anything retrying cannot fix. */
      retryable: boolean;
      /** The receiver asked to wait at least this long (Retry-After). */
      retryAfterMs?: number;
      status?: number;
      reason: string;
    };

/** Per-channel override of the dispatcher's attempt limit and back-off base. */
export interface ChannelRetryPolicy {
  /** Retries after the first attempt; 0 sends once. */
  maxRetries: number;
  /** Base of the exponential back-off for this channel, in milliseconds. */
  backoffMs: number;
}

/** A destination for alert notifications. `send` never throws: failures are results. */
export interface NotificationChannel {
  readonly type: ChannelType;
  /** Unique, stable name: outbox items refer to their channel by it. */
  readonly name: string;
  readonly retryPolicy?: ChannelRetryPolicy;
  send(notification: AlertNotification, signal?: AbortSignal): Promise<DeliveryResult>;
}
